/**
 * Deploying a connection folder to the tenant, start to end: the packaging check (errors stop it
 * unless overridden), the tenant's current connection, the comparison and the plan, the caller's
 * confirmation, ConnectionJSON's credentials filled in (only when asked), the save
 * (testConnection), EIC's own connection test read from the answer, and a read-back that says
 * whether the tenant now holds what was sent — and whether its ConnectionJSON survived.
 */
import type { ConnectionFolder } from '../transport/connectionFolder';
import type { PackageValidator } from '../transport/packageValidator';
import { compareConnection, type ConnectionComparison } from './compareConnection';
import type { SecretToken } from '../runner/secret';
import { fillConnectionJson, findSecretSlots, missingSecretsMessage, type SecretSlot, type SecretSource } from './connectionJsonSecrets';
import { deployableText } from './attributeText';
import type { EicApi, SaveOutcome } from './eicApi';
import { findRestAttribute, versionGateMessage, type EicVersion } from './eicCatalog';
import { EicProblemError } from './eicProblems';
import { planDeploy, type DeployPlan } from './deployPlan';

export interface DeployOptions {
  withConnectionJson?: boolean;
  /** Where ConnectionJSON's credentials come from (required with withConnectionJson). */
  secrets?: SecretSource;
  /** Tells the user where missing credentials can come from. */
  secretsFrom?: 'editor' | 'environment';
  version?: EicVersion;
  /** The packaging check (the engine's diagnostics); errors stop the deploy unless allowErrors. */
  validate?: PackageValidator;
  allowErrors?: boolean;
  /** Asked with the plan before anything is sent; false (or absent) = a preview only. */
  confirm?(plan: DeployPlan, comparison: ConnectionComparison): Promise<boolean> | boolean;
}

export type DeployStage = 'check-errors' | 'refused' | 'preview' | 'declined' | 'up-to-date' | 'saved';

export interface DeployResult {
  stage: DeployStage;
  connectionName: string;
  comparison?: ConnectionComparison;
  plan?: DeployPlan;
  /** The packaging check's messages (errors first). */
  checkMessages: string[];
  checkErrors: number;
  /** Why nothing was sent. */
  refusals: string[];
  save?: SaveOutcome;
  /** After the save: the tenant's connection compared again. */
  verification?: ConnectionComparison;
  /** ConnectionJSON's placeholders that are (or would be) filled in. */
  secretSlots: SecretSlot[];
  /** ConnectionJSON credentials filled in (paths only). */
  filledSecrets: string[];
  warnings: string[];
  notes: string[];
}

export async function deployConnection(api: EicApi, folder: ConnectionFolder, options: DeployOptions = {}): Promise<DeployResult> {
  const result: DeployResult = {
    stage: 'refused', connectionName: folder.name, checkMessages: [], checkErrors: 0, refusals: [], secretSlots: [], filledSecrets: [], warnings: [], notes: [],
  };
  if (folder.errors.length) { result.refusals.push(...folder.errors); return result; }
  if (options.validate) {
    const outcome = await options.validate(folder.attributes.map(a => ({ attribute: a.name, fileName: a.fileName, path: a.path, text: a.text })));
    result.checkMessages = outcome.messages;
    result.checkErrors = outcome.errors;
    if (outcome.errors > 0 && !options.allowErrors) {
      result.stage = 'check-errors';
      const first = outcome.messages[0] ? ` The first: ${outcome.messages[0]}` : '';
      result.refusals.push(`${outcome.errors} error(s) in ${folder.path}: fix them first (or deploy anyway, in the editor).${first}`);
      return result;
    }
  }
  const tenant = await api.connectionDetails(folder.name);
  const comparison = compareConnection(folder, tenant);
  const plan = planDeploy(folder, comparison, { withConnectionJson: options.withConnectionJson, version: options.version });
  Object.assign(result, { comparison, plan });
  result.notes.push(...plan.notes);
  if (plan.refusals.length) { result.refusals.push(...plan.refusals); return result; }
  if (plan.upToDate) { result.stage = 'up-to-date'; return result; }
  const connectionJsonText = plan.connectionJson === 'send'
    ? deployableText(folder.attributes.find(a => a.name.toLowerCase() === 'connectionjson')?.text ?? '') : undefined;
  if (connectionJsonText !== undefined) result.secretSlots = findSecretSlots(connectionJsonText);
  if (!options.confirm) { result.stage = 'preview'; return result; }
  if (!(await options.confirm(plan, comparison))) { result.stage = 'declined'; return result; }

  const fields: Record<string, string | SecretToken> = { ...plan.fields };
  if (plan.connectionJson === 'send') {
    if (connectionJsonText === undefined || !options.secrets) {
      result.refusals.push('ConnectionJSON was asked for, but there is nothing to fill its credentials from.');
      return result;
    }
    const filled = await fillConnectionJson(connectionJsonText, options.secrets);
    api.session.addSecrets(...filled.secrets);
    if (filled.missing.length || !filled.text) {
      result.refusals.push(missingSecretsMessage(filled.missing, options.secretsFrom ?? 'environment'));
      return result;
    }
    api.session.addSecrets(filled.text);
    fields.ConnectionJSON = filled.text;
    result.filledSecrets = filled.filled.map(s => s.jsonPath);
  }
  try {
    result.save = await api.saveConnection(fields);
  } catch (e) {
    if (e instanceof EicProblemError && e.problem.kind === 'unknown-attribute') explainUnknownAttribute(e, plan, options.version);
    throw e;
  }
  result.stage = 'saved';
  try {
    result.verification = compareConnection(folder, await api.connectionDetails(folder.name));
  } catch (e) {
    if (!(e instanceof EicProblemError) || e.problem.kind === 'cancelled') throw e;
    result.warnings.push(`The connection was saved, but reading it back failed: ${e.problem.message}`);
    return result;
  }
  const left = result.verification.summary;
  const drift = [...left.changed, ...left['only-local'], ...left['only-tenant']];
  if (!result.verification.exists) result.warnings.push(`EIC answered the save, but a read-back finds no connection named "${folder.name}".`);
  else if (drift.length) result.warnings.push(`After the save the tenant still differs in ${drift.join(', ')}: EIC did not keep what was sent.`);
  const before = comparison.connectionJson.tenant;
  const after = result.verification.connectionJson.tenant;
  if (plan.connectionJson === 'keep' && (before === 'ciphertext' || before === 'plaintext') && after === 'empty') {
    result.warnings.push('The tenant no longer has a ConnectionJSON after this save: it replaces the fields a save leaves out. '
      + 'Deploy again with ConnectionJSON to restore it.');
  }
  return result;
}

/** Names the attribute and the release in EIC's "invalid attribute" refusal. */
function explainUnknownAttribute(error: EicProblemError, plan: DeployPlan, version: EicVersion | undefined): void {
  const said = error.problem.eicMessage ?? '';
  const sent = Object.keys(plan.fields).filter(k => plan.fields[k] !== '' && findRestAttribute(k));
  const named = sent.find(k => said.toLowerCase().includes(k.toLowerCase()))
    ?? sent.find(k => findRestAttribute(k)?.since);
  if (!named) return;
  error.problem.attribute = named;
  error.problem.message += ` ${versionGateMessage(named, version)}`;
}
