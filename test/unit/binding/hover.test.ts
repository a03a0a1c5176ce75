import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { StaticConnection } from '../../../server/src/core/connection';
import { callDoc, docOf, withCursor } from './helpers';
import { hover } from '../../support/engine';

async function hoverAt(attribute: string, marked: string): Promise<{ h: Hover | null; text: string; doc: ReturnType<typeof docOf> }> {
  const { text, offset } = withCursor(marked);
  const doc = docOf(attribute, text);
  const h = await hover({ doc, connection: new StaticConnection('t', [doc]), offset, settings: {} });
  return { h, text, doc };
}
const value = (h: Hover | null) => (h?.contents as MarkupContent).value;

test('hover on a variable: what it holds, where EIC binds it, an example', async () => {
  const { h, doc, text } = await hoverAt('UpdateAccountJSON', callDoc('"url": "https://x/${acc|ount.accountID}"'));
  assert.match(value(h), /\*\*`account`\*\*/);
  assert.match(value(h), /Bound in:/);
  assert.match(value(h), /Example:/);
  assert.equal(text.slice(doc.offsetAt(h!.range!.start), doc.offsetAt(h!.range!.end)), 'account');
});

test('hover on a member inside an escaped httpParams body', async () => {
  const { h, doc, text } = await hoverAt('CreateAccountJSON', callDoc('"url": "https://x", "httpParams": "{\\"m\\":\\"${user.em|ail}\\"}"'));
  assert.match(value(h), /`user\.email`.*e-mail/);
  assert.equal(text.slice(doc.offsetAt(h!.range!.start), doc.offsetAt(h!.range!.end)), 'email');
});

test('hover says when a variable is not bound in this attribute', async () => {
  const { h } = await hoverAt('CreateAccountJSON', callDoc('"url": "https://x/${ticke|tID}"'));
  assert.match(value(h), /does not bind `ticketID` in CreateAccountJSON/);
});

test('hover on a local name and on an unknown name', async () => {
  const local = await hoverAt('UpdateAccountJSON', callDoc('"url": "https://x/${String a = user.email; return |a}"'));
  assert.match(value(local.h), /local name declared in this expression/);
  const unknown = await hoverAt('UpdateAccountJSON', callDoc('"url": "https://x/${fo|o}"'));
  assert.match(value(unknown.h), /not a variable EIC binds/);
});
