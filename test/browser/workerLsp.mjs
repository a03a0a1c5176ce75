// The browser test's LSP client: JSON-RPC messages to and from the language server running as a
// Web Worker in a headless Chromium page (the page relays them: window.toWorker / toNode).

export class WorkerLsp {
  constructor(page) {
    this.page = page;
    this.nextId = 1;
    this.pending = new Map();
    this.diagnostics = new Map();
    this.waiters = [];
    this.log = [];
    /** Answers to the server's own requests, by method (others get null). */
    this.handlers = new Map();
    this.serverRequests = [];
  }

  /** Called (through page.exposeFunction) with every message the worker posts. */
  receive(message) {
    if (message.id !== undefined && message.method === undefined) {
      const p = this.pending.get(message.id);
      if (!p) return;
      this.pending.delete(message.id);
      if (message.error) p.reject(new Error(`${p.method}: ${message.error.message}`));
      else p.resolve(message.result);
      return;
    }
    if (message.id !== undefined) {
      // A request from the server: a handler's answer, else nothing special (configuration, registrations).
      this.serverRequests.push({ method: message.method, params: message.params });
      const handler = this.handlers.get(message.method);
      const result = handler ? handler(message.params)
        : message.method === 'workspace/configuration' ? message.params.items.map(() => null) : null;
      void this.post({ jsonrpc: '2.0', id: message.id, result });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      this.diagnostics.set(message.params.uri, message.params.diagnostics);
    } else if (message.method === 'window/logMessage') {
      this.log.push(message.params.message);
    }
    for (const waiter of [...this.waiters]) waiter();
  }

  post(message) {
    return this.page.evaluate(m => window.toWorker(m), message);
  }

  request(method, params, timeoutMs = 10_000) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(id); reject(new Error(`${method}: no answer within ${timeoutMs} ms`)); }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: value => { clearTimeout(timer); resolve(value); },
        reject: error => { clearTimeout(timer); reject(error); },
      });
      this.post({ jsonrpc: '2.0', id, method, params }).catch(reject);
    });
  }

  notify(method, params) {
    return this.post({ jsonrpc: '2.0', method, params });
  }

  open(uri, text, version = 1) {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'saviynt-json', version, text } });
  }

  /** The next diagnostics of `uri` that satisfy `accept` (those already published count). */
  waitForDiagnostics(uri, accept = () => true, timeoutMs = 10_000) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const list = this.diagnostics.get(uri);
        if (list && accept(list)) { done(); resolve(list); return true; }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.diagnostics.get(uri)?.map(d => d.code))}`));
      }, timeoutMs);
      const done = () => { clearTimeout(timer); this.waiters = this.waiters.filter(w => w !== check); };
      if (!check()) this.waiters.push(check);
    });
  }
}

/** The LSP position of an offset in a text. */
export function positionOf(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
