// Intercom-Version header: which values are accepted, and how versions compare.

export interface ApiVersion {
  /** The value as used, e.g. "2.11" or "Preview". */
  value: string;
  /** Sortable rank: major * 100 + minor; Preview sorts after every numbered version. */
  rank: number;
}

export interface VersionOptions {
  acceptUnstableAlias: boolean;
  accept217: boolean;
}

const PREVIEW_RANK = 100_000;

/** Parses a version header value exactly as the real API does: no trimming, exact capitalisation. */
export function parseVersion(raw: string, options: VersionOptions): ApiVersion | null {
  if (raw === 'Preview') return { value: 'Preview', rank: PREVIEW_RANK };
  if (raw === 'Unstable' && options.acceptUnstableAlias) return { value: 'Preview', rank: PREVIEW_RANK };
  const m = /^([12])\.(0|[1-9][0-9]?)$/.exec(raw);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const ok = major === 1 ? minor <= 4 : minor <= 16 || (minor === 17 && options.accept217);
  return ok ? { value: raw, rank: major * 100 + minor } : null;
}

/** Rank of a version literal used in code, e.g. rankOf("2.12"). */
export function rankOf(literal: string): number {
  if (literal === 'Preview') return PREVIEW_RANK;
  const [major, minor] = literal.split('.').map(Number);
  return major * 100 + minor;
}

export function atLeast(version: ApiVersion, literal: string): boolean {
  return version.rank >= rankOf(literal);
}

/** 2.16 and Preview share the newest serialisation rules. */
export function isV216(version: ApiVersion): boolean {
  return atLeast(version, '2.16');
}
