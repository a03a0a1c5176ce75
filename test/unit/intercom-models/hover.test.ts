/** Hover says what one run of the incremental search reads, on the URL (below the endpoint) and on the body; the task members are documented. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { StaticConnection } from '../../../server/src/core/connection';
import { docOf } from '../intercom-rules/helpers';
import { REPO_ROOT } from '../../support/corpus';
import { hover } from '../../support/engine';

const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'intercom-contacts-incremental', 'ImportAccountEntJSON.json'), 'utf8');

async function hoverAt(offset: number, source = text, attribute = 'ImportAccountEntJSON'): Promise<string> {
  const doc = docOf(attribute, source);
  const h = await hover({ doc, offset, connection: new StaticConnection('t', [doc]), settings: {} });
  const contents = h?.contents as { value?: string } | undefined;
  return contents?.value ?? '';
}

test('the search URL: the endpoint, then one page per run, the window, what happens beyond, how often to run', async () => {
  const value = await hoverAt(text.indexOf('/contacts/search') + 2);
  assert.match(value, /^\*\*POST \/contacts\/search\*\*/);
  assert.match(value, /One page per run\.\*\* .*at most 150 records/);
  assert.match(value, /updated_at since the start of yesterday/);
  assert.match(value, /150 newest changes: nothing is lost as long as fewer than 150 records change between two runs/);
  assert.match(value, /next full import/);
  assert.match(value, /e\.g\. hourly/);
});

test('the search body (outside its bindings) shows the same; an ascending sort is called out', async () => {
  const body = await hoverAt(text.indexOf('pagination') + 2);
  assert.match(body, /One page per run/);
  const ascending = text.replace('descending', 'ascending');
  assert.match(await hoverAt(ascending.indexOf('pagination') + 2, ascending), /Not sorted newest first/);
  // Inside the ${…} the binding hover answers instead.
  assert.doesNotMatch(await hoverAt(text.indexOf('currentTimeMillis') + 3), /One page per run/);
});

test('${task.tasktype} and ${task.id} have hover text', async () => {
  const ticket = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'intercom-teammates', 'CreateTicketJSON.json'), 'utf8');
  assert.match(await hoverAt(ticket.indexOf('tasktype') + 2, ticket, 'CreateTicketJSON'), /14 disable account/);
  assert.match(await hoverAt(ticket.indexOf('task.id') + 6, ticket, 'CreateTicketJSON'), /task key/);
});
