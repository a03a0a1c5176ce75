// The fake EIC's knobs (../shared/reference/eic-api.md §6): set at start, through
// POST /__fake/config, or with configure() on the handle. Every one models something the public
// sources leave open ([U]) or a fault worth testing.

export const FAKE_EIC_VERSIONS = ['24.10', '25.A', '25.B', '25.C'] as const;
export type FakeEicVersion = typeof FAKE_EIC_VERSIONS[number];

export interface FaultRule {
  /** Regular expression tested against the path (e.g. "getConnectionDetails"); default: every API path. */
  path?: string;
  /** How many matching requests it hits (default 1). */
  times?: number;
  /** Skip this many matching requests first (default 0). */
  after?: number;
  /** Answer with this status (and `body` as JSON, or `html` as a page). */
  status?: number;
  body?: unknown;
  html?: string;
  retryAfter?: string;
  /** Never answer (the client's timeout must fire). */
  hang?: boolean;
  /** Close the connection without an answer. */
  reset?: boolean;
  /** Wait this long before handling the request normally (or answering the fault). */
  delayMs?: number;
}

export interface FakeEicConfig {
  /** expires_in of new access tokens. */
  tokenTtlSeconds: number;
  /** Lifetime of refresh tokens. */
  refreshTokenTtlSeconds: number;
  /** What a refresh answers in refresh_token: the same token, a new one, or "" (keep yours). */
  refreshTokenAnswer: 'same' | 'rotate' | 'empty';
  /** Every v5 call answers 412 "Access denied" (the tenant's "Restrict API access based on SAV Role"). */
  restrictApiBySavRole: boolean;
  /** testConnection saves, then reports the target test as failed. */
  targetTestFails: boolean;
  /** The error message of a failed target test. */
  targetTestError: string;
  /** Added to every answer. */
  latencyMs: number;
  /** Every Nth API request answers 429 (0: never). */
  rateLimitEveryN: number;
  /** Retry-After of those 429s, in seconds ("" to send none). */
  rateLimitRetryAfter: string;
  /** Honour the `response: standard` header of testConnection (v23.10+). */
  stdResponse: boolean;
  eicVersion: FakeEicVersion;
  /** How getConnectionDetails returns ConnectionJSON. */
  connectionJsonReadback: 'omit' | 'ciphertext' | 'plaintext';
  /** What an update does with the fields it was not sent: keep them, or clear them. */
  updateMode: 'merge' | 'replace';
  /** testConnection refuses attributes the configured release does not know (412 "Invalid attribute …"). */
  rejectUnknownAttributes: boolean;
  /** Case of the attribute keys getConnectionDetails returns (REST uses mixed case; Workday-style tenants upper case). */
  attributeKeyCase: 'mixed' | 'upper';
  /** How long a triggered job runs. */
  jobDurationSeconds: number;
  /** The job's Result reports a failure. */
  jobFails: boolean;
  /** How long an export or an import takes. */
  transportDelaySeconds: number;
  /** importTransportPackage also accepts packages uploaded with uploadSchemaFile to Datafiles. */
  allowImportFromDatafiles: boolean;
  datafilesPath: string;
  savPath: string;
  /** Job triggers the tenant has. */
  triggers: { jobname: string; triggername: string; jobgroup: string }[];
}

export function defaultConfig(): FakeEicConfig {
  return {
    tokenTtlSeconds: 1800,
    refreshTokenTtlSeconds: 86_400,
    refreshTokenAnswer: 'same',
    restrictApiBySavRole: false,
    targetTestFails: false,
    targetTestError: 'Unable to connect: the target answered 401 Unauthorized',
    latencyMs: 0,
    rateLimitEveryN: 0,
    rateLimitRetryAfter: '1',
    stdResponse: true,
    eicVersion: '25.C',
    connectionJsonReadback: 'ciphertext',
    updateMode: 'merge',
    rejectUnknownAttributes: true,
    attributeKeyCase: 'mixed',
    jobDurationSeconds: 3,
    jobFails: false,
    transportDelaySeconds: 2,
    allowImportFromDatafiles: false,
    datafilesPath: '/saviynt_shared/saviynt/Datafiles/',
    savPath: '/saviynt_shared/saviynt/SAV/',
    triggers: [{ jobname: 'ApplicationDataImportJob', triggername: 'IntercomImport', jobgroup: 'DATA' }],
  };
}

/** Applies a partial config, checking names and types; returns the problems (unknown keys, wrong types). */
export function applyConfig(config: FakeEicConfig, patch: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const defaults = defaultConfig() as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'expireNow' || key === 'expireRefreshNow') continue; // actions, handled by the store
    if (!(key in defaults)) { problems.push(`unknown knob "${key}"`); continue; }
    const expected = Array.isArray(defaults[key]) ? 'array' : typeof defaults[key];
    const actual = Array.isArray(value) ? 'array' : typeof value;
    if (expected !== actual) { problems.push(`"${key}" must be ${expected}`); continue; }
    if (key === 'eicVersion' && !(FAKE_EIC_VERSIONS as readonly string[]).includes(value as string)) {
      problems.push(`"eicVersion" must be one of ${FAKE_EIC_VERSIONS.join(', ')}`);
      continue;
    }
    (config as unknown as Record<string, unknown>)[key] = value;
  }
  return problems;
}

/** Knobs from the environment (FAKE_EIC_<KNOB>, e.g. FAKE_EIC_EIC_VERSION=24.10, FAKE_EIC_TARGET_TEST_FAILS=1). */
export function configFromEnv(env: Record<string, string | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const defaults = defaultConfig() as unknown as Record<string, unknown>;
  for (const key of Object.keys(defaults)) {
    const name = `FAKE_EIC_${key.replace(/([A-Z])/g, '_$1').toUpperCase()}`;
    const raw = env[name];
    if (raw === undefined) continue;
    const d = defaults[key];
    out[key] = typeof d === 'number' ? Number(raw) : typeof d === 'boolean' ? /^(1|true|yes|on)$/i.test(raw) : Array.isArray(d) ? JSON.parse(raw) : raw;
  }
  return out;
}
