// Deterministic helpers for building seed data: stable pseudo-random numbers and realistic ids.

/** 64 hex characters derived from text (eight FNV-1a rounds; fast, stable, not cryptographic). */
export function hashHex(text: string): string {
  let out = '';
  for (let round = 0; round < 8; round++) {
    let h = (0x811c9dc5 ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0;
    for (let i = 0; i < text.length; i++) {
      h = Math.imul((h ^ text.charCodeAt(i)) >>> 0, 0x01000193) >>> 0;
    }
    h = (h ^ (h >>> 15)) >>> 0;
    h = Math.imul(h, 0x2c1b3c6d) >>> 0;
    h = (h ^ (h >>> 12)) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

/** Mulberry32: small, fast, deterministic. */
export function prng(seedText: string): () => number {
  let a = parseInt(hashHex(seedText).slice(0, 8), 16) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 24-hex id shaped like a Mongo ObjectId: creation time first, then stable noise. */
export function objectId(createdAt: number, seedText: string): string {
  return createdAt.toString(16).padStart(8, '0').slice(-8) + hashHex(seedText).slice(0, 16);
}

/** A lowercase GUID derived from a seed string. */
export function guid(seedText: string): string {
  const h = hashHex(seedText);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

const WORDS = [
  'access', 'review', 'quarterly', 'provisioning', 'identity', 'governance', 'workflow', 'approval',
  'manager', 'entitlement', 'role', 'policy', 'audit', 'segregation', 'duties', 'lifecycle',
  'joiner', 'mover', 'leaver', 'certification', 'campaign', 'connector', 'import', 'account',
];

/** Deterministic filler text of roughly `length` characters. */
export function fillerText(seedText: string, length: number): string {
  const rnd = prng(seedText);
  const out: string[] = [];
  let size = 0;
  while (size < length) {
    const word = WORDS[Math.floor(rnd() * WORDS.length)];
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ').slice(0, length);
}
