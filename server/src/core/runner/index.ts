/**
 * The test-call engine (issue 4), pure TypeScript without `vscode`: used by the VS Code client
 * (with VS Code's fetch) and by the CLI (`call`, `preview-import`).
 */
export { SecretToken, TokenFormatError, redact, redactDeep } from './secret';
export { CannotEvaluate, evaluateExpression, renderValue, truthy } from './expression';
export { findTemplateParts, resolveTemplate, normalizeVariables, variablesFromPairs } from './template';
export type { TemplateResult, TemplateProblem, TemplatePart } from './template';
export { INTERCOM_API_HOSTS, ALLOWED_HOSTS_SETTING, isIntercomHost, tokenAllowedFor, rebaseUrl, intercomBaseUrl } from './hosts';
export { prepareRequest, isMutating, httpMethodFor, describeRequest } from './request';
export type { CallTemplate, PreparedRequest, PrepareOptions, RequestProblem } from './request';
export { sendRequest, checkSendable, rateLimitWait, rateLimitFrom, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RATE_LIMIT_WAIT_MS } from './send';
export type { SendOptions, SendProgress, HttpResponse, RateLimitInfo, FetchLike } from './send';
export { HttpProblemError, classifyStatus, permissionForScope } from './problems';
export type { HttpProblem, HttpProblemKind } from './problems';
export { realClock } from './clock';
export type { EngineClock } from './clock';
export { pickPaths, parsePath, lookupPath, resolveBodyPath, parseMapping } from './paths';
export type { PickedPath, PickContext, PathLookup } from './paths';
export { runImport } from './importRun';
export { previewVerdict, READ_ONLY_POST_PATHS } from './previewPolicy';
export type { PreviewVerdict, WriteQuestion } from './previewPolicy';
export type { ImportPreview, ImportOptions, ImportRow, ImportProgress, ImportProblem, ImportStats, CallRunSummary, ConnectionDocs, ImportWindow } from './importRun';
export type { Membership } from './memberships';
export { readImportModel } from './importModel';
export { mapRecord } from './mapping';
export { toCsv, csvField } from './csv';
export { createTicket, pollTicketStatus, readCallList } from './tickets';
export type { CreateTicketResult, PollResult, PollOptions, PollEvent, PollOutcome, TicketFlowOptions } from './tickets';
export { httpOptionsFromSettings } from './settings';
