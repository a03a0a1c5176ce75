/**
 * The EIC calls this tool makes, one method each, on a signed-in session. Each sends the content
 * type the call is documented with, and reads the answer tolerantly.
 */
import { field, isRecord, messageOf, textField, type JsonRecord } from './eicAnswers';
import type { WireValue } from './eicBody';
import { EicProblemError } from './eicProblems';
import type { EicSession } from './eicSession';
import { readConnectionDetails, readConnectionList, type ConnectionSummary, type TenantConnection } from './tenantConnection';

/** What EIC said about a save (testConnection). */
export interface SaveOutcome {
  connectionKey?: string;
  /** EIC's msg, e.g. "Connection Successful" or "Connection Failed". */
  msg?: string;
  /** From `response: standard`: SUCCESS or FAILURE. */
  connectionStatus?: string;
  /** true: EIC's own connection test passed; false: it failed (the connection is saved anyway). */
  testPassed?: boolean;
  /** The test's error messages (connectionResult.errors[].errorMessage). */
  errors: string[];
}

export interface JobSpec {
  jobName: string;
  triggerName: string;
  jobGroup: string;
}

export interface JobMetadata {
  startTime?: string;
  endTime?: string;
  completed?: string;
  result?: string;
}

export const CONNECTIONS_PAGE_SIZE = 50;
const MAX_PAGES = 200;

export function readSaveOutcome(json: JsonRecord): SaveOutcome {
  const msg = messageOf(json);
  const connectionStatus = textField(json, 'connectionStatus', 'connectionstatus');
  const errors: string[] = [];
  const result = field(json, 'connectionResult', 'connectionresult');
  const list = field(result, 'errors', 'error');
  if (Array.isArray(list)) {
    for (const e of list) {
      const text = typeof e === 'string' ? e : messageOf(e) ?? textField(e, 'errorMessage', 'errormessage');
      if (text) errors.push(text);
    }
  }
  let testPassed: boolean | undefined;
  if (connectionStatus) testPassed = /^success/i.test(connectionStatus.trim()) ? true : /^fail/i.test(connectionStatus.trim()) ? false : undefined;
  // errorCode "0" with msg "Connection Failed" is EIC's way of saying: saved, but the test failed.
  if (testPassed === undefined && msg) testPassed = /fail|error|unable|could not/i.test(msg) ? false : /success/i.test(msg) ? true : undefined;
  if (testPassed === true && errors.length) testPassed = false;
  return { connectionKey: textField(json, 'connectionKey', 'connectionkey'), msg, connectionStatus, testPassed, errors };
}

export class EicApi {
  constructor(readonly session: EicSession) {}

  get host(): string { return this.session.host; }

  /** Every connection (all pages), optionally of one type. */
  async listConnections(options: { type?: string; name?: string; pageSize?: number } = {}): Promise<ConnectionSummary[]> {
    const max = options.pageSize ?? CONNECTIONS_PAGE_SIZE;
    const all: ConnectionSummary[] = [];
    for (let page = 0, offset = 0; page < MAX_PAGES; page++) {
      const json = await this.session.call('getConnections', { kind: 'multipart', fields: {
        connectionname: options.name, connectiontype: options.type, max: String(max), offset: String(offset),
      } });
      const { connections, total } = readConnectionList(json);
      all.push(...connections.filter(c => !all.some(a => a.name === c.name)));
      offset += connections.length;
      if (connections.length === 0 || connections.length < max || (total !== undefined && offset >= total)) break;
    }
    return all;
  }

  /** The tenant's connection, or undefined when the tenant has none of that name. */
  async connectionDetails(name: string): Promise<TenantConnection | undefined> {
    try {
      const json = await this.session.call('getConnectionDetails', { kind: 'json', fields: { connectionname: name } });
      if (!isRecord(field(json, 'connectionattributes', 'connectionAttributes')) && !textField(json, 'connectionname', 'connectionName')) {
        return undefined; // a 200 without a connection (some releases answer so for an unknown name)
      }
      return readConnectionDetails(json, name);
    } catch (e) {
      if (e instanceof EicProblemError && e.problem.kind === 'not-found') return undefined;
      throw e;
    }
  }

  /** Creates or updates the connection (testConnection with saveconnection=Y) and reads EIC's test result. */
  async saveConnection(fields: Record<string, WireValue | undefined>): Promise<SaveOutcome> {
    const json = await this.session.call('testConnection', { kind: 'multipart', fields }, { response: 'standard' });
    return readSaveOutcome(json);
  }

  async runJobTrigger(job: JobSpec): Promise<{ msg?: string; timestamp?: string }> {
    const json = await this.session.call('runJobTrigger', { kind: 'json', fields: {
      jobname: job.jobName, triggername: job.triggerName, jobgroup: job.jobGroup,
    } });
    return { msg: messageOf(json), timestamp: textField(json, 'timestamp') };
  }

  /** The job's state as EIC words it (e.g. "IN-PROGRESS", "COMPLETED", "NOT RUNNING"). */
  async checkJobStatus(job: JobSpec): Promise<string> {
    const json = await this.session.call('checkJobStatus', { kind: 'multipart', fields: { jobgroup: job.jobGroup, jobname: job.jobName } });
    return messageOf(json) ?? textField(json, 'status', 'jobStatus') ?? 'unknown';
  }

  async fetchJobMetadata(job: JobSpec): Promise<JobMetadata | undefined> {
    const json = await this.session.call('fetchJobMetadata', { kind: 'json', fields: {
      jobname: job.jobName, triggername: job.triggerName, jobgroup: job.jobGroup,
    } });
    const result = field(json, 'result');
    if (!isRecord(result)) return undefined;
    const entry = field(result, job.jobName) ?? Object.values(result)[0];
    if (!isRecord(entry)) return undefined;
    return {
      startTime: textField(entry, 'StartTime', 'startTime'),
      endTime: textField(entry, 'EndTime', 'endTime'),
      completed: textField(entry, 'JobCompleted', 'jobCompleted', 'status'),
      result: textField(entry, 'Result', 'result'),
    };
  }
}

