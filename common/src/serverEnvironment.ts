/**
 * The environment the language server process runs with, declared once for the extension (which
 * starts it) and the benchmark (which measures that start): the extension host's own, with its
 * code-cache directory (server/src/node/codeCache.ts) and without `NODE_EXTRA_CA_CERTS`.
 *
 * The server never opens a network connection — test calls, live checks and the EIC commands run
 * in the extension, which keeps the variable — but Node reads and parses the whole certificate file
 * the variable names when a process starts, before any of the server's code runs: with a system
 * bundle that is about 100 ms of every start.
 */
import { CODE_CACHE_ENV } from './protocol';

/** Variables that only cost the server time: the server opens no TLS connection. */
export const SERVER_UNUSED_ENV = ['NODE_EXTRA_CA_CERTS'] as const;

export function languageServerEnvironment(
  base: Readonly<Record<string, string | undefined>>, codeCacheDirectory: string,
): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...base, [CODE_CACHE_ENV]: codeCacheDirectory };
  // By any spelling: on Windows the names of environment variables are case-insensitive.
  const unused = new Set<string>(SERVER_UNUSED_ENV);
  for (const name of Object.keys(env)) if (unused.has(name.toUpperCase())) delete env[name];
  return env;
}
