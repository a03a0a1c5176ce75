// Jobs: runJobTrigger, then checkJobStatus until the job is done, then fetchJobMetadata; progress,
// cancel, a failed job, an unknown trigger, and a job that has not started yet when first polled.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EicProblemError, runJobAndWait, type JobProgress } from '../../../server/src/core/eic';
import { api, fakeEic, followClock, type FakeEic } from './helpers';

let f: FakeEic;
before(async () => { f = await fakeEic(); });
after(() => f.close());
beforeEach(() => f.reset());

const JOB = { jobName: 'ApplicationDataImportJob', triggerName: 'IntercomImport', jobGroup: 'DATA' };

describe('jobs', () => {
  it('triggers the job, follows it with progress until it completes, and reads its result', async () => {
    f.configure({ jobDurationSeconds: 12 });
    const events: JobProgress[] = [];
    const clock = followClock(f);
    const r = await runJobAndWait(api(f, { clock }).api, JOB, { clock, pollIntervalMs: 5000, onProgress: e => events.push(e) });
    assert.equal(r.outcome, 'completed', r.message);
    assert.deepEqual(events.filter(e => e.type === 'status').map(e => (e as { status: string }).status), ['IN-PROGRESS', 'IN-PROGRESS', 'COMPLETED']);
    assert.equal(r.startMessage, 'Starting Job');
    assert.match(r.metadata?.result ?? '', /^Success/);
    assert.match(r.message, /finished after 15 s: Completed\. Result: Success/);
    const calls = f.apiRequests.map(x => x.path.split('/').pop());
    assert.deepEqual(calls, ['login', 'runJobTrigger', 'checkJobStatus', 'checkJobStatus', 'checkJobStatus', 'fetchJobMetadata']);
    const status = f.apiRequests.find(x => x.path.endsWith('checkJobStatus'))!;
    assert.match(status.contentType, /^multipart\/form-data/);
    assert.match(f.apiRequests.find(x => x.path.endsWith('runJobTrigger'))!.contentType, /^application\/json/);
  });

  it('a failed job is reported as failed, with EIC\'s result', async () => {
    f.configure({ jobDurationSeconds: 1, jobFails: true });
    const clock = followClock(f);
    const r = await runJobAndWait(api(f, { clock }).api, JOB, { clock, pollIntervalMs: 2000 });
    assert.equal(r.outcome, 'failed');
    assert.match(r.message, /failed after .*Failed: the import stopped/);
  });

  it('cancel stops following (the job keeps running on the tenant)', async () => {
    f.configure({ jobDurationSeconds: 600 });
    const controller = new AbortController();
    const clock = followClock(f);
    const r = await runJobAndWait(api(f, { clock }).api, JOB, {
      clock, signal: controller.signal, pollIntervalMs: 5000,
      onProgress: e => { if (e.type === 'status' && e.polls === 2) controller.abort(); },
    });
    assert.equal(r.outcome, 'cancelled');
    assert.equal(r.polls, 2);
    assert.match(r.message, /keeps running on the tenant/);
  });

  it('gives up following after the time limit', async () => {
    f.configure({ jobDurationSeconds: 600 });
    const clock = followClock(f);
    const r = await runJobAndWait(api(f, { clock }).api, JOB, { clock, pollIntervalMs: 10_000, timeoutMs: 30_000 });
    assert.equal(r.outcome, 'timed-out');
    assert.equal(r.polls, 3);
  });

  it('an unknown trigger is EIC\'s 412 with its msg', async () => {
    await assert.rejects(runJobAndWait(api(f).api, { ...JOB, triggerName: 'Nope' }), (e: unknown) => {
      assert.ok(e instanceof EicProblemError);
      assert.equal(e.problem.status, 412);
      assert.match(e.message, /EIC said: "Error while running the job trigger"/);
      return true;
    });
  });

  it('"NOT RUNNING" right after the trigger (not started yet) is waited out for a few polls', async () => {
    f.configure({ jobDurationSeconds: 4 });
    f.addFaults({ path: 'checkJobStatus', status: 200, times: 2, body: { errorCode: '0', msg: 'NOT RUNNING' } });
    const clock = followClock(f);
    const r = await runJobAndWait(api(f, { clock }).api, JOB, { clock, pollIntervalMs: 1000, startGracePolls: 3 });
    assert.equal(r.outcome, 'completed');
    assert.ok(r.polls >= 3, `polled ${r.polls} times`);
  });
});
