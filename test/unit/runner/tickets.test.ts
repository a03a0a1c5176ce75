// Ticket flow against the fake: create (confirmed), read the id, poll like WSRETRY on 2.11
// (string ticket_state) and 2.15 (object, use ticket_state.category), deleted ticket while polling.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SecretToken, createTicket, pollTicketStatus, type PollEvent, type TicketFlowOptions } from '../../../server/src/core/runner';
import { createTicketJson, fake, followClock, logged, sendOptionsFor, ticketStatusJson, type FakeIntercom } from './helpers';

let f: FakeIntercom;
before(async () => { f = await fake(); });
after(async () => { await f.close(); });
beforeEach(() => f.reset());

function flow(confirmed = true): TicketFlowOptions & { send: NonNullable<TicketFlowOptions['send']> } {
  return { token: new SecretToken('tok_valid_us'), baseUrl: f.url, send: sendOptionsFor(f, { confirmed }) };
}

const user = { user: { email: 'new.requester@example.com' } };

describe('createTicket', () => {
  it('creates the ticket once and reads the internal id (not the Inbox number)', async () => {
    const result = await createTicket(createTicketJson('2.15'), user, flow());
    assert.equal(result.ok, true, result.message);
    const body = result.calls[0].response!.json as { id: string; ticket_id: string };
    assert.equal(result.ticketID, body.id);
    assert.notEqual(body.id, body.ticket_id);
    assert.equal(logged(f, /^\/tickets$/, 'POST').length, 1);
    assert.match(logged(f, /^\/tickets$/, 'POST')[0].body, /new\.requester@example\.com/);
  });

  it('sends nothing until the caller confirms', async () => {
    const result = await createTicket(createTicketJson('2.15'), user, flow(false));
    assert.equal(result.ok, false);
    assert.match(result.message, /confirm/);
    assert.equal(f.requests.length, 0);
  });

  it('refuses the community package\'s URL with a leading space', async () => {
    const json = createTicketJson('2.15') as any;
    json.call[0].url = ' https://api.intercom.io/tickets';
    const result = await createTicket(json, user, flow());
    assert.equal(result.ok, false);
    assert.match(result.message, /leading space/);
    assert.equal(f.requests.length, 0);
  });

  it('reports Intercom\'s validation error for the community package\'s title/description keys', async () => {
    const json = createTicketJson('2.15') as any;
    json.call[0].httpParams = '{"ticket_type_id":"41","contacts":[{"email":"${user.email}"}],"ticket_attributes":{"title":"Ticket creation","description":"x"}}';
    const result = await createTicket(json, user, flow());
    assert.equal(result.ok, false);
    assert.equal(result.calls[0].response?.status, 400);
    assert.match(result.message, /parameter_invalid/);
  });
});

describe('pollTicketStatus', () => {
  it('2.15: ticket_state.category reaches resolved; the label note warns that Rejected shares the category', async () => {
    const created = await createTicket(createTicketJson('2.15'), user, flow());
    f.transitionTicket(created.ticketID!, { category: 'resolved', afterPolls: 2 });
    const polls: PollEvent[] = [];
    const options = { ...flow(), intervalMs: 5000, onPoll: (e: PollEvent) => polls.push(e) };
    const result = await pollTicketStatus(ticketStatusJson('2.15', 'ticket_state.category'), created.ticketID!, options);
    assert.equal(result.outcome, 'done', result.message);
    assert.equal(result.polls, 3);
    assert.deepEqual(polls.map(p => p.value), ['submitted', 'submitted', 'resolved']);
    assert.deepEqual((options.send.clock as ReturnType<typeof followClock>).sleeps, [5000, 5000]);
    assert.match(result.notes.join(' '), /Rejected/);
  });

  it('2.15: the community path "ticket_state" points at an object and can never match', async () => {
    const created = await createTicket(createTicketJson('2.15'), user, flow());
    const result = await pollTicketStatus(ticketStatusJson('2.15', 'ticket_state'), created.ticketID!, { ...flow(), intervalMs: 10 });
    assert.equal(result.outcome, 'never-matches');
    assert.match(result.message, /ticketStatusPath points at an object: use ticket_state\.category for Intercom 2\.12\+/);
    assert.equal(result.polls, 1);
  });

  it('2.11: ticket_state is a string, so "ticket_state" works and "ticket_state.category" cannot', async () => {
    const created = await createTicket(createTicketJson('2.11'), user, flow());
    assert.equal(created.ok, true, created.message);
    f.transitionTicket(created.ticketID!, { category: 'resolved', afterPolls: 1 });
    const ok = await pollTicketStatus(ticketStatusJson('2.11', 'ticket_state'), created.ticketID!, { ...flow(), intervalMs: 10 });
    assert.equal(ok.outcome, 'done', ok.message);
    assert.equal(ok.value, 'resolved');
    const wrong = await pollTicketStatus(ticketStatusJson('2.11', 'ticket_state.category'), created.ticketID!, { ...flow(), intervalMs: 10 });
    assert.equal(wrong.outcome, 'never-matches');
    assert.match(wrong.message, /is the string "resolved" here/);
  });

  it('without Intercom-Version the app\'s Developer Hub version (2.11) decides the shape', async () => {
    const created = await createTicket(createTicketJson('2.15'), user, flow());
    const result = await pollTicketStatus(ticketStatusJson(undefined, 'ticket_state.category'), created.ticketID!, { ...flow(), intervalMs: 10 });
    assert.equal(result.outcome, 'never-matches');
    assert.match(result.message, /pin Intercom-Version/);
  });

  it('a ticket deleted while polling is a terminal failure, not an endless retry', async () => {
    const created = await createTicket(createTicketJson('2.15'), user, flow());
    let n = 0;
    const result = await pollTicketStatus(ticketStatusJson('2.15', 'ticket_state.category'), created.ticketID!, {
      ...flow(), intervalMs: 10, maxPolls: 50,
      onPoll: () => { if (++n === 1) f.deleteTicket(created.ticketID!); },
    });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.polls, 2);
    assert.equal(result.problem?.code, 'ticket_not_found');
    assert.match(result.message, /no longer exists/);
  });

  it('gives up after maxPolls and stops when the user stops', async () => {
    const created = await createTicket(createTicketJson('2.15'), user, flow());
    const capped = await pollTicketStatus(ticketStatusJson('2.15', 'ticket_state.category'), created.ticketID!, { ...flow(), intervalMs: 10, maxPolls: 3 });
    assert.equal(capped.outcome, 'max-polls');
    assert.equal(capped.polls, 3);
    const controller = new AbortController();
    const stopped = await pollTicketStatus(ticketStatusJson('2.15', 'ticket_state.category'), created.ticketID!, {
      ...flow(), intervalMs: 10, signal: controller.signal, onPoll: () => controller.abort(),
    });
    assert.equal(stopped.outcome, 'stopped');
    assert.equal(stopped.polls, 1);
  });
});
