/**
 * Reading a file the user named (or one found in a connection folder) without ever hanging or
 * exhausting memory: the file is opened without blocking, must be a regular file (a named pipe,
 * /dev/zero, a socket or a folder is refused), and must not be larger than the reader's limit;
 * only then is it read. Failures are InputFileErrors with a message in plain words ("permission
 * denied", "is a named pipe (FIFO), not a regular file"), never a raw error code.
 */
import * as fs from 'node:fs';

/** Attribute files, exports, metadata and variable files: far above any real one. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

export class InputFileError extends Error {
  constructor(readonly path: string, readonly reason: string, readonly code?: string) {
    super(`${path}: ${reason}`);
    this.name = 'InputFileError';
  }
}

/** What a file system error means, in words. */
export function describeFsError(error: unknown): { reason: string; code?: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return { reason: 'no such file or folder', code };
    case 'EACCES': case 'EPERM': return { reason: 'permission denied', code };
    case 'ENOTDIR': return { reason: 'a part of the path is a file, not a folder', code };
    case 'EISDIR': return { reason: 'is a folder, not a file', code };
    case 'ELOOP': return { reason: 'too many symbolic links (a link that points to itself?)', code };
    case 'ENAMETOOLONG': return { reason: 'the path is too long', code };
    case 'EMFILE': case 'ENFILE': return { reason: 'too many files are open; try again', code };
    case 'EIO': return { reason: 'the disk reported an input/output error', code };
    case 'EEXIST': return { reason: 'already exists', code };
    case 'ENOSPC': return { reason: 'no space left on the device', code };
    case 'EROFS': return { reason: 'the file system is read-only', code };
    default: return { reason: error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error), code };
  }
}

/** Any error as a message in words: a file system error becomes "<path>: permission denied". */
export function errorMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException | undefined;
  if (error instanceof InputFileError || !e?.code || !/^E[A-Z]+$/.test(e.code)) return error instanceof Error ? error.message : String(error);
  const { reason } = describeFsError(error);
  return e.path ? `${e.path}: ${reason}` : reason;
}

/** Why a stat result is not a regular file ("is a named pipe (FIFO), not a regular file"), or undefined for one. */
export function notRegularReason(stat: fs.Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'is a folder, not a file';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'is a device, not a regular file';
  if (stat.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

function tooLarge(size: number, max: number): string {
  const mib = (n: number) => `${(n / (1024 * 1024)).toFixed(n >= 10 * 1024 * 1024 ? 0 : 1)} MiB`;
  return `is ${mib(size)}, more than the ${mib(max)} that are read; is this really the file you meant?`;
}

/** Reads a regular file of at most `maxBytes` (synchronously). Throws InputFileError. */
export function readInputFile(path: string, maxBytes = MAX_TEXT_FILE_BYTES): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a named pipe must not wait for a writer.
    fd = fs.openSync(path, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const { reason, code } = describeFsError(error);
    throw new InputFileError(path, reason, code);
  }
  try {
    const stat = fs.fstatSync(fd);
    const notRegular = notRegularReason(stat);
    if (notRegular) throw new InputFileError(path, notRegular);
    if (stat.size > maxBytes) throw new InputFileError(path, tooLarge(stat.size, maxBytes));
    // Read at most one byte more than allowed: a file that grows while it is read is still bounded.
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new InputFileError(path, tooLarge(total, maxBytes));
      if (total === buffer.length) break;
    }
    return buffer.subarray(0, total);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const { reason, code } = describeFsError(error);
    throw new InputFileError(path, reason, code);
  } finally {
    fs.closeSync(fd);
  }
}

/** readInputFile as UTF-8 text, a leading byte-order mark removed. */
export function readInputText(path: string, maxBytes = MAX_TEXT_FILE_BYTES): string {
  const text = readInputFile(path, maxBytes).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
