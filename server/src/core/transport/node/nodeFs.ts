/** The node:fs implementation of TransportFs (used by the CLI and the tests). */
import { promises as fsp } from 'node:fs';
import type { Stats } from 'node:fs';
import type { FsEntryKind, TransportFs } from '../transportFs';
import { readInputFile } from '../../../node/inputFiles';

function kindOf(stats: Pick<Stats, 'isFile' | 'isDirectory' | 'isSymbolicLink'>): FsEntryKind {
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  return 'other';
}

export const nodeFs: TransportFs = {
  async readDir(path) {
    const entries = await fsp.readdir(path, { withFileTypes: true });
    return entries.map(e => ({ name: e.name, kind: kindOf(e) }));
  },
  async readFile(path) {
    // Never hangs on a named pipe or /dev/zero, never reads a huge file whole (InputFileError).
    const bytes = readInputFile(path);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  },
  async writeFile(path, data) {
    await fsp.writeFile(path, data);
  },
  async mkdir(path) {
    await fsp.mkdir(path, { recursive: true });
  },
  async stat(path) {
    try {
      const s = await fsp.lstat(path);
      return { kind: kindOf(s), size: s.size };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw error;
    }
  },
};
