/**
 * Running an EIC job and following it to its end: runJobTrigger, then checkJobStatus every few
 * seconds until EIC no longer says it is running, then fetchJobMetadata for its result.
 * Cancellable at any point (the job itself keeps running on the tenant). The status words are
 * not documented beyond "IN-PROGRESS", so anything that does not say "running" ends the wait —
 * after a grace period, since a job that has just been triggered may not have started yet.
 */
import { realClock, type EngineClock } from '../runner/clock';
import type { EicApi, JobMetadata, JobSpec } from './eicApi';

export type JobOutcome = 'completed' | 'failed' | 'timed-out' | 'cancelled';

export type JobProgress =
  | { type: 'started'; msg?: string }
  | { type: 'status'; status: string; elapsedMs: number; polls: number };

export interface JobRunOptions {
  clock?: EngineClock;
  signal?: AbortSignal;
  /** Between two status calls (default 5 s). */
  pollIntervalMs?: number;
  /** Stop following after this long (default 30 min); the job keeps running on the tenant. */
  timeoutMs?: number;
  /** Polls that may say "not running" before the job is taken as finished (default 3). */
  startGracePolls?: number;
  onProgress?(event: JobProgress): void;
}

export interface JobRunResult {
  outcome: JobOutcome;
  job: JobSpec;
  /** EIC's answer to runJobTrigger. */
  startMessage?: string;
  /** The last status EIC gave. */
  lastStatus?: string;
  polls: number;
  elapsedMs: number;
  metadata?: JobMetadata;
  message: string;
}

const RUNNING = /progress|running|started|starting|queued|executing|waiting|pending|acquired|blocked/i;
const NOT_RUNNING = /not[\s_-]*running|idle|none/i;
const FAILED = /fail|error|abort|exception|interrupt|terminat|killed/i;

/** Runs the job and waits for its end. Problems of the calls themselves are thrown (EicProblemError). */
export async function runJobAndWait(api: EicApi, job: JobSpec, options: JobRunOptions = {}): Promise<JobRunResult> {
  const clock = options.clock ?? realClock;
  const interval = options.pollIntervalMs ?? 5000;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const grace = options.startGracePolls ?? 3;
  const started = clock.now();
  const start = await api.runJobTrigger(job);
  options.onProgress?.({ type: 'started', msg: start.msg });
  const result: JobRunResult = { outcome: 'timed-out', job, startMessage: start.msg, polls: 0, elapsedMs: 0, message: '' };
  let seenRunning = false;
  for (;;) {
    if (options.signal?.aborted) return finish(result, 'cancelled', clock.now() - started);
    try {
      await clock.sleep(interval, options.signal);
    } catch {
      return finish(result, 'cancelled', clock.now() - started);
    }
    const status = await api.checkJobStatus(job);
    result.polls++;
    result.lastStatus = status;
    const elapsedMs = clock.now() - started;
    options.onProgress?.({ type: 'status', status, elapsedMs, polls: result.polls });
    const running = RUNNING.test(status) && !NOT_RUNNING.test(status);
    if (running) seenRunning = true;
    else if (seenRunning || result.polls >= grace || !NOT_RUNNING.test(status)) {
      result.metadata = await api.fetchJobMetadata(job).catch(e => { if (isCancel(e)) throw e; return undefined; });
      const words = `${status} ${result.metadata?.completed ?? ''} ${result.metadata?.result ?? ''}`;
      return finish(result, FAILED.test(words) ? 'failed' : 'completed', elapsedMs);
    }
    if (elapsedMs >= timeoutMs) return finish(result, 'timed-out', elapsedMs);
  }
}

function isCancel(e: unknown): boolean {
  return e instanceof Error && e.name === 'EicProblemError' && (e as { problem?: { kind?: string } }).problem?.kind === 'cancelled';
}

function finish(result: JobRunResult, outcome: JobOutcome, elapsedMs: number): JobRunResult {
  result.outcome = outcome;
  result.elapsedMs = elapsedMs;
  const name = `${result.job.jobName} (trigger ${result.job.triggerName}, group ${result.job.jobGroup})`;
  const took = `${Math.max(1, Math.round(elapsedMs / 1000))} s`;
  const detail = result.metadata?.result ? ` Result: ${result.metadata.result}.` : '';
  result.message = outcome === 'completed' ? `The job ${name} finished after ${took}: ${result.metadata?.completed ?? result.lastStatus}.${detail}`
    : outcome === 'failed' ? `The job ${name} failed after ${took}: ${result.metadata?.completed ?? result.lastStatus}.${detail}`
    : outcome === 'cancelled' ? `Stopped following the job ${name} after ${took}; it keeps running on the tenant (Admin → Job Control Panel shows it).`
    : `The job ${name} was still running after ${took}; it keeps running on the tenant (Admin → Job Control Panel shows it).`;
  return result;
}

