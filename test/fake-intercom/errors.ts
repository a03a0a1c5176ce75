// Intercom-style errors: every failure is an `error.list` body with one entry.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function errorBody(requestId: string | null, code: string, message: string): unknown {
  return { type: 'error.list', request_id: requestId, errors: [{ code, message }] };
}

export const MSG = {
  notFound: 'Resource Not Found',
  userNotFound: 'User Not Found',
  ticketNotFound: 'Ticket not found',
  invalidToken: 'Access Token Invalid',
  versionUnavailable: 'Requested resource is not available in current API version.',
  badCursor:
    'Invalid starting_after param. Please try again using a starting_after value from a paginated response',
  planRestricted: 'Active subscription needed.',
} as const;

export const notFound = (message: string = MSG.notFound): ApiError => new ApiError(404, 'not_found', message);
export const invalid = (message: string): ApiError => new ApiError(400, 'parameter_invalid', message);
export const missing = (message: string): ApiError => new ApiError(400, 'parameter_not_found', message);
export const badCursor = (): ApiError => new ApiError(400, 'client_error', MSG.badCursor);
export const ticketNotFound = (): ApiError => new ApiError(404, 'ticket_not_found', MSG.ticketNotFound);
export const versionUnavailable = (): ApiError =>
  new ApiError(400, 'intercom_version_invalid', MSG.versionUnavailable);
