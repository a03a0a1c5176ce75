// A stand-in for the `vscode` module, in the test page, enough for dist/browser/client.js to
// activate: it records the commands registered and the messages shown. What the language client
// library reads beyond the members written here gets an inert stand-in (a callable that returns a
// disposable-like object), so the test sees the extension's own behaviour, not the stub's.
/* eslint-disable */
(function () {
  const inert = () => new Proxy(function () {}, {
    get: (_t, key) => (key === 'then' ? undefined : key === Symbol.iterator ? [][Symbol.iterator].bind([])
      : key === Symbol.toPrimitive ? () => '' : key === 'dispose' ? () => {} : inert()),
    apply: () => inert(),
    construct: () => inert(),
  });
  const event = () => () => ({ dispose() {} });
  class Uri {
    constructor(value) { this.value = value; this.scheme = value.split(':')[0]; this.path = value.replace(/^[a-z]+:\/\/[^/]*/, ''); this.fsPath = this.path; }
    toString() { return this.value; }
    static parse(value) { return new Uri(value); }
    static file(p) { return new Uri(`file://${p}`); }
    static joinPath(base, ...parts) { return new Uri(`${base.value.replace(/\/$/, '')}/${parts.join('/')}`); }
    with() { return this; }
    toJSON() { return this.value; }
  }
  const commands = new Map();
  const files = {};
  const shown = [];
  const channel = () => new Proxy({ name: 'log', show() {}, dispose() {} }, { get: (t, k) => (k in t ? t[k] : () => {}) });
  const base = {
    version: '1.91.0',
    Uri,
    FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    env: { appName: 'test', language: 'en', machineId: 'm', sessionId: 's', uiKind: 2, appRoot: '', uriScheme: 'vscode' },
    commands: {
      registerCommand(id, fn) { if (commands.has(id)) throw new Error(`command '${id}' already exists`); commands.set(id, fn); return { dispose() { commands.delete(id); } }; },
      executeCommand: async () => undefined,
      getCommands: async () => [...commands.keys()],
    },
    window: {
      createOutputChannel: channel,
      showInformationMessage: async (message) => { shown.push(message); return undefined; },
      showWarningMessage: async (message) => { shown.push(message); return undefined; },
      showErrorMessage: async (message) => { shown.push(message); return undefined; },
      activeTextEditor: undefined, visibleTextEditors: [], onDidChangeActiveTextEditor: event(), onDidChangeVisibleTextEditors: event(),
      tabGroups: { all: [], onDidChangeTabs: event(), onDidChangeTabGroups: event() },
    },
    workspace: {
      getConfiguration: () => ({ get: () => undefined, has: () => false, inspect: () => undefined, update: async () => {}, enable: true }),
      // An in-memory file system: window.vscodeStub.files, by URI.
      fs: {
        readDirectory: async (uri) => {
          const prefix = `${uri.toString()}/`;
          const names = Object.keys(files).filter(u => u.startsWith(prefix)).map(u => u.slice(prefix.length));
          if (!names.length) throw new Error('no such folder');
          return names.map(n => [n, 1]);
        },
        readFile: async (uri) => {
          const text = files[uri.toString()];
          if (text === undefined) throw new Error('no such file');
          return new TextEncoder().encode(text);
        },
      },
      workspaceFolders: undefined, textDocuments: [], notebookDocuments: [],
      onDidChangeConfiguration: event(), onDidOpenTextDocument: event(), onDidCloseTextDocument: event(), onDidChangeTextDocument: event(),
      onDidSaveTextDocument: event(), onWillSaveTextDocument: event(), onDidChangeWorkspaceFolders: event(),
      onDidCreateFiles: event(), onDidRenameFiles: event(), onDidDeleteFiles: event(), onWillCreateFiles: event(), onWillRenameFiles: event(), onWillDeleteFiles: event(),
      onDidOpenNotebookDocument: event(), onDidCloseNotebookDocument: event(), onDidChangeNotebookDocument: event(), onDidSaveNotebookDocument: event(),
    },
    languages: { createDiagnosticCollection: () => new Proxy({ set() {}, delete() {}, clear() {}, dispose() {} }, { get: (t, k) => (k in t ? t[k] : () => {}) }), onDidChangeDiagnostics: event() },
    extensions: { getExtension: () => undefined, all: [] },
  };
  const withFallback = obj => new Proxy(obj, { get: (t, k) => (k in t ? t[k] : inert()) });
  for (const key of ['commands', 'window', 'workspace', 'languages', 'extensions', 'env']) base[key] = withFallback(base[key]);
  const vscode = withFallback(base);
  window.vscodeStub = { vscode, commands, shown, files };
})();
