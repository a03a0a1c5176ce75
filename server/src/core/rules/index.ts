/**
 * The rules of the analysis, in the order they run (the order of the findings of equal offset
 * depends on it). Adding a rule = one file exporting a `Rule` + one entry here. An engine takes
 * any array of rules (createEngine's `rules` option); this one is the default.
 */
import type { Rule } from './rule';
import { bindingRule } from './bindingRules';
import { httpParamsJsonRule } from './httpParamsJson';
import { mappingSyntaxRule } from './mappingSyntax';
import { mappingTargetsRule } from './mappingTargets';
import { importKeysRule } from './importKeys';
import { acctentMappingRule } from './acctEntMappingRule';
import { importStructureRule } from './importStructure';
import { paginationRule } from './paginationRule';
import { crossFileNamesRule } from './crossFileNames';
import { callNamesRule } from './callNames';
import { urlLintRule } from './urlLint';
import { templatePlaceholdersRule } from './templatePlaceholders';
import { textHygieneRule } from './textHygiene';
import { httpFieldsRule } from './httpFields';
import { authConfigRule } from './authConfig';
import { valueTypesRule } from './valueTypes';
import { secretLiteralRule } from './secretLiteral';
import { entitlementCoverageRule } from './entitlementCoverage';
import { intercomVersionRule } from '../intercom/rules/versionRule';
import { intercomEndpointRule } from '../intercom/rules/endpointRule';
import { intercomHeadersRule } from '../intercom/rules/headerRules';
import { intercomResponsePathsRule } from '../intercom/rules/responsePathRule';
import { intercomPaginationRule } from '../intercom/rules/paginationRule';
import { intercomCursorEncodingRule } from '../intercom/rules/cursorEncodingRule';
import { intercomPerPageMaxRule } from '../intercom/rules/pageSizeRule';
import { intercomTicketStatusRule } from '../intercom/rules/ticketStatusRule';
import { intercomRequestBodyRule } from '../intercom/rules/requestBodyRule';
import { intercomBodySchemaRule } from '../intercom/rules/bodySchemaRule';
import { intercomSuccessStatusRule } from '../intercom/rules/successStatusRule';
import { intercomSearchQueryRule } from '../intercom/rules/searchQueryRule';
import { intercomTeammateContactCallRule } from '../intercom/rules/teammateContactCallRule';
import { intercomTicketTypeLiteralRule } from '../intercom/rules/ticketTypeLiteralRule';
import { intercomTicketContactEmailRule } from '../intercom/rules/ticketContactEmailRule';
import { intercomSearchOnePageRule } from '../intercom/rules/searchWindowRule';

export const defaultRules: readonly Rule[] = [
  bindingRule,
  httpParamsJsonRule,
  mappingSyntaxRule,
  mappingTargetsRule,
  importKeysRule,
  acctentMappingRule,
  importStructureRule,
  paginationRule,
  crossFileNamesRule,
  callNamesRule,
  urlLintRule,
  templatePlaceholdersRule,
  textHygieneRule,
  httpFieldsRule,
  authConfigRule,
  valueTypesRule,
  secretLiteralRule,
  entitlementCoverageRule,
  intercomVersionRule,
  intercomEndpointRule,
  intercomHeadersRule,
  intercomResponsePathsRule,
  intercomPaginationRule,
  intercomCursorEncodingRule,
  intercomPerPageMaxRule,
  intercomTicketStatusRule,
  intercomRequestBodyRule,
  intercomBodySchemaRule,
  intercomSuccessStatusRule,
  intercomSearchQueryRule,
  intercomTeammateContactCallRule,
  intercomTicketTypeLiteralRule,
  intercomTicketContactEmailRule,
  intercomSearchOnePageRule,
];
