// What a route handler receives and returns.

import type { FakeStore } from './store.js';
import type { SerializeContext } from './serialize.js';
import type { AppRecord, RuntimeOptions } from './types.js';

export interface HandlerContext extends SerializeContext {
  store: FakeStore;
  app: AppRecord;
  options: RuntimeOptions;
  method: string;
  /** API path without the region prefix and query string. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON object body ({} when the request had none). */
  body: Record<string, unknown>;
  now: number;
}

export interface HandlerResult {
  status?: number;
  body?: unknown;
  /** Send a 200 with no body at all (DELETE /tags/{id}). */
  empty?: boolean;
  headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path pattern with :params, e.g. "/contacts/:id/tags". */
  path: string;
  /** Scope the app needs (403 forbidden otherwise), or null. */
  scope: string | null;
  /** Plan feature the workspace needs (403 api_plan_restricted otherwise), or null. */
  feature: string | null;
  /** First version with the operation (400 intercom_version_invalid before it). */
  since?: string;
  handler: Handler;
}

export const ok = (body: unknown): HandlerResult => ({ status: 200, body });
