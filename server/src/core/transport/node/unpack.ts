/**
 * Unpacking with Node's zip reader bound: the same functions as ../unpack.ts for the CLI, the
 * extension and the tests, which run in Node.
 */
import * as core from '../unpack';
import type { ExportSource, UnpackOptions, UnpackResult } from '../unpack';
import type { TransportFs } from '../transportFs';
import type { ZipLimits } from '../zipReader';
import { readTransportZip } from './zipReader';

export {
  FolderNotEmptyError, folderFiles, staleFiles, subfolderNames, writeFolderFiles,
} from '../unpack';
export type { ExportSource, UnpackOptions, UnpackResult, UnpackedConnection } from '../unpack';

const runtime = { readZip: readTransportZip };

export function readExportSource(bytes: Uint8Array, sourceName: string, limits?: Partial<ZipLimits>): Promise<ExportSource> {
  return core.readExportSource(bytes, sourceName, limits, runtime);
}

export function unpackExportFile(fs: TransportFs, sourcePath: string, target: string, options: UnpackOptions = {}): Promise<UnpackResult> {
  return core.unpackExportFile(fs, sourcePath, target, { ...options, ...runtime });
}

export function unpackExportBytes(fs: TransportFs, bytes: Uint8Array, sourceName: string, target: string, options: UnpackOptions = {}): Promise<UnpackResult> {
  return core.unpackExportBytes(fs, bytes, sourceName, target, { ...options, ...runtime });
}
