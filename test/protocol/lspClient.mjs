// A minimal LSP client over stdio for protocol tests: spawns dist/server.js --stdio,
// frames JSON-RPC messages, and lets tests await responses and notifications.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');

export function fileUri(p) {
  return pathToFileURL(p).toString();
}

export class LspClient {
  constructor(options = {}) {
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd ?? ROOT, env: options.env ?? process.env });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.notifications = [];
    this.stderr = '';
    this.buffer = Buffer.alloc(0);
    this.exited = new Promise(resolve => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    this.proc.stdout.on('data', chunk => this.onData(chunk));
    this.proc.stderr.on('data', chunk => { this.stderr += chunk.toString(); });
  }

  onData(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length: (\d+)/i.exec(header);
      if (!m) throw new Error('bad header ' + header);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body));
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(message.id);
      if (p) { this.pending.delete(message.id); message.error ? p.reject(Object.assign(new Error(message.error.message), { code: message.error.code })) : p.resolve(message.result); }
      return;
    }
    if (message.id !== undefined && message.method) {
      // A request from the server: answer configuration requests with nothing special.
      const result = message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null;
      this.write({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    this.notifications.push(message);
    for (const l of [...this.listeners]) l(message);
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }

  request(method, params, timeoutMs = 10000) {
    const id = this.nextId++;
    this.write({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`timeout waiting for ${method}`)); }, timeoutMs);
      this.pending.set(id, {
        resolve: v => { clearTimeout(timer); resolve(v); },
        reject: e => { clearTimeout(timer); reject(e); },
      });
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Waits for a notification matching the predicate (also one already received, if `includePast`). */
  waitFor(predicate, timeoutMs = 10000, includePast = false) {
    if (includePast) {
      const found = this.notifications.find(predicate);
      if (found) return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.listeners = this.listeners.filter(l => l !== listener); reject(new Error('timeout waiting for notification')); }, timeoutMs);
      const listener = message => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter(l => l !== listener);
        resolve(message);
      };
      this.listeners.push(listener);
    });
  }

  waitForDiagnostics(uri, version, timeoutMs = 10000) {
    return this.waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && (version === undefined || m.params.version === version), timeoutMs)
      .then(m => m.params.diagnostics);
  }

  async initialize(rootUri = fileUri(ROOT), initializationOptions = { settings: { validation: { debounceMs: 20 } } }) {
    const result = await this.request('initialize', {
      processId: process.pid, rootUri, capabilities: { workspace: { configuration: false }, textDocument: { completion: { completionItem: { snippetSupport: true } } } },
      initializationOptions,
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri, text, version = 1) {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'saviynt-json', version, text } });
  }

  async shutdown() {
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } catch { /* already gone */ }
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Offset → LSP position in a text (\n, \r\n aware). */
export function positionOf(text, offset) {
  let line = 0, character = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') { continue; }
    if (text[i] === '\n' || text[i] === '\r') { line++; character = 0; } else character++;
  }
  return { line, character };
}
