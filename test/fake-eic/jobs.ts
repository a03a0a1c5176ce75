// Jobs: runJobTrigger starts a run that lasts jobDurationSeconds on the fake clock;
// checkJobStatus, fetchJobMetadata and checkImportStatus report on it.

import { text } from './body.js';
import { json, type FakeAnswer, type FakeRequest } from './auth.js';
import type { FakeEicStore, JobRun } from './store.js';

function format(ms: number): string {
  // "Fri Jan 17 07:54:36 UTC 2020", as fetchJobMetadata shows times.
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function lastRun(store: FakeEicStore, jobname: string, jobgroup?: string): JobRun | undefined {
  return [...store.jobRuns].reverse().find(r => r.jobname === jobname && (!jobgroup || r.jobgroup === jobgroup));
}

/** POST /ECM/api/v5/runJobTrigger */
export function runJobTrigger(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  const f = req.body.fields;
  const jobname = text(f, 'jobname');
  const triggername = text(f, 'triggername');
  const jobgroup = text(f, 'jobgroup');
  if (!jobname || !triggername || !jobgroup) return json(412, { errorCode: '1', msg: 'jobname, triggername and jobgroup are required' });
  const trigger = store.config.triggers.find(t => t.jobname === jobname && t.triggername === triggername && t.jobgroup === jobgroup);
  if (!trigger) {
    return json(412, { msg: 'Error while running the job trigger', errorCode: '1',
      triggers: [{ triggername, jobname, jobgroup, msg: 'Trigger not found' }] });
  }
  const now = store.clock.nowMs();
  const running = lastRun(store, jobname, jobgroup);
  if (running && running.endMs > now) return json(412, { errorCode: '1', msg: `Job ${jobname} is already running` });
  store.jobRuns.push({ jobname, triggername, jobgroup, startMs: now, endMs: now + store.config.jobDurationSeconds * 1000, fails: store.config.jobFails });
  const stamp = new Date(now).toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '');
  return json(200, { errorCode: '0', msg: 'Starting Job', timestamp: stamp });
}

/** POST /ECM/api/v5/checkJobStatus (multipart or JSON: jobgroup, jobname) */
export function checkJobStatus(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  const jobname = text(req.body.fields, 'jobname');
  const jobgroup = text(req.body.fields, 'jobgroup');
  if (!jobname || !jobgroup) return json(412, { errorCode: '1', msg: 'jobname and jobgroup are required' });
  const run = lastRun(store, jobname, jobgroup);
  const now = store.clock.nowMs();
  const status = !run ? 'NOT RUNNING' : run.endMs > now ? 'IN-PROGRESS' : 'COMPLETED';
  return json(200, { errorCode: '0', msg: status });
}

/** POST /ECM/api/v5/fetchJobMetadata */
export function fetchJobMetadata(store: FakeEicStore, req: FakeRequest): FakeAnswer {
  const jobname = text(req.body.fields, 'jobname');
  if (!jobname) return json(412, { errorCode: '1', msg: 'jobname is required' });
  const run = lastRun(store, jobname, text(req.body.fields, 'jobgroup') || undefined);
  if (!run) return json(412, { errorCode: 1, msg: `No run of ${jobname} found` });
  const done = run.endMs <= store.clock.nowMs();
  return json(200, { errorCode: 0, msg: 'Success', result: { [jobname]: {
    StartTime: format(run.startMs), EndTime: done ? format(run.endMs) : '', JobCompleted: done ? 'Completed' : 'Running',
    Result: !done ? '' : run.fails ? 'Failed: the import stopped with an error (see the job log)' : `Success: connection import finished (${store.connections.size} connection(s))`,
  } } });
}

/** POST /ECM/api/v5/checkImportStatus: no parameters. */
export function checkImportStatus(store: FakeEicStore): FakeAnswer {
  const now = store.clock.nowMs();
  const running = store.jobRuns.some(r => r.jobgroup === 'DATA' && r.endMs > now) || store.transport.some(t => t.operation === 'import' && t.doneMs === undefined);
  return json(200, { errorCode: '0', errorMessage: '', importStatus: running ? 'RUNNING' : 'COMPLETED' });
}
