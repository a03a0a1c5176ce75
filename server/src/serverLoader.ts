/**
 * `dist/server.js`: starts the language server (dist/serverMain.js, built from server.ts) through
 * V8's code cache, so that every start after the first skips compiling it (node/codeCache.ts).
 * `node dist/server.js --stdio` speaks LSP on stdin/stdout; the VS Code client starts it over IPC.
 */
import * as path from 'node:path';
import { runWithCodeCache } from './node/codeCache';

runWithCodeCache(path.join(__dirname, 'serverMain.js'), 'server');
