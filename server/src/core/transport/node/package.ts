/**
 * Packaging with Node's zip writer bound: the same functions as ../package.ts for the CLI, the
 * extension and the tests, which run in Node.
 */
import type { ConnectionFolder } from '../connectionFolder';
import * as core from '../package';
import type { PackageOptions, PackageResult } from '../package';
import type { TransportFs } from '../transportFs';
import { writeZip } from './zipWriter';

export { PackageRefusedError, missingAuthenticationWarnings } from '../package';
export type { PackageOptions, PackageResult, SecretPlaceholderReport } from '../package';

export function buildPackage(folder: ConnectionFolder, options: PackageOptions = {}): Promise<PackageResult> {
  return core.buildPackage(folder, { ...options, writeZip });
}

export function packageConnectionFolder(fs: TransportFs, folderPath: string, options: PackageOptions = {}): Promise<PackageResult> {
  return core.packageConnectionFolder(fs, folderPath, { ...options, writeZip });
}
