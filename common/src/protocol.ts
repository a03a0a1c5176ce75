/**
 * Declared once, used by both the client and the server: the language id, the
 * settings, and the custom requests between them.
 */

export const LANGUAGE_ID = 'saviynt-json';
export const EXTENSION_ID = 'eic-tools.saviynt-intercom-rest';
export const SETTINGS_SECTION = 'saviyntRest';
/** The environment variable that names the language server's code-cache directory (or `off`): server/src/node/codeCache.ts. */
export const CODE_CACHE_ENV = 'SAVIYNT_REST_CODE_CACHE';

/**
 * The Intercom-Version assumed for a call that sends none (setting saviyntRest.intercom.defaultVersion),
 * declared once: the settings' default here and in package.json (a test compares them), the client,
 * and the analysis (intercom/rules/model.ts RECOMMENDED_VERSION).
 */
export const DEFAULT_INTERCOM_VERSION = '2.15';

/** The settings the server reads (section `saviyntRest`). */
export interface ServerSettings {
  validation: {
    enable: boolean;
    /** Milliseconds to wait after the last keystroke before validating. */
    debounceMs: number;
    /** Documents larger than this (characters) are not checked. */
    maxDocumentSize: number;
  };
  intercom: {
    /** Intercom-Version assumed for calls that send none. */
    defaultVersion: string;
  };
  http: {
    /** Hosts other than Intercom's API hosts that URLs may target without a warning. */
    allowedHosts: string[];
  };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  validation: { enable: true, debounceMs: 200, maxDocumentSize: 3 * 1024 * 1024 },
  intercom: { defaultVersion: DEFAULT_INTERCOM_VERSION },
  http: { allowedHosts: [] },
};

/** Merges a partial settings object (as read from the configuration) over the defaults. */
export function mergeSettings(partial: unknown): ServerSettings {
  const p = (partial && typeof partial === 'object' ? partial : {}) as Partial<Record<keyof ServerSettings, any>>;
  return {
    validation: { ...DEFAULT_SETTINGS.validation, ...(p.validation ?? {}) },
    intercom: { ...DEFAULT_SETTINGS.intercom, ...(p.intercom ?? {}) },
    http: { ...DEFAULT_SETTINGS.http, ...(p.http ?? {}) },
  };
}

/** A call of an attribute document, as the client needs it to run it. */
export interface CallDescription {
  /** JSON path of the call object in the document. */
  path: (string | number)[];
  /** Display name (`call1`, `Group`, `accountParams › call1`, …). */
  name: string;
  attribute: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  contentType?: string;
  /** Response paths the call picks out (listField, keyField, ticketidPath, mappings …), by role. */
  responsePaths: { role: string; path: string }[];
  /** Every `${…}` binding that must be resolved to send the call. */
  bindings: string[];
  /** Pagination of an import call, if any. */
  pagination?: unknown;
  /** Import ordering. */
  callOrder?: number;
  stageNumber?: number;
  /** The authentication the call uses (name in ConnectionJSON). */
  connection?: string;
}

/** Request: describe the calls of a document (or the one at `path`). */
export const DescribeCallsRequest = 'saviyntRest/describeCalls';
export interface DescribeCallsParams { uri: string; path?: (string | number)[] }
export type DescribeCallsResult = CallDescription[];

/** Request: check a set of attribute files as one connection (used before packaging). */
export const CheckFilesRequest = 'saviyntRest/checkFiles';
export interface CheckFilesParams { files: { attribute: string; fileName: string; path: string; text: string }[] }
export interface CheckFilesResult { errors: number; messages: string[] }

/** Request: re-validate every open document (e.g. after the settings changed). */
export const RevalidateRequest = 'saviyntRest/revalidate';

/**
 * Request (client → server), the first step of a live check: the Intercom-Version to read the
 * workspace with for the connection of `uri` (the version its calls pin most often).
 */
export const LivePlanRequest = 'saviyntRest/livePlan';
export interface LivePlanParams { uri: string }
export interface LivePlanResult { version: string }

/**
 * Request (client → server), the second step: a workspace snapshot (plain data read by the client
 * with read-only GETs; it never holds the token) to check every document against, or null to drop
 * the live findings. The server publishes the `intercom-live-…` findings with the other
 * diagnostics of open documents, and answers with the live findings of the connection of `uri`.
 */
export const LiveSnapshotRequest = 'saviyntRest/liveSnapshot';
export interface LiveSnapshotParams { snapshot: unknown | null; uri?: string }
export interface LiveFindingSummary { code: string; severity: string; message: string; line: number }
export interface LiveSnapshotResult { files: { uri: string; attribute: string; findings: LiveFindingSummary[] }[] }

/**
 * Request: check every attribute file of a connection folder (from disk, open editors as edited),
 * publish their diagnostics and keep the folder checked as files change.
 */
export const CheckFolderRequest = 'saviyntRest/checkFolder';
export interface CheckFolderParams { uri: string }
export interface CheckFolderResult {
  /** The folder as a file path. */
  folder: string;
  files: { uri: string; errors: number; warnings: number; notes: number }[];
  errors: number;
  warnings: number;
  notes: number;
}

/**
 * Request from the browser server to the browser client: the attribute files of a folder (the
 * browser has no disk; the client reads them with vscode.workspace.fs). `uri` is the folder's URI.
 */
export const ReadFolderRequest = 'saviyntRest/readFolder';
export interface ReadFolderParams { uri: string }
export interface ReadFolderResult {
  /** `connectionname` of connection.meta.json, when there is one. */
  name?: string;
  files: { uri: string; text: string }[];
}

/** The walkthrough (contributes.walkthroughs), as `workbench.action.openWalkthrough` names it. */
export const WALKTHROUGH_ID = `${EXTENSION_ID}#saviyntRest.gettingStarted`;

/** Command ids contributed by the extension. */
export const Commands = {
  setToken: 'saviyntRest.setToken',
  clearToken: 'saviyntRest.clearToken',
  testConnection: 'saviyntRest.testConnection',
  runCall: 'saviyntRest.runCall',
  previewRequest: 'saviyntRest.previewRequest',
  previewImport: 'saviyntRest.previewImport',
  runTicketFlow: 'saviyntRest.runTicketFlow',
  packageConnection: 'saviyntRest.packageConnection',
  unpackPackage: 'saviyntRest.unpackPackage',
  newConnection: 'saviyntRest.newConnection',
  checkConnectionFolder: 'saviyntRest.checkConnectionFolder',
  openExample: 'saviyntRest.openExample',
  copyCliCommand: 'saviyntRest.copyCliCommand',
  openCliTerminal: 'saviyntRest.openCliTerminal',
  openWalkthrough: 'saviyntRest.openWalkthrough',
  restartServer: 'saviyntRest.restartServer',
  checkWorkspace: 'saviyntRest.checkWorkspace',
  showOutput: 'saviyntRest.showOutput',
  setEicCredentials: 'saviyntRest.setEicCredentials',
  clearEicCredentials: 'saviyntRest.clearEicCredentials',
  compareWithEic: 'saviyntRest.compareWithEic',
  deployToEic: 'saviyntRest.deployToEic',
  pullFromEic: 'saviyntRest.pullFromEic',
  runEicImportJob: 'saviyntRest.runEicImportJob',
} as const;

/** The EIC tenant settings (section `saviyntRest`), read by the client only. */
export const EicSettings = {
  /** The tenant's address, e.g. https://acme.saviyntcloud.com (the API is under /ECM). */
  url: 'eic.url',
  /** The tenant's EIC release ("auto": unknown), for checking attributes before a deploy. */
  version: 'eic.version',
  jobName: 'eic.importJob.jobName',
  triggerName: 'eic.importJob.triggerName',
  jobGroup: 'eic.importJob.jobGroup',
  /** After a deploy: offer to run the import job. */
  offerJobAfterDeploy: 'eic.importJob.offerAfterDeploy',
} as const;
