/**
 * The pieces both Intercom models share (intercomTemplates.ts assembles them): regions and base
 * URLs, versions, placeholders, and the kit of call builders every template uses.
 */
import { compareVersions } from '../intercom/catalog';
import { INTERCOM_REGIONS, type IntercomRegionId } from '../intercom/regions';

export type IntercomRegion = IntercomRegionId;
export type IntercomModel = 'teammates' | 'contacts';
export type IntercomFeature = 'import' | 'incrementalImport' | 'contactLifecycle' | 'addRemoveAccess' | 'ticketing';

export const INTERCOM_MODELS: readonly IntercomModel[] = ['teammates', 'contacts'];
export const INTERCOM_FEATURES: readonly IntercomFeature[] = ['import', 'incrementalImport', 'contactLifecycle', 'addRemoveAccess', 'ticketing'];

/** The features each model has; `init` writes all of them unless told otherwise. */
export const MODEL_FEATURES: Record<IntercomModel, readonly IntercomFeature[]> = {
  teammates: ['import', 'ticketing'],
  contacts: ['import', 'incrementalImport', 'contactLifecycle', 'addRemoveAccess'],
};

/** Each region's API base URL, from the one table of regions (intercom/regions.ts). */
export const INTERCOM_BASE_URLS = Object.fromEntries(INTERCOM_REGIONS.map(r => [r.id, r.apiBaseUrl])) as Record<IntercomRegion, string>;

/**
 * The version both models pin: 2.16 is the newest stable version, the only one whose contact search
 * takes `sort` (the incremental import reads the newest changes first) and whose teammates carry `role`.
 */
export const DEFAULT_INTERCOM_API_VERSION = '2.16';
export const INTERCOM_TOKEN_PLACEHOLDER = 'Bearer <set the Intercom access token in EIC after import>';

/** ConnectionJSON keys the teammates model's tickets read with `${connection.<key>}`. */
export const TICKET_TYPE_KEY = 'ticketTypeId';
export const SERVICE_CONTACT_KEY = 'serviceContactId';
export const TICKET_TYPE_PLACEHOLDER = '<id of the Back-office ticket type for EIC requests: GET /ticket_types>';
export const SERVICE_CONTACT_PLACEHOLDER = '<id of the Intercom contact that stands for EIC on every ticket>';

export interface IntercomTemplateOptions {
  model: IntercomModel;
  region: IntercomRegion;
  apiVersion: string;
  features: readonly IntercomFeature[];
  /** The Back-office ticket type tickets are raised with (GET /ticket_types); a placeholder when absent. */
  ticketTypeId?: string;
  /** The one contact every ticket names (Intercom requires one); a placeholder when absent. */
  serviceContactId?: string;
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface IntercomTemplateFolder {
  /** `main` is the folder asked for; `incremental` a second connection for the incremental import. */
  role: 'main' | 'incremental';
  /** Attribute name → document. */
  attributes: Record<string, Json>;
  notes: string[];
}

export interface IntercomTemplates {
  folders: IntercomTemplateFolder[];
}

/** True when `version` is `minimum` or later, in the catalog's one order of versions (Preview after every number). */
export const atLeast = (version: string, minimum: string) => compareVersions(version, minimum) >= 0;

/** The pieces every template uses: base URL, pinned headers, call builders. */
export interface TemplateKit {
  base: string;
  version: string;
  /** A provisioning/ticket call (flat form). */
  call(name: string, url: string, httpMethod: string, httpParams?: string, extra?: Record<string, Json>): Json;
  /** The nested `http` object of an import call. */
  http(url: string, httpMethod?: string, httpParams?: string): Json;
  connectionJson(extraKeys?: Record<string, string>): Json;
  /**
   * `accountParams` with one account call. A complete feed (a full import) inactivates the accounts
   * missing from it and refreshes their links; a partial feed (an incremental import) never does.
   */
  accountParams(call: Record<string, Json>, feed: 'complete' | 'partial', extra?: Record<string, Json>): Json;
}

export function templateKit(region: IntercomRegion, version: string): TemplateKit {
  const base = INTERCOM_BASE_URLS[region];
  const headers = (): Json => ({ Authorization: '${access_token}', 'Intercom-Version': version, Accept: 'application/json' });
  return {
    base,
    version,
    call: (name, url, httpMethod, httpParams, extra = {}) => ({
      name, connection: 'acctAuth', url, httpMethod,
      ...(httpParams === undefined ? {} : { httpParams }),
      httpHeaders: headers(), httpContentType: 'application/json',
      ...extra,
      successResponses: { statusCode: [200] },
    }),
    http: (url, httpMethod = 'GET', httpParams) => ({
      url, httpMethod, ...(httpParams !== undefined ? { httpParams } : {}), httpHeaders: headers(), httpContentType: 'application/json',
    }),
    accountParams: (call, feed, extra = {}) => {
      const complete = feed === 'complete';
      return {
        connection: 'acctAuth',
        processingType: 'SequentialAndIterative',
        statusAndThresholdConfig: {
          deleteLinks: complete, accountThresholdValue: 1000, correlateInactiveAccounts: false,
          inactivateAccountsNotInFile: complete, deleteAccEntForActiveAccounts: complete,
        },
        call: { call1: { callOrder: 0, stageNumber: 0, ...call } },
        ...extra,
      };
    },
    connectionJson: (extraKeys = {}) => ({
      authentications: {
        acctAuth: {
          authType: 'oauth2',
          url: `${base}/me`,
          httpMethod: 'GET',
          httpParams: {},
          httpHeaders: { Accept: 'application/json', 'Intercom-Version': version },
          httpContentType: 'application/json',
          authError: ['unauthorized', 'token_unauthorized', 'token_not_found', 'token_revoked'],
          errorPath: 'errors[0].code',
          timeOutError: 'Read timed out',
          maxRefreshTryCount: 5,
          tokenResponsePath: 'access_token',
          tokenType: 'Bearer',
          accessToken: INTERCOM_TOKEN_PLACEHOLDER,
          retryFailureStatusCode: [401],
          ...extraKeys,
        },
      },
    }),
  };
}
