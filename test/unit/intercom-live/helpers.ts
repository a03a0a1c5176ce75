/** Helpers of the live-check tests: a workspace snapshot as plain data, documents and their live findings. */
import { AttributeDocument } from '../../../server/src/core/document';
import { liveFindings } from '../../../server/src/core/intercom/live/liveFindings';
import type { WorkspaceSnapshot } from '../../../server/src/core/intercom/live/snapshot';
import type { Finding } from '../../../server/src/core/types';
import { assertNoFinding, onlyFinding } from '../../support/findingAssertions';

export const SNAPSHOT: WorkspaceSnapshot = {
  version: '2.15', baseUrl: 'https://api.intercom.io', fetchedAt: 1_700_000_000_000,
  workspace: { idCode: 'ws_us1', name: 'Acme US', region: 'US' },
  ticketTypes: [
    { id: '12', name: 'Access request', category: 'Back-office', archived: false, attributes: [
      { name: '_default_title_', requiredToCreate: true, archived: false },
      { name: '_default_description_', requiredToCreate: false, archived: false },
      { name: 'Application', requiredToCreate: true, archived: false },
      { name: 'Requested role', requiredToCreate: false, archived: false },
      { name: 'Cost centre', requiredToCreate: true, archived: true },
    ] },
    { id: '13', name: 'Customer issue', category: 'Customer', archived: false, attributes: [
      { name: '_default_title_', requiredToCreate: false, archived: false },
    ] },
    { id: '14', name: 'Old laptop request', category: 'Back-office', archived: true, attributes: [] },
  ],
  teams: [{ id: '5', name: 'IT Ops' }, { id: '6', name: 'Support' }],
  tags: [{ id: '101', name: 'VIP' }, { id: '102', name: 'Churn risk' }],
  admins: [{ id: '991', name: 'Ann Admin', email: 'ann@acme.test' }, { id: '992', name: 'Bo Boss', email: 'bo@acme.test' }],
  dataAttributes: {
    contact: [
      { name: 'email', custom: false, archived: false },
      { name: 'employee_id', custom: true, archived: false },
      { name: 'department', custom: true, archived: false },
      { name: 'legacy_code', custom: true, archived: true },
    ],
    company: [{ name: 'name', custom: false, archived: false }, { name: 'account_tier', custom: true, archived: false }],
  },
  unavailable: [],
};

export const HEADERS = { Authorization: '${access_token}', 'Intercom-Version': '2.15', Accept: 'application/json' };

export function docOf(attribute: string, text: string): AttributeDocument {
  return AttributeDocument.fromFile(`/conn/${attribute}.json`, text, 1);
}

/** A provisioning call list with one call. */
export function callList(call: Record<string, unknown>): string {
  return JSON.stringify({ call: [{ name: 'call1', connection: 'acctAuth', httpHeaders: HEADERS, httpContentType: 'application/json', ...call }] }, null, 2);
}

export function ticketCall(body: unknown, version = '2.15'): string {
  return callList({ url: 'https://api.intercom.io/tickets', httpMethod: 'POST', httpHeaders: { ...HEADERS, 'Intercom-Version': version }, httpParams: typeof body === 'string' ? body : JSON.stringify(body) });
}

export function live(attribute: string, text: string, snapshot: WorkspaceSnapshot = SNAPSHOT): Finding[] {
  return liveFindings(docOf(attribute, text), snapshot);
}

export function oneLive(code: string, attribute: string, text: string, snapshot: WorkspaceSnapshot = SNAPSHOT): Finding {
  return onlyFinding(code, live(attribute, text, snapshot).filter(f => f.code === code));
}

export function noLive(code: string, attribute: string, text: string, snapshot: WorkspaceSnapshot = SNAPSHOT): void {
  assertNoFinding(code, live(attribute, text, snapshot).filter(f => f.code === code));
}

export { applyFix, covered } from '../../support/fixes';
