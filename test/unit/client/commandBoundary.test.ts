/**
 * One error boundary for every command: client/src registers commands only through
 * commandGuard.ts, and the boundary (commandBoundary.ts) logs without secrets, shows a plain
 * message to a person, and gives a script the failure result or the error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { failureMessage, reasonOf, withBoundary, type BoundaryHost } from '../../../client/src/commandBoundary';
import { redact, SecretToken } from '../../../server/src/core/runner/secret';

const SOURCES = 'client/src';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

test('no file of client/src registers a command except through commandGuard.ts', () => {
  const direct: string[] = [];
  let guards = 0;
  for (const file of sourceFiles(SOURCES)) {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (/\bregister(TextEditor)?Command\s*\(/.test(line) && /\bcommands\s*\.\s*register/.test(line) && !file.endsWith('commandGuard.ts')) direct.push(`${file}:${i + 1}`);
    });
    // Also an aliased or destructured use: `const { registerCommand } = vscode.commands`.
    if (!file.endsWith('commandGuard.ts') && /\{\s*[^}]*\bregister(TextEditor)?Command\b[^}]*\}\s*=\s*[\w.]*commands\b/.test(text)) direct.push(`${file}: destructured`);
    if (file.endsWith('commandGuard.ts')) guards = (text.match(/vscode\.commands\.registerCommand\(/g) ?? []).length;
  }
  assert.deepEqual(direct, [], 'commands registered outside the guard');
  assert.equal(guards, 1, 'the guard itself registers through vscode.commands.registerCommand once');
});

test('every command contributed in package.json is registered through the guard', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { commands: { command: string }[] } };
  const protocol = readFileSync('common/src/protocol.ts', 'utf8');
  const registered = sourceFiles(SOURCES).map(f => readFileSync(f, 'utf8')).join('\n');
  const missing: string[] = [];
  for (const { command } of manifest.contributes.commands) {
    const key = new RegExp(`(\\w+):\\s*'${command.replace(/\./g, '\\.')}'`).exec(protocol)?.[1];
    if (!key || !new RegExp(`registerCommand\\(ctx, Commands\\.${key}\\b|registerLiveChecks\\(ctx, Commands\\.${key}\\b`).test(registered)) missing.push(command);
  }
  assert.deepEqual(missing, []);
});

test('no function in client/src is longer than 60 lines', () => {
  const long: string[] = [];
  for (const file of sourceFiles(SOURCES)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const from = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const to = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        if (to - from + 1 > 60) long.push(`${file}:${from + 1} (${to - from + 1} lines)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  assert.deepEqual(long, []);
});

const TOKEN = 'dG9rZW4tY2FuYXJ5LTAxMjM0NTY3ODk';

function host(secret: SecretToken) {
  const logged: string[] = [];
  const shown: string[] = [];
  const h: BoundaryHost = { logError: t => logged.push(t), showError: m => shown.push(m), redact: async t => redact(t, secret) };
  return { h, logged, shown };
}

test('a failing command run by a person: a plain message is shown, the log has the stack, no secret anywhere', async () => {
  const secret = new SecretToken(TOKEN);
  const { h, logged, shown } = host(secret);
  const run = withBoundary('Run call', async (_args?: object) => { throw new Error(`fetch https://api.intercom.io/me?token=${TOKEN} refused.`); }, h,
    { failure: message => ({ ok: false, message }) });
  const result = await run({});
  assert.equal(shown.length, 1);
  assert.equal(shown[0], `Run call could not finish: fetch https://api.intercom.io/me?token=${secret.masked} refused. The details are in the output (Saviynt REST: Show Output).`);
  assert.deepEqual(result, { ok: false, message: shown[0] });
  assert.equal(logged.length, 1);
  assert.match(logged[0], /^Run call failed: fetch/);
  assert.match(logged[0], /commandBoundary\.test\.ts/, 'the stack is logged');
  for (const text of [...logged, ...shown, JSON.stringify(result)]) {
    assert.ok(!text.includes(TOKEN), 'the token never shows');
    assert.ok(!text.toLowerCase().includes(TOKEN.toLowerCase()), 'not even in another case');
  }
});

test('a failing command run by a script (silent): no message; the failure result, or the error itself', async () => {
  const { h, logged, shown } = host(new SecretToken(TOKEN));
  const boom = new Error('disk full');
  const withResult = withBoundary('Preview Import', async (_a: { silent?: boolean }) => { throw boom; }, h, { failure: message => ({ ok: false, message }) });
  assert.deepEqual(await withResult({ silent: true }), { ok: false, message: failureMessage('Preview Import', 'disk full') });
  const withoutResult = withBoundary('Package Connection', async (_a: { silent?: boolean }) => { throw boom; }, h);
  await assert.rejects(withoutResult({ silent: true }), e => e === boom);
  assert.deepEqual(shown, [], 'silent runs show nothing');
  assert.equal(logged.length, 2, 'both failures are logged');
});

test('a person gets undefined from a command without a failure result (the message says what happened)', async () => {
  const { h, shown } = host(new SecretToken(TOKEN));
  const run = withBoundary('Unpack', (_a?: unknown) => { throw 'not an Error'; }, h);
  assert.equal(await run(vscodeUriLike()), undefined);
  assert.deepEqual(shown, ['Unpack could not finish: not an Error. The details are in the output (Saviynt REST: Show Output).']);
});

test('a command that succeeds passes its result through untouched', async () => {
  const { h, logged, shown } = host(new SecretToken(TOKEN));
  const value = { ok: true, message: 'fine' };
  assert.equal(await withBoundary('x', () => value, h)(), value);
  assert.deepEqual([logged, shown], [[], []]);
});

test('reasonOf puts any thrown value in words', () => {
  assert.equal(reasonOf(new Error('Boom.')), 'Boom');
  assert.equal(reasonOf(new TypeError('')), 'TypeError');
  assert.equal(reasonOf({ code: 7 }), '{"code":7}');
  assert.equal(reasonOf(undefined), 'undefined');
  assert.equal(reasonOf('  '), 'an unknown error');
});

/** A first argument that is not an args object (a Uri from a menu): never silent. */
function vscodeUriLike(): unknown {
  return { scheme: 'file', path: '/x.zip' };
}
