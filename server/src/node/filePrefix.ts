/** Reading only the start of a file (Node only): content recognition never needs more. */
import * as fs from 'node:fs';

/** The first `bytes` bytes of a file as UTF-8 text (a character cut at the end is dropped); undefined when unreadable. */
export function readFilePrefix(filePath: string, bytes: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(filePath, 'r');
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return new TextDecoder('utf-8', { fatal: false }).decode(buffer.subarray(0, read)).replace(/\uFFFD$/, '');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) try { fs.closeSync(fd); } catch { /* already closed */ }
  }
}
