// Shared helpers for the EIC tests: the fake EIC on a manual clock, an engine clock that follows
// it (sleeping advances the fake's time at once), a signed-in API, and fixture folders.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cancelledError, realClock, type EngineClock } from '../../../server/src/core/runner/clock';
import {
  eicCredentials, openEicApi, parseTenantAddress, type EicApi, type EicCredentials, type EicProgress, type EicTransportOptions, type TenantAddress,
} from '../../../server/src/core/eic';
import { readConnectionFolder } from '../../../server/src/core/transport/connectionFolder';
import { nodeFs } from '../../../server/src/core/transport/node/nodeFs';
import { DEFAULT_USER, startFakeEic, type FakeEic, type FakeEicOptions } from '../../fake-eic/server';

export { DEFAULT_USER, type FakeEic };

export const FIXTURE = path.resolve(__dirname, '../../fixtures/eic/Intercom');

export function fakeEic(options: FakeEicOptions = {}): Promise<FakeEic> {
  return startFakeEic({ clock: 'manual', ...options });
}

/** An engine clock on the fake's manual clock. */
export function followClock(f: FakeEic): EngineClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => f.now(),
    async sleep(ms, signal) {
      if (signal?.aborted) throw cancelledError();
      sleeps.push(ms);
      f.advanceClock(ms / 1000);
    },
    timer: (fn, ms) => realClock.timer(fn, ms),
  };
}

export function address(f: FakeEic): TenantAddress {
  const a = parseTenantAddress(f.url);
  if (typeof a === 'string') throw new Error(a);
  return a;
}

export function credentials(values: { username?: string; password?: string; token?: string } = DEFAULT_USER): EicCredentials {
  const c = eicCredentials(values);
  if (typeof c === 'string') throw new Error(c);
  return c;
}

export interface TestApi {
  api: EicApi;
  progress: EicProgress[];
}

export function api(f: FakeEic, options: Partial<EicTransportOptions> & { creds?: EicCredentials } = {}): TestApi {
  const progress: EicProgress[] = [];
  const { creds, ...rest } = options;
  const clock = followClock(f);
  return {
    api: openEicApi(address(f), creds ?? credentials(), {
      fetch: (input, init) => fetch(input, init), clock, random: () => 0, onProgress: e => progress.push(e), ...rest,
    }),
    progress,
  };
}

const roots: string[] = [];
process.on('exit', () => { for (const r of roots) fs.rmSync(r, { recursive: true, force: true }); });

/** A private copy of the fixture folder (or an empty folder) under a temp dir (removed at exit), named `name`. */
export function tempFolder(name = 'Intercom', from: string | undefined = FIXTURE): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'eic-test-'));
  roots.push(root);
  const dir = path.join(root, name);
  if (from) fs.cpSync(from, dir, { recursive: true });
  else fs.mkdirSync(dir);
  return dir;
}

export function readFolder(dir: string) {
  return readConnectionFolder(nodeFs, dir);
}

/** The attribute files of a folder (name → text), connection.meta.json left out. */
export function attributeTexts(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir).sort()) {
    if (name === 'connection.meta.json' || !name.endsWith('.json')) continue;
    out[name] = fs.readFileSync(path.join(dir, name), 'utf8');
  }
  return out;
}

/** A validator that finds nothing (the engine check is tested elsewhere). */
export const noFindings = async () => ({ errors: 0, messages: [] });

export const INTERCOM_TOKEN = 'tok_intercom_for_eic_tests_0123456789';
