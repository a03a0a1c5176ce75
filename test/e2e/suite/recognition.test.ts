// Language recognition beyond the attribute files of activation.test.ts: EIC export files
// (Connection_*.json) get `saviynt-json` and are checked by our server, and a connection file that
// VS Code first opened as plain `json` (a lower-case name) carries only our diagnostics afterwards —
// none from VS Code's built-in JSON language server, which would otherwise report the same comment and
// trailing comma a second time under the source "json" (a control shows that server is active here).
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  LANGUAGE_ID, activeExtension, closeAllEditors, codeOf, describeDiagnostics, openFixture, sleep, waitForDiagnosticsWhere, waitForLanguage,
} from './helpers';

const SOURCE = 'saviynt-rest';
const EXPORT_FILE = 'exports/Connection_2026-01-15_10-00-00(UTC).json';

suite('language recognition: exports and foreign diagnostics', () => {
  suiteSetup(async () => {
    await openFixture('intercom/ImportAccountEntJSON.json');
    await activeExtension();
  });
  suiteTeardown(closeAllEditors);

  test('an EIC export Connection_*.json gets saviynt-json and its embedded attributes are checked', async () => {
    const doc = await openFixture(EXPORT_FILE);
    const current = await waitForLanguage(doc.uri);
    assert.strictEqual(current.languageId, LANGUAGE_ID);
    // The fixture's embedded UpdateAccountJSON says "httpMethod": "put"; the finding points into the
    // escaped attribute string of the export (line 54, the characters \"put\").
    const list = await waitForDiagnosticsWhere(doc.uri, 'invalid-value inside the export', (l) => l.some((d) => codeOf(d) === 'invalid-value'));
    const finding = list.find((d) => codeOf(d) === 'invalid-value')!;
    assert.deepStrictEqual(
      [finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character],
      [53, 223, 53, 230]);
    assert.strictEqual(current.getText(finding.range), '\\"put\\"');
    assert.strictEqual(finding.message,
      'Invalid value `put` for `httpMethod`: EIC does not know it; did you mean `PUT`? Allowed: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `DELETEWITHBODY`, `GETWITHBODY`. (in UpdateAccountJSON)');
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Error);
    const foreign = list.filter((d) => d.source !== SOURCE);
    assert.deepStrictEqual(foreign, [], `every diagnostic comes from ${SOURCE}: ${describeDiagnostics(foreign)}`);
  });

  test('control: the built-in JSON server is active here and reports a trailing comma in an ordinary JSON file', async () => {
    const doc = await openFixture('notes/broken-settings.json');
    assert.strictEqual(doc.languageId, 'json');
    const list = await waitForDiagnosticsWhere(doc.uri, 'a diagnostic of the built-in JSON server', (l) => l.length > 0);
    assert.ok(list.every((d) => d.source === 'json'), `only the JSON server reports here: ${list.map((d) => `${d.source}: ${d.message}`).join(' | ')}`);
    assert.deepStrictEqual([list[0].range.start.line, list[0].range.start.character], [2, 14], 'on the trailing comma');
  });

  test('a lower-case attribute file opened as json ends up with our diagnostics only', async () => {
    const doc = await openFixture('lowercase/createaccountjson.json');
    await waitForLanguage(doc.uri);
    await waitForDiagnosticsWhere(doc.uri, 'the comment and the trailing comma reported', (l) =>
      l.some((d) => codeOf(d) === 'json-trailing-comma') && l.some((d) => codeOf(d) === 'json-syntax'));
    // Give the built-in JSON server time to publish (it would, had it kept the document).
    await sleep(2000);
    const list = vscode.languages.getDiagnostics(doc.uri);
    const foreign = list.filter((d) => d.source !== SOURCE);
    assert.deepStrictEqual(foreign.map((d) => `${d.source}: ${d.message}`), [], 'no diagnostic from another source');
    const summary = list.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).sort();
    assert.deepStrictEqual(summary, ['json-syntax@1:2', 'json-trailing-comma@17:27'], describeDiagnostics(list));
  });
});
