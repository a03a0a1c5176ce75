/** Strict option parsing: every command refuses unknown options and missing values with exit code 2. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../../server/src/cli/io';
import { main } from '../../../server/src/cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => { out.push(s); }, err: (s: string) => { err.push(s); }, cwd: process.cwd() }, out, err };
}

test('parseArgs: values, switches, --flag=value, repeats and positionals', () => {
  const parsed = parseArgs(['a', '--format', 'json', '--var=x=1', '--var', 'y=2', '--yes', 'b', '--', '--not-an-option'],
    { values: ['format', 'var'], booleans: ['yes'] });
  assert.deepEqual(parsed.positionals, ['a', 'b', '--not-an-option']);
  assert.deepEqual(parsed.flags.get('format'), ['json']);
  assert.deepEqual(parsed.flags.get('var'), ['x=1', 'y=2']);
  assert.deepEqual(parsed.flags.get('yes'), ['true']);
});

test('parseArgs: an unknown option, a value option without its value, a value given to a switch', () => {
  assert.throws(() => parseArgs(['--frobnicate'], { values: ['format'] }), (e: unknown) =>
    e instanceof UsageError && /unknown option --frobnicate/.test(e.message) && /--format/.test(e.message));
  assert.throws(() => parseArgs(['-o'], { values: ['o'] }), /-o needs a value/);
  assert.throws(() => parseArgs(['-o', '--force'], { values: ['o'], booleans: ['force'] }), /-o needs a value/);
  assert.throws(() => parseArgs(['--yes=please'], { booleans: ['yes'] }), /switch/);
  // A value that merely starts with a dash is still a value.
  assert.deepEqual(parseArgs(['--var', '-1'], { values: ['var'] }).flags.get('var'), ['-1']);
});

test('every command exits 2 on an unknown option and names it', async () => {
  for (const command of ['check', 'package', 'unpack', 'init', 'call', 'preview-import']) {
    const c = capture();
    const code = await main([command, 'examples', '--frobnicate'], c.io);
    assert.equal(code, 2, `${command}: ${c.err.join('\n')}`);
    assert.match(c.err.join('\n'), new RegExp(`^${command}: unknown option --frobnicate`), command);
    assert.match(c.err.join('\n'), new RegExp(`saviynt-rest ${command} --help`));
  }
});

test('package -o without a value is a usage error, not a default-named zip', async () => {
  const c = capture();
  assert.equal(await main(['package', 'examples/intercom-teammates', '-o'], c.io), 2);
  assert.match(c.err.join('\n'), /-o needs a value/);
});
