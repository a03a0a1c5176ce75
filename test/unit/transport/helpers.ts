/** Shared helpers for the transport tests: temp folders, the corpus, a raw zip builder. */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** ../shared next to the repository (absent on some clones: corpus tests then skip). */
export const SHARED = path.resolve(__dirname, '../../../../shared');
export const CORPUS_EXPORTS = path.join(SHARED, 'saviynt-corpus/exports');
export const CORPUS_CONNECTIONS = path.join(SHARED, 'saviynt-corpus/connections');
export const HAS_CORPUS = existsSync(CORPUS_EXPORTS) && existsSync(CORPUS_CONNECTIONS);
export const NO_CORPUS_REASON = `the reference corpus is not at ${CORPUS_EXPORTS} (../shared is absent on this clone)`;

export function tempDir(t: { after(fn: () => void): void }, prefix = 'transport-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The zip checksum: zlib's, independent of the engine's own (which zipCrc.test.ts compares with it). */
export { crc32 } from 'node:zlib';

export { buildRawZip, type RawEntry } from '../../support/rawZip';

/** A minimal, valid single-connection export file text. */
export function sampleExport(name = 'Sample', createAccount = '{\r\n  "call": []\r\n}'): string {
  return JSON.stringify({
    [name]: {
      connectionname: name, connectiondescription: 'd', externalconnectiontype: 'REST', status: 1,
      EXTERNAL_ATTR: [
        { formdata: null, credentialSaveStatus: false, attributename: 'CreateAccountJSON', encryptedattributevalue: createAccount },
      ],
    },
  }, null, 2);
}
