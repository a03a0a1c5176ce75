/**
 * What a zip writer is given (the writer itself, which needs deflate, is host code:
 * node/zipWriter.ts). It writes a zip the way EIC's exports look (flat, deflated, DOS timestamps, no extra fields)
 * and deterministically: entries sorted by name, every entry stamped with the same time,
 * and that time written in UTC whatever the machine's time zone.
 */

export interface ZipInput {
  name: string;
  data: Uint8Array;
}

export interface ZipWriteOptions {
  /**
   * Deflate the entries (default, like EIC). Stored entries make the bytes independent of
   * the zlib build (Node's and VS Code's Electron zlib can compress differently).
   */
  compress?: boolean;
}

/** Writes the entries as one zip archive; throws when two entries share a name. */
export type ZipWriter = (entries: ZipInput[], mtime: Date, options?: ZipWriteOptions) => Promise<Uint8Array>;
