/**
 * Runs a bundle through V8's code cache, so that a language server started again skips compiling
 * its 800 KB of JavaScript (what Node 22's `module.enableCompileCache` does, for every Node the
 * server runs on). The first start compiles as usual and, when it exits (or after a while), writes
 * the compiled code — the functions the first analyses compiled included — to a cache file; later
 * starts hand that file to V8, which checks it against the source, the V8 version and its flags
 * and compiles whatever it rejects.
 *
 * The cache is code this process will run, so it lives only in a directory of the user's own that
 * no one else can write to: `SAVIYNT_REST_CODE_CACHE` (the extension sets its private storage), or
 * a per-user directory in the system's temporary folder. A directory that is not safe, a file that
 * cannot be read or written, or a cache V8 rejects never stops the server: it then compiles as
 * usual. `SAVIYNT_REST_CODE_CACHE=off` turns the cache off.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import * as vm from 'node:vm';
import { CODE_CACHE_ENV } from '../../../common/src/protocol';

/** How long a long-running process waits before it writes the cache (if it has not exited first). */
const WRITE_AFTER_MS = 20_000;

/**
 * Whether a directory may hold code this process runs: a real directory (not a link), and on
 * POSIX owned by this user and writable by no one else.
 */
export function isPrivateDirectory(dir: string): boolean {
  let stat: fs.Stats;
  try { stat = fs.lstatSync(dir); } catch { return false; }
  if (!stat.isDirectory()) return false;
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return stat.uid === process.getuid() && (stat.mode & 0o022) === 0;
}

/** The cache directory to use, created if needed; undefined when caching is off or no safe one exists. */
export function codeCacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env[CODE_CACHE_ENV]?.trim();
  if (configured === 'off') return undefined;
  const user = typeof process.getuid === 'function' ? String(process.getuid()) : os.userInfo().username;
  const dir = configured ? path.resolve(configured) : path.join(os.tmpdir(), `saviynt-rest-code-cache-${user}`);
  try { fs.mkdirSync(dir, { recursive: true, mode: 0o700 }); } catch { return undefined; }
  return isPrivateDirectory(dir) ? dir : undefined;
}

/** The cache file of a source: its content, Node's version and the architecture name it. */
export function codeCacheFile(dir: string, name: string, source: string): string {
  const key = crypto.createHash('sha256').update(process.version).update(process.arch).update(source).digest('hex').slice(0, 24);
  return path.join(dir, `${name}-${key}.bin`);
}

function readCache(file: string): Buffer | undefined {
  try { return fs.readFileSync(file); } catch { return undefined; }
}

/** Writes the file whole or not at all (a second server writing at the same time does not corrupt it). */
function writeCache(file: string, data: Buffer): void {
  const partial = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(partial, data, { mode: 0o600 });
    fs.renameSync(partial, file);
  } catch {
    try { fs.rmSync(partial, { force: true }); } catch { /* nothing to clean */ }
  }
}

/**
 * Loads `mainFile` as the CommonJS module it was bundled as (its own `require`, `module`,
 * `__filename` and `__dirname`), through the code cache when one can be used.
 */
export function runWithCodeCache(mainFile: string, name: string): void {
  const source = fs.readFileSync(mainFile, 'utf8');
  const dir = codeCacheDirectory();
  const file = dir ? codeCacheFile(dir, name, source) : undefined;
  const cachedData = file ? readCache(file) : undefined;
  // The wrapper sits on a line of its own (lineOffset -1), so that positions in stack traces are the file's.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {\n${source}\n})`, {
    filename: mainFile, lineOffset: -1, cachedData,
  });
  if (file && (!cachedData || script.cachedDataRejected)) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeCache(file, script.createCachedData());
    };
    process.once('exit', write);
    setTimeout(write, WRITE_AFTER_MS).unref();
  }
  const module = { exports: {}, filename: mainFile, id: mainFile, loaded: false };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(mainFile), module, mainFile, path.dirname(mainFile));
  module.loaded = true;
}
