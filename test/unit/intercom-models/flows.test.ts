/**
 * Both example models against the fake Intercom: the import preview of every example reads every
 * record of every page; each teammate operation goes from ticket to resolved; the contacts lifecycle
 * and access calls work (409 on an existing email included); nothing of the teammates model reaches
 * a contact endpoint.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  SecretToken, createTicket, pollTicketStatus, prepareRequest, readCallList, runImport, sendRequest, type HttpResponse,
} from '../../../server/src/core/runner';
import { fake, sendOptionsFor, type FakeIntercom } from '../runner/helpers';
import { REPO_ROOT } from '../../support/corpus';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const read = (folder: string, attribute: string) => fs.readFileSync(path.join(EXAMPLES, folder, `${attribute}.json`), 'utf8');
const TOKEN = new SecretToken('tok_valid_us');

let f: FakeIntercom;
before(async () => { f = await fake(); });
after(async () => { await f.close(); });
beforeEach(() => f.reset());

const us = () => f.state.workspaces.get('ws_us1')!;
const send = (confirmed = false) => sendOptionsFor(f, { confirmed });
const apiRequests = () => f.requests.filter(r => !r.path.startsWith('/__fake'));

async function preview(folder: string) {
  return runImport({ ImportAccountEntJSON: read(folder, 'ImportAccountEntJSON') }, { token: TOKEN, baseUrl: f.url, send: send() });
}

describe('preview-import of each example reads every record of every page', () => {
  it('teammates: every admin, every team, the roles and every team membership', async () => {
    const p = await preview('intercom-teammates');
    assert.equal(p.complete, true, p.problems.map(x => x.message).join('\n'));
    assert.deepEqual(p.warnings, []);
    const ws = us();
    assert.equal(p.accounts.length, ws.admins.length);
    assert.equal(p.entitlements.Team.length, ws.teams.length);
    const roles = new Set(ws.admins.filter(a => a.role).map(a => a.role!.id));
    assert.deepEqual(p.entitlements.Role.map(r => r.key).sort(), [...roles].sort());
    assert.equal(p.entitlements.Team[0].columns.customproperty1, 'team');
    const expected = ws.admins.reduce((n, a) => n + a.teamIds.length + (a.role ? 1 : 0), 0);
    assert.equal(p.memberships.length, expected);
    assert.ok(p.memberships.every(m => m.accountKnown && m.entitlementKnown));
    assert.ok(apiRequests().every(r => !r.path.startsWith('/contacts')), 'no contact endpoint');
  });

  it('contacts: every page of contacts, tags and companies; memberships per contact beyond the 10-item cap', async () => {
    const p = await preview('intercom-contacts');
    assert.equal(p.complete, true, p.problems.map(x => x.message).join('\n'));
    const ws = us();
    const listed = ws.contacts.filter(c => !c.deleted && !c.archived && !c.blocked && c.mergedInto === null);
    assert.equal(p.accounts.length, listed.length);
    assert.ok(p.calls.find(c => c.section === 'accounts')!.pages >= 3, 'contacts come in several pages of 150');
    assert.ok(p.calls.every(c => c.stoppedBecause === 'done'));
    assert.equal(p.entitlements.Tag.length, ws.tags.length);
    assert.ok(p.entitlements.Company.length >= 1);
    const tags = listed.reduce((n, c) => n + c.tagIds.length, 0);
    const companies = listed.reduce((n, c) => n + c.companyIds.length, 0);
    assert.equal(p.memberships.filter(m => m.entType === 'Tag').length, tags);
    assert.equal(p.memberships.filter(m => m.entType === 'Company').length, companies);
    const many = listed.find(c => c.tagIds.length > 10)!;
    assert.equal(p.memberships.filter(m => m.accountID === many.id && m.entType === 'Tag').length, many.tagIds.length, 'all 12 tags, not the 10 embedded');
  });

  it('contacts incremental: one page of the search, the window (total_count) against what one run reads', async () => {
    const p = await preview('intercom-contacts-incremental');
    assert.equal(p.complete, true, p.problems.map(x => x.message).join('\n'));
    const search = p.calls.find(c => c.section === 'accounts')!;
    assert.equal(search.pages, 1);
    assert.deepEqual(search.window, { total: p.accounts.length, read: p.accounts.length, onePagePerRun: true, perRun: 150 });
    const body = JSON.parse(apiRequests().find(r => r.path === '/contacts/search')!.body);
    assert.deepEqual(body.sort, { field: 'updated_at', order: 'descending' });
    // More changes than one page: the preview says how many this run does not read.
    const ws = us();
    for (const c of ws.contacts) c.updatedAt = f.state.clock.now() - 60;
    const crowded = await preview('intercom-contacts-incremental');
    const w = crowded.calls.find(c => c.section === 'accounts')!.window!;
    assert.equal(w.read, 150);
    assert.ok(w.total > 150, JSON.stringify(w));
    assert.ok(crowded.warnings.some(x => x.includes(`the search matches ${w.total} records`) && x.includes(`${w.total - 150} are not read by this run`)), crowded.warnings.join('\n'));
  });
});

/** Runs the calls of a call-list attribute in order, as EIC does (earlier results as response.<name>). */
async function runCalls(text: string, variables: Record<string, unknown>, only?: string): Promise<HttpResponse[]> {
  const out: HttpResponse[] = [];
  for (const call of readCallList(text).calls.filter(c => !only || c.template.name === only)) {
    const request = prepareRequest(call.template, variables, { token: TOKEN, baseUrl: f.url });
    assert.deepEqual(request.problems, [], `${call.template.name}: ${request.problems.map(p => p.message).join(' ')}`);
    out.push(await sendRequest(request, send(true)));
  }
  return out;
}

describe('teammates: every operation is a ticket, from create to resolved', () => {
  const ticketVars = (task: Record<string, unknown>) => {
    const ws = us();
    const admin = ws.admins[1];
    const team = ws.teams[0];
    return {
      task,
      user: { email: admin.email, firstname: 'Zoë', lastname: 'Ångström' },
      account: { accountID: admin.id, name: admin.email },
      entitlementValue: { entitlementID: team.id, entitlement_value: team.name, customproperty1: 'team' },
      connection: { ticketTypeId: ws.ticketTypes.find(t => t.name === 'Access request')!.id, serviceContactId: ws.contacts[0].id },
    };
  };
  for (const [operation, tasktype, title] of [
    ['create', 3, /^Create teammate: /], ['disable', 14, /^Disable teammate/], ['remove', 8, /^Remove teammate: /],
    ['add team', 1, /^Add teammate to team Identity Ops: /], ['remove team', 2, /^Remove teammate from team Identity Ops: /],
    ['update', 12, /^Update teammate: /], ['enable', 6, /^Re-enable teammate: /],
  ] as const) {
    it(`${operation} (task type ${tasktype})`, async () => {
      const vars = ticketVars({ id: `T-${tasktype}`, tasktype });
      const contactsBefore = us().contacts.length;
      const created = await createTicket(read('intercom-teammates', 'CreateTicketJSON'), vars, { token: TOKEN, baseUrl: f.url, send: send(true) });
      assert.equal(created.ok, true, created.message);
      const ticket = us().tickets.find(t => t.id === created.ticketID)!;
      assert.match(String(ticket.attributes._default_title_), title);
      assert.match(String(ticket.attributes._default_title_), new RegExp(`EIC task T-${tasktype}`));
      assert.deepEqual(ticket.contactIds, [vars.connection.serviceContactId]);
      assert.equal(us().contacts.length, contactsBefore, 'no employee became a customer contact');
      f.transitionTicket(created.ticketID!, { category: 'resolved', afterPolls: 1 });
      const polled = await pollTicketStatus(read('intercom-teammates', 'TicketStatusJSON'), created.ticketID!, { token: TOKEN, baseUrl: f.url, send: send(), intervalMs: 10, maxPolls: 5 });
      assert.equal(polled.outcome, 'done', polled.message);
      assert.equal(polled.value, 'resolved');
      assert.ok(polled.polls >= 2);
      assert.ok(apiRequests().every(r => !r.path.startsWith('/contacts')), 'the teammates model never calls a contact endpoint');
    });
  }

  it('the fake answers 404 for a teammate on every contact endpoint', async () => {
    const admin = us().admins[0];
    for (const [method, p] of [['GET', `/contacts/${admin.id}`], ['POST', `/contacts/${admin.id}/archive`], ['DELETE', `/contacts/${admin.id}`], ['GET', `/contacts/${admin.id}/tags`], ['POST', `/contacts/${admin.id}/companies`]]) {
      const r = await fetch(`${f.url}${p}`, { method, headers: { Authorization: 'Bearer tok_valid_us', Accept: 'application/json', 'Content-Type': 'application/json', 'Intercom-Version': '2.16' }, body: method === 'POST' ? '{"id":"x"}' : undefined });
      assert.equal(r.status, 404, `${method} ${p}`);
      assert.equal((await r.json() as { errors: { code: string }[] }).errors[0].code, 'not_found');
    }
  });

  it('POST /tickets refuses a ticket type\'s missing required attribute', async () => {
    const vars = ticketVars({ id: 'T-1', tasktype: 1 });
    const body = { ticket_type_id: vars.connection.ticketTypeId, contacts: [{ id: vars.connection.serviceContactId }], ticket_attributes: { _default_description_: 'no title' } };
    const r = await fetch(`${f.url}/tickets`, { method: 'POST', headers: { Authorization: 'Bearer tok_valid_us', Accept: 'application/json', 'Content-Type': 'application/json', 'Intercom-Version': '2.16' }, body: JSON.stringify(body) });
    assert.equal(r.status, 400);
    assert.match(JSON.stringify(await r.json()), /Missing required ticket attributes/);
  });
});

describe('contacts: lifecycle and access through the API', () => {
  const F = 'intercom-contacts';
  const user = { email: 'new.customer@example.com', username: 'new.customer', firstname: 'New', lastname: 'Customer' };

  it('create, 409 on an existing email, update, disable (archive), enable, tag, company, untag, detach, remove', async () => {
    const [created] = await runCalls(read(F, 'CreateAccountJSON'), { user });
    assert.equal(created.status, 200);
    const id = (created.json as { id: string }).id;
    const [again] = await runCalls(read(F, 'CreateAccountJSON'), { user });
    assert.equal(again.status, 409, 'the same email again: conflict');
    assert.deepEqual(JSON.parse(read(F, 'CreateAccountJSON')).call[0].unsuccessResponses.statusCode, [409], 'EIC fails the task at once');
    assert.match(String(again.problem?.message), new RegExp(`already exists with id=${id}`));
    const account = { accountID: id, name: user.email };
    assert.equal((await runCalls(read(F, 'UpdateAccountJSON'), { user: { ...user, firstname: 'Renamed' }, account }))[0].status, 200);
    assert.equal(us().contactById.get(id)!.name, 'Renamed Customer');
    assert.equal((await runCalls(read(F, 'DisableAccountJSON'), { account }))[0].status, 200);
    assert.equal(us().contactById.get(id)!.archived, true);
    assert.equal((await runCalls(read(F, 'EnableAccountJSON'), { account }))[0].status, 200);
    assert.equal(us().contactById.get(id)!.archived, false);
    const tag = us().tags[0];
    const company = us().companies[0];
    assert.equal((await runCalls(read(F, 'AddAccessJSON'), { account, entitlementValue: { entitlementID: tag.id } }, 'Tag'))[0].status, 200);
    assert.equal((await runCalls(read(F, 'AddAccessJSON'), { account, entitlementValue: { entitlementID: company.id } }, 'Company'))[0].status, 200);
    assert.deepEqual(us().contactById.get(id)!.tagIds, [tag.id]);
    assert.deepEqual(us().contactById.get(id)!.companyIds, [company.id]);
    const companies = await fetch(`${f.url}/contacts/${id}/companies`, { headers: { Authorization: 'Bearer tok_valid_us', Accept: 'application/json', 'Intercom-Version': '2.16' } });
    assert.deepEqual(((await companies.json()) as { data: { id: string }[] }).data.map(c => c.id), [company.id]);
    assert.equal((await runCalls(read(F, 'RemoveAccessJSON'), { account, entitlementValue: { entitlementID: tag.id } }, 'Tag'))[0].status, 200);
    assert.equal((await runCalls(read(F, 'RemoveAccessJSON'), { account, entitlementValue: { entitlementID: company.id } }, 'Company'))[0].status, 200);
    assert.deepEqual([us().contactById.get(id)!.tagIds, us().contactById.get(id)!.companyIds], [[], []]);
    assert.equal((await runCalls(read(F, 'RemoveAccountJSON'), { account }))[0].status, 200);
    assert.equal(us().contactById.get(id)!.deleted, true);
  });

  it('attaching an unknown company is 404 company_not_found; no id is 400 parameter_not_found', async () => {
    const id = us().contacts[0].id;
    const post = (body: string) => fetch(`${f.url}/contacts/${id}/companies`, { method: 'POST', headers: { Authorization: 'Bearer tok_valid_us', Accept: 'application/json', 'Content-Type': 'application/json', 'Intercom-Version': '2.16' }, body });
    const unknown = await post('{"id":"0000"}');
    assert.equal(unknown.status, 404);
    assert.equal((await unknown.json() as { errors: { code: string }[] }).errors[0].code, 'company_not_found');
    const none = await post('{}');
    assert.equal(none.status, 400);
    assert.equal((await none.json() as { errors: { code: string }[] }).errors[0].code, 'parameter_not_found');
  });
});
