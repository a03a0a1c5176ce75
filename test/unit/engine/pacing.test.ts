/** Each engine paces its own analyses with the host's pacing it was created with (no process-wide state). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AttributeDocument, createEngine } from '../../../server/src/core/index';
import { Pacer, SLICE_MS, type PacingHost } from '../../../server/src/core/pacing';
import { importAccountEnt } from '../../../bench/generate';

/** A host whose clock moves a whole slice at every reading, so that every pause point yields; it counts its turns. */
function countingHost(): PacingHost & { turns: number } {
  let clock = 0;
  const host = { turns: 0, turn: async () => { host.turns++; }, now: () => (clock += SLICE_MS) };
  return host;
}

test('an engine yields through its own pacing host; another engine in the same process does not use it', async () => {
  const paced = countingHost();
  const pacedEngine = createEngine({ pacing: paced });
  const other = countingHost();
  const otherEngine = createEngine({ pacing: other });
  const plainEngine = createEngine();
  const text = importAccountEnt(60_000);
  const doc = (v: number) => AttributeDocument.fromFile('pacing/ImportAccountEntJSON.json', text, v);

  const pacedFindings = await pacedEngine.analyze(doc(1));
  assert.ok(paced.turns > 0, 'the paced engine gave the event loop turns');
  assert.equal(other.turns, 0, 'not through another engine\'s host');

  const before = paced.turns;
  const plainFindings = await plainEngine.analyze(doc(2));
  assert.equal(paced.turns, before, 'an engine created later without pacing does not take over the first one\'s');
  assert.deepEqual(plainFindings, pacedFindings, 'pacing changes when the work runs, not what it finds');

  await otherEngine.analyze(doc(3));
  assert.ok(other.turns > 0);
  assert.equal(paced.turns, before);
});

test('a pacer yields only when its slice is used up, and a pause point reports cancellation', async () => {
  let now = 0;
  let turns = 0;
  const pacer = new Pacer({ turn: async () => { turns++; }, now: () => now });
  pacer.beginWork();
  assert.equal(await pacer.pausePoint(undefined), false);
  assert.equal(turns, 0, 'within the slice: no turn');
  now += SLICE_MS;
  assert.equal(await pacer.pausePoint(() => true), true, 'cancelled');
  assert.ok(turns > 0, 'the used-up slice gave the event loop turns');
  assert.equal(pacer.sliceUsed(), false, 'and a new slice started');
  pacer.endWork();
});
