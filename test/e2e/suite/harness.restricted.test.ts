// Checks of the e2e harness itself for the Restricted Mode run (E2E_WORKSPACE_TRUST=restricted|both):
// the folder opened untrusted without any prompt, and the extension is still loaded.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture } from './helpers';
import { log } from './log';

suite('e2e harness (restricted workspace)', () => {
  test('the workspace is not trusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  test('a connection file opens in Restricted Mode', async () => {
    const doc = await openFixture('intercom/ImportAccountEntJSON.json');
    assert.ok(doc.getText().includes('"accountParams"'));
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    log(`  ${EXTENSION_ID}: ${ext ? (ext.isActive ? 'loaded, active' : 'loaded, not active') : 'not loaded'} in Restricted Mode`);
  });
});
