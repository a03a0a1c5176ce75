// The route table and path matching. Literal segments win over :params.

import type { RouteDef } from './context.js';
import { adminRoutes } from './handlers/admins.js';
import { companyRoutes } from './handlers/companies.js';
import { contactRoutes } from './handlers/contacts.js';
import { contactCompanyRoutes } from './handlers/contact-companies.js';
import { contactSearchRoutes } from './handlers/contact-search.js';
import { dataAttributeRoutes } from './handlers/data-attributes.js';
import { tagRoutes } from './handlers/tags.js';
import { ticketCreateRoutes } from './handlers/ticket-create.js';
import { ticketRoutes } from './handlers/tickets.js';
import { ticketTypeRoutes } from './handlers/ticket-types.js';

export function allRoutes(): RouteDef[] {
  return [
    ...adminRoutes,
    ...contactRoutes,
    ...contactSearchRoutes,
    ...dataAttributeRoutes,
    ...contactCompanyRoutes,
    ...tagRoutes,
    ...companyRoutes,
    ...ticketTypeRoutes,
    ...ticketCreateRoutes,
    ...ticketRoutes,
  ];
}

export interface RouteMatch {
  route: RouteDef;
  params: Record<string, string>;
}

function matchPattern(pattern: string, segments: string[]): { params: Record<string, string>; literals: number } | null {
  const parts = pattern.split('/').slice(1);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  let literals = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.startsWith(':')) {
      if (segments[i] === '') return null;
      let value: string;
      try {
        value = decodeURIComponent(segments[i]);
      } catch {
        return null;
      }
      params[part.slice(1)] = value;
    } else if (part === segments[i]) literals += 1;
    else return null;
  }
  return { params, literals };
}

/** Finds the route for a method and path; null means 404 (unknown path or unsupported method). */
export function matchRoute(routes: RouteDef[], method: string, path: string): RouteMatch | null {
  const segments = path.split('/').slice(1);
  let best: (RouteMatch & { literals: number }) | null = null;
  for (const route of routes) {
    if (route.method !== method) continue;
    const m = matchPattern(route.path, segments);
    if (m && (!best || m.literals > best.literals)) best = { route, params: m.params, literals: m.literals };
  }
  return best ? { route: best.route, params: best.params } : null;
}
