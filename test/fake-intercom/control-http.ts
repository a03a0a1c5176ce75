// HTTP mirror of the test-control API: /__fake/* routes (loopback only, no auth, never faulted).

import type { FakeController, ResetSpec, TransitionSpec, WorkspaceSettings } from './control.js';
import { camelKeys } from './control.js';
import type { AddTokenSpec } from './store.js';
import type { FaultRule, RateLimitConfig, RuntimeOptions, TokenState } from './types.js';

export interface ControlResponse {
  status: number;
  body: unknown;
}

const TOKEN_ACTIONS: Record<string, TokenState | 'add' | 'remove'> = {
  add: 'add',
  remove: 'remove',
  revoke: 'revoked',
  block: 'blocked',
  expire: 'expired',
  restore: 'valid',
};

function tokens(c: FakeController, body: Record<string, unknown>): unknown {
  const action = TOKEN_ACTIONS[String(body.action ?? 'add')];
  const token = body.token;
  if (!action) throw new Error('action must be add, revoke, block, expire, restore or remove');
  if (typeof token !== 'string') throw new Error('token is required');
  if (action === 'add') c.addToken(body as unknown as AddTokenSpec);
  else if (action === 'remove') c.removeToken(token);
  else c.setTokenState(token, action);
  return { ok: true, token_last4: token.slice(-4), action: body.action ?? 'add' };
}

function faults(c: FakeController, method: string, body: unknown): unknown {
  if (method === 'DELETE') {
    c.clearFaults();
    return { ok: true };
  }
  if (method === 'POST') {
    const b = body as Record<string, unknown>;
    const rules = Array.isArray(body) ? body : Array.isArray(b.rules) ? b.rules : [body];
    c.addFaults(rules as FaultRule[]);
  }
  return { ok: true, faults: c.listFaults() };
}

/** Dispatches one control request. Throws nothing: failures become 400 / 404 JSON answers. */
export function handleControl(c: FakeController, method: string, path: string, query: URLSearchParams, body: unknown): ControlResponse {
  const b = (body && typeof body === 'object' && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  const seg = path.split('/').slice(2); // ["reset"], ["tickets", "631", "transition"], …
  try {
    const key = `${method} ${seg[0] ?? ''}`;
    switch (key) {
      case 'POST reset':
        c.reset(camelKeys<ResetSpec>(b));
        return { status: 200, body: { ok: true, now: c.now() } };
      case 'GET clock':
        return { status: 200, body: { now: c.now() } };
      case 'POST clock': {
        if (typeof b.now === 'number') c.setClock(b.now);
        else if (typeof b.advance_seconds === 'number') c.advanceClock(b.advance_seconds);
        else throw new Error('send {now} or {advance_seconds}');
        return { status: 200, body: { now: c.now() } };
      }
      case 'POST tokens':
        return { status: 200, body: tokens(c, b) };
      case 'POST tickets':
        if (seg.length !== 3 || seg[2] !== 'transition') break;
        c.transitionTicket(seg[1], camelKeys<TransitionSpec>(b));
        return { status: 200, body: { ok: true } };
      case 'DELETE tickets':
        if (seg.length !== 2) break;
        c.deleteTicket(seg[1], query.get('workspace') ?? undefined);
        return { status: 200, body: { ok: true } };
      case 'GET faults':
      case 'POST faults':
      case 'DELETE faults':
        return { status: 200, body: faults(c, method, body) };
      case 'GET requests':
        return { status: 200, body: { requests: c.requestLog() } };
      case 'DELETE requests':
        c.clearRequests();
        return { status: 200, body: { ok: true } };
      case 'POST options':
        return { status: 200, body: { ok: true, options: c.setOptions(camelKeys<Partial<RuntimeOptions>>(b)) } };
      case 'POST rate_limit':
        return { status: 200, body: { ok: true, rate_limit: c.setRateLimit(camelKeys<Partial<RateLimitConfig>>(b)) } };
      case 'POST workspaces':
        if (seg.length !== 2) break;
        c.configureWorkspace(seg[1], camelKeys<WorkspaceSettings>(b));
        return { status: 200, body: { ok: true } };
      default:
        break;
    }
    return { status: 404, body: { ok: false, error: `No control endpoint ${method} ${path}` } };
  } catch (err) {
    return { status: 400, body: { ok: false, error: (err as Error).message } };
  }
}
