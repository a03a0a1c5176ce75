// ESLint (flat config): a modest rule set for correctness, and the import rules that keep the
// layers apart. The pure core (server/src/core, except its node/ folders) reaches no host: no
// Node built-ins, no `vscode`, no LSP server or client library, no zip library, and nothing of
// the client, the LSP layer, the CLI or a node/ adapter. Allowed there: the pure data and
// protocol-type packages that run in any host (vscode-json-languageservice, jsonc-parser through json/jsonText.ts,
// vscode-languageserver-types, vscode-languageserver-textdocument, vscode-uri).
// The LSP layer and the client never import each other (common/src is what they share).
// jsonc-parser is imported by server/src/core/json/jsonText.ts alone: everything else uses its
// wrappers, so the library and its options are one module's business.
// Import cycles are checked by scripts/check-cycles.mjs (npm run lint runs both).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter(m => !m.startsWith('_'));

const JSON_TEXT_MODULE = 'server/src/core/json/jsonText.ts';
const jsoncParserPattern = { regex: '^jsonc-parser(/|$)',
  message: `Use ${JSON_TEXT_MODULE} (parseJsonValue, parseJsonTree, applyTextEdits …), the one module that imports jsonc-parser.` };

const corePatterns = [
  { regex: '^node:', message: 'The core runs in any host: put Node code in a node/ folder and inject it.' },
  { regex: '^(vscode|vscode-languageclient|vscode-languageserver|vscode-languageserver-protocol|vscode-jsonrpc)(/|$)',
    message: 'The core knows no editor and no LSP transport: return plain data (vscode-languageserver-types is allowed).' },
  { regex: '^(yauzl|yazl)$', message: 'Zip libraries need Node: use the ZipReader/ZipWriter the host passes (transport/node/).' },
  { regex: '(^|/)(client|lsp|cli)(/|$)', message: 'The core may not import the client, the LSP layer or the CLI.' },
  { regex: '(^|/)node(/|$)', message: 'The core may not import a node/ adapter: the host passes it in.' },
  { regex: '(^|/)common/src/protocol$', importNames: ['Commands'],
    message: 'The core knows no client command id: return a neutral kind, the LSP layer maps it (lsp/codeLenses.ts).' },
];

const coreBuiltinPaths = NODE_BUILTINS.map(name => ({ name, message: 'The core runs in any host: put Node code in a node/ folder and inject it.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e-tools/**', 'e2e-sandbox-*/**', 'out/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Stylistic or deliberate in this code base (any at JSON boundaries, empty catch blocks that say why).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // A server handle declared first, read by a callback, assigned once the port is known.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      'no-control-regex': 'off',
      // `doc.json;` reads a getter on purpose (it parses once, at a chosen point).
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable',
        fetch: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', AbortController: 'readonly', performance: 'readonly',
        globalThis: 'readonly', window: 'readonly', document: 'readonly', navigator: 'readonly' },
    },
  },
  // A later block's no-restricted-imports replaces an earlier one's for the files both match, so
  // each block below repeats the jsonc-parser pattern next to its own.
  {
    files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.mjs', '**/*.js', '**/*.cjs'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [jsoncParserPattern] }],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    ignores: ['server/src/core/**/node/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: coreBuiltinPaths, patterns: [...corePatterns, jsoncParserPattern] }],
    },
  },
  {
    files: ['server/src/lsp/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)client(/|$)', message: 'The LSP layer may not import the client (share through common/src).' }, jsoncParserPattern] }],
    },
  },
  {
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)lsp(/|$)', message: 'The client may not import the LSP layer (share through common/src).' }, jsoncParserPattern] }],
    },
  },
  {
    // The one door to jsonc-parser: the core's rules, without the jsonc-parser pattern.
    files: [JSON_TEXT_MODULE],
    rules: {
      'no-restricted-imports': ['error', { paths: coreBuiltinPaths, patterns: corePatterns }],
    },
  },
);
