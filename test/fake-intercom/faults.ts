// Fault injection (spec §8): rules that match requests and make the fake misbehave like a
// proxy, a load balancer or a flaky network would.

import type { FaultAction, FaultMatch, FaultRule } from './types.js';
import { prng } from './seed-util.js';

const HTML_PRESETS: Record<string, { status: number; body: string }> = {
  rails_500: {
    status: 500,
    body:
      '<!DOCTYPE html>\n<html>\n<head><title>We\'re sorry, but something went wrong (500)</title></head>\n' +
      '<body><div class="dialog"><h1>We\'re sorry, but something went wrong.</h1>' +
      '<p>If you are the application owner check the logs for more information.</p></div></body>\n</html>\n',
  },
  elb_502: {
    status: 502,
    body: '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
  },
  cdn_503: {
    status: 503,
    body:
      '<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head>' +
      '<body><h1>Service Temporarily Unavailable</h1><p>The server is temporarily unable to service your request. ' +
      'Please try again later.</p><p>Reference&#32;&#35;18&#46;4f2c1002&#46;1768478400</p></body></html>',
  },
  html_200: {
    status: 200,
    body:
      '<!DOCTYPE html><html><head><title>Sign in to continue</title></head><body><form action="/login" method="post">' +
      '<h1>Corporate network login</h1><input name="user"><input name="password" type="password">' +
      '<button>Sign in</button></form></body></html>',
  },
};

const SIMPLE_ACTIONS = [
  'hang',
  'reset_connection',
  'close_after_headers',
  'truncate_body',
  'wrong_content_type',
  'empty_body',
  'omit_rate_headers',
  'omit_request_id',
];

/** Turns a preset name or a loosely written action into a FaultAction; throws on nonsense. */
export function normaliseAction(action: FaultRule['action']): FaultAction {
  if (typeof action === 'string') {
    if (action in HTML_PRESETS) return { type: 'html', preset: action as 'rails_500' };
    if (SIMPLE_ACTIONS.includes(action)) return { type: action } as FaultAction;
    throw new Error(`Unknown fault action "${action}"`);
  }
  if (!action || typeof action !== 'object' || typeof (action as { type?: unknown }).type !== 'string') {
    throw new Error('A fault action is a preset name or an object with a "type"');
  }
  const a = action as FaultAction;
  const known = ['html', 'json_error', 'delay', ...SIMPLE_ACTIONS];
  if (!known.includes(a.type)) throw new Error(`Unknown fault action type "${a.type}"`);
  if (a.type === 'json_error' && (typeof a.status !== 'number' || typeof a.code !== 'string')) {
    throw new Error('json_error needs a numeric status and a code');
  }
  if (a.type === 'delay' && (typeof a.ms !== 'number' || a.ms < 0)) throw new Error('delay needs ms >= 0');
  return a;
}

export function htmlFor(action: Extract<FaultAction, { type: 'html' }>): { status: number; body: string } {
  const preset = action.preset ? HTML_PRESETS[action.preset] : undefined;
  return {
    status: action.status ?? preset?.status ?? 500,
    body: action.body ?? preset?.body ?? HTML_PRESETS.rails_500.body,
  };
}

interface ActiveRule {
  match: FaultMatch;
  regex: RegExp | null;
  action: FaultAction;
  seen: number;
  fired: number;
  random: () => number;
}

export class FaultEngine {
  private rules: ActiveRule[] = [];

  add(rules: FaultRule[]): void {
    for (const rule of rules) {
      const match = rule.match ?? {};
      this.rules.push({
        match,
        regex: match.path_regex ? new RegExp(match.path_regex) : null,
        action: normaliseAction(rule.action),
        seen: 0,
        fired: 0,
        random: prng(`fault/${this.rules.length}/${JSON.stringify(match)}`),
      });
    }
  }

  clear(): void {
    this.rules = [];
  }

  list(): Array<{ match: FaultMatch; action: FaultAction; seen: number; fired: number }> {
    return this.rules.map(({ match, action, seen, fired }) => ({ match, action, seen, fired }));
  }

  /** Actions that fire for this request, in rule order. */
  evaluate(method: string, path: string): FaultAction[] {
    const out: FaultAction[] = [];
    for (const rule of this.rules) {
      const m = rule.match;
      if (m.method && m.method.toUpperCase() !== method) continue;
      if (rule.regex && !rule.regex.test(path)) continue;
      rule.seen += 1;
      if (m.times !== undefined && rule.fired >= m.times) continue;
      if (m.nth !== undefined && rule.seen !== m.nth) continue;
      if (m.every !== undefined && rule.seen % m.every !== 0) continue;
      if (m.probability !== undefined && rule.random() >= m.probability) continue;
      rule.fired += 1;
      out.push(rule.action);
    }
    return out;
  }
}

export const TERMINAL_FAULTS = ['html', 'json_error', 'hang', 'reset_connection', 'empty_body'];
