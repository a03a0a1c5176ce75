/**
 * Working with an EIC tenant through EIC's own REST API (issue 16): sign in, compare a connection
 * folder with the tenant's connection, deploy it (testConnection), pull a connection into a
 * folder, and run a job. Pure: fetch, the clock and the file system are injected. The VS Code
 * client and the CLI (deploy, pull, diff) are thin layers over this facade.
 */
import type { TransportFs } from '../transport/transportFs';
import { didYouMean } from '../text/didYouMean';
import { EicApi } from './eicApi';
import { EicProblemError } from './eicProblems';
import { EicSession, type EicCredentials } from './eicSession';
import type { EicTransportOptions } from './eicTransport';
import { pullIntoFolder, type PullOptions, type PullResult } from './pullConnection';
import type { TenantAddress } from './tenantAddress';

export { EIC_VERSIONS, EIC_PATHS, REST_ATTRIBUTE_KEYS, isEicVersion, attributeKnownIn, versionGateMessage, findRestAttribute } from './eicCatalog';
export type { EicVersion, EicOperation } from './eicCatalog';
export { parseTenantAddress, isLoopbackHost, EIC_URL_SETTING } from './tenantAddress';
export type { TenantAddress } from './tenantAddress';
export { EicSession, eicCredentials, checkAnswer } from './eicSession';
export type { EicCredentials } from './eicSession';
export { EicTransport, EicSecrets, EIC_DEFAULT_TIMEOUT_MS } from './eicTransport';
export type { EicTransportOptions, EicProgress, EicAnswer } from './eicTransport';
export { EicApi, readSaveOutcome } from './eicApi';
export type { SaveOutcome, JobSpec, JobMetadata } from './eicApi';
export { EicProblemError, classifyEicAnswer, SAV_ROLE_EXPLANATION } from './eicProblems';
export type { EicProblem, EicProblemKind } from './eicProblems';
export { errorCodeOf, messageOf } from './eicAnswers';
export { readConnectionDetails, readConnectionList, classifyConnectionJson } from './tenantConnection';
export type { TenantConnection, ConnectionSummary, ConnectionJsonReadBack } from './tenantConnection';
export { compareConnection, summaryLine, CONNECTION_JSON_NOTE } from './compareConnection';
export type { ConnectionComparison, AttributeComparison, AttributeStatus, FieldComparison } from './compareConnection';
export { compareTexts, canonicalJson, deployableText, printedLike } from './attributeText';
export { planDeploy, planLines } from './deployPlan';
export type { DeployPlan, DeployPlanOptions } from './deployPlan';
export { deployConnection } from './deployConnection';
export type { DeployOptions, DeployResult, DeployStage } from './deployConnection';
export {
  fillConnectionJson, findSecretSlots, isSecretPlaceholder, environmentVariableFor, missingSecretsMessage, INTERCOM_TOKEN_VARIABLE,
} from './connectionJsonSecrets';
export type { SecretSlot, SecretSource, SecretKind } from './connectionJsonSecrets';
export { pullIntoFolder, pulledContent, tenantAsExport, PullConflictError } from './pullConnection';
export type { PullResult, PullOptions, PullConflict } from './pullConnection';
export { runJobAndWait } from './eicJobs';
export type { JobRunResult, JobRunOptions, JobOutcome, JobProgress } from './eicJobs';

/** A signed-in API client for one tenant (the session logs in on the first call). */
export function openEicApi(address: TenantAddress, credentials: EicCredentials, options: EicTransportOptions): EicApi {
  return new EicApi(new EicSession(address, credentials, options));
}

/** The tenant has no connection of that name: says so, with the closest names it does have. */
export async function connectionNotFound(api: EicApi, name: string): Promise<EicProblemError> {
  let hint = '';
  try {
    const names = (await api.listConnections()).map(c => c.name);
    const close = didYouMean(name, names);
    hint = close ? ` Did you mean "${close}"?`
      : names.length ? ` It has ${names.length} connection(s)${names.length <= 10 ? `: ${names.map(n => `"${n}"`).join(', ')}` : ''}.` : ' It has no connections.';
  } catch { /* the hint is optional */ }
  return new EicProblemError({ kind: 'not-found', operation: 'getConnectionDetails',
    message: `The tenant ${api.host} has no connection named "${name}".${hint}` });
}

/** Reads the tenant's connection and writes it into `folder` (see pullIntoFolder). */
export async function pullConnection(api: EicApi, fs: TransportFs, name: string, folder: string, options: PullOptions = {}): Promise<PullResult> {
  const tenant = await api.connectionDetails(name);
  if (!tenant) throw await connectionNotFound(api, name);
  return pullIntoFolder(fs, tenant, folder, { host: api.host, ...options });
}
