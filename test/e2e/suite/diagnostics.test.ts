// Diagnostics for seeded mistakes, with their exact range, code, severity and message, as the real
// extension host receives them from the language server. Fixtures: test/e2e/workspace/seeded/ (one
// mistake per attribute file, next to a clean ConnectionJSON) and test/e2e/workspace/crossfile/ (a
// call whose `connection` names an authentication that ConnectionJSON does not define).
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activeExtension, closeAllEditors, codeOf, describeDiagnostics, fixtureUri, openFixture, sleep, waitForDiagnosticsWhere,
} from './helpers';

interface Expected {
  code: string;
  range: [number, number, number, number];
  /** The document text under the range. */
  text: string;
  severity: vscode.DiagnosticSeverity;
  message: string;
}

/** Opens the fixture, waits for its diagnostics, and checks they are exactly `expected`. */
async function expectOnly(fixture: string, expected: Expected): Promise<vscode.Diagnostic> {
  const doc = await openFixture(fixture);
  const list = await waitForDiagnosticsWhere(doc.uri, `a ${expected.code} diagnostic`, (l) => l.some((d) => codeOf(d) === expected.code));
  assert.strictEqual(list.length, 1, `exactly one diagnostic on ${fixture}: ${describeDiagnostics(list)}`);
  const d = list[0];
  assert.strictEqual(codeOf(d), expected.code);
  assert.strictEqual(d.source, 'saviynt-rest');
  assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], expected.range, 'range');
  assert.strictEqual(doc.getText(d.range), expected.text, 'text under the range');
  assert.strictEqual(d.severity, expected.severity, 'severity');
  assert.strictEqual(d.message, expected.message);
  return d;
}

suite('diagnostics for seeded mistakes', () => {
  suiteSetup(async () => {
    await openFixture('seeded/ConnectionJSON.json');
    await activeExtension();
  });
  suiteTeardown(closeAllEditors);

  test('the clean ConnectionJSON of the seeded folder has no diagnostics', async () => {
    // Other files of the folder are opened below: wait past the debounce so a late report would show.
    await sleep(1000);
    const list = vscode.languages.getDiagnostics(fixtureUri('seeded/ConnectionJSON.json'));
    assert.deepStrictEqual(list, [], describeDiagnostics(list));
  });

  test('trailing comma (json-trailing-comma) on the comma itself', async () => {
    await expectOnly('seeded/CreateAccountJSON.json', {
      code: 'json-trailing-comma', range: [12, 36, 12, 37], text: ',', severity: vscode.DiagnosticSeverity.Error,
      message: 'Trailing comma: EIC\'s JSON parser rejects a comma before a closing brace or bracket. Remove it.',
    });
  });

  test('unknown key with did-you-mean (unknown-key) on the key', async () => {
    const d = await expectOnly('seeded/EnableAccountJSON.json', {
      code: 'unknown-key', range: [14, 6, 14, 23], text: '"successResponse"', severity: vscode.DiagnosticSeverity.Warning,
      message: 'Unknown key `successResponse`: EIC ignores it in call "call1"; did you mean `successResponses`?',
    });
    assert.ok(d.message.includes('did you mean'), 'the message proposes the known key');
  });

  test('wrong value "put" for httpMethod (invalid-value) on the value', async () => {
    await expectOnly('seeded/UpdateAccountJSON.json', {
      code: 'invalid-value', range: [6, 20, 6, 25], text: '"put"', severity: vscode.DiagnosticSeverity.Error,
      message: 'Invalid value `put` for `httpMethod`: EIC does not know it; did you mean `PUT`? Allowed: `GET`, `POST`, `PUT`, `PATCH`, `DELETE`, `DELETEWITHBODY`, `GETWITHBODY`.',
    });
  });

  test('unclosed ${ (binding-unclosed) from ${ to the end of the value', async () => {
    await expectOnly('seeded/DisableAccountJSON.json', {
      code: 'binding-unclosed', range: [9, 26, 9, 40], text: '${access_token', severity: vscode.DiagnosticSeverity.Error,
      message: 'Unclosed expression `${access_token`: it is never closed with `}`, so EIC reads the rest of the value as part of the expression and the call fails. Add `}` after `access_token`.',
    });
  });
});

suite('cross-file diagnostics: connection names', () => {
  const CALL_FILE = 'crossfile/RemoveAccountJSON.json';
  const CONNECTION_FILE = 'crossfile/ConnectionJSON.json';
  const UNKNOWN = 'unknown-connection';

  suiteSetup(activeExtension);
  suiteTeardown(closeAllEditors);

  test('a call naming an authentication missing from ConnectionJSON (unknown-connection)', async () => {
    const d = await expectOnly(CALL_FILE, {
      code: UNKNOWN, range: [4, 20, 4, 30], text: '"userAuth"', severity: vscode.DiagnosticSeverity.Error,
      message: 'Unknown authentication "userAuth": ConnectionJSON has no such authentication, so EIC cannot authenticate this call. ConnectionJSON defines "acctAuth".',
    });
    // The related location points at the authentication that does exist.
    assert.strictEqual(d.relatedInformation?.length, 1, 'one related location');
    const related = d.relatedInformation![0];
    assert.strictEqual(related.location.uri.toString(), fixtureUri(CONNECTION_FILE).toString());
    assert.deepStrictEqual([related.location.range.start.line, related.location.range.start.character], [2, 4]);
    assert.strictEqual(related.message, 'Authentication "acctAuth" is defined here');
  });

  test('adding the authentication to ConnectionJSON (WorkspaceEdit + save) clears it in the other file', async () => {
    const callUri = fixtureUri(CALL_FILE);
    const connectionUri = fixtureUri(CONNECTION_FILE);
    await waitForDiagnosticsWhere(callUri, UNKNOWN, (l) => l.some((d) => codeOf(d) === UNKNOWN));
    const connectionDoc = await vscode.workspace.openTextDocument(connectionUri);
    const text = connectionDoc.getText();
    const anchor = '  "authentications": {\n';
    assert.ok(text.includes(anchor), 'the fixture ConnectionJSON has the expected layout');
    const userAuth = '    "userAuth": {\n      "authType": "oauth2",\n      "url": "https://api.intercom.io/me",\n      "httpMethod": "GET",\n'
      + '      "httpHeaders": {\n        "Accept": "application/json",\n        "Intercom-Version": "2.15"\n      },\n'
      + '      "tokenType": "Bearer",\n      "accessToken": "Bearer <set the Intercom access token in EIC after import>"\n    },\n';
    const edit = new vscode.WorkspaceEdit();
    edit.insert(connectionUri, connectionDoc.positionAt(text.indexOf(anchor) + anchor.length), userAuth);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit of ConnectionJSON applied');
    assert.ok(await connectionDoc.save(), 'ConnectionJSON saved');
    await waitForDiagnosticsWhere(callUri, 'unknown-connection gone after ConnectionJSON defines userAuth', (l) => l.length === 0);
    const onDisk = Buffer.from(await vscode.workspace.fs.readFile(connectionUri)).toString('utf8');
    assert.ok(onDisk.includes('"userAuth"'), 'the saved file on disk defines userAuth');
    // Settle: no late report brings it back.
    await sleep(500);
    assert.deepStrictEqual(vscode.languages.getDiagnostics(callUri), []);
  });

  test('writing ConnectionJSON on disk without the authentication brings it back (file watcher path)', async () => {
    const callUri = fixtureUri(CALL_FILE);
    const connectionUri = fixtureUri(CONNECTION_FILE);
    // Close the ConnectionJSON document so the server reads the folder from disk again.
    await closeAllEditors();
    await openFixture(CALL_FILE);
    const original = Buffer.from(await vscode.workspace.fs.readFile(connectionUri)).toString('utf8')
      .replace(/ {4}"userAuth": \{[\s\S]*?\n {4}\},\n/, '');
    assert.ok(!original.includes('userAuth'), 'userAuth removed from the text to write');
    await vscode.workspace.fs.writeFile(connectionUri, Buffer.from(original, 'utf8'));
    const list = await waitForDiagnosticsWhere(callUri, 'unknown-connection back after the disk change', (l) => l.some((d) => codeOf(d) === UNKNOWN));
    assert.strictEqual(list.length, 1, describeDiagnostics(list));
  });
});
