// Seeded contacts: users and leads with the oddities listed in the spec (unicode, RTL, quotes,
// backslashes, newlines, <script>, a 255+ character name, + e-mails, archived, blocked, merged,
// 12 tags, nested custom attributes, large custom attributes, one created "now").

import type { ContactRecord, WorkspaceRecord } from './types.js';
import { fillerText, objectId, pad, prng } from './seed-util.js';

export const CONTACT_DATA_ATTRIBUTES = [
  'employee_id',
  'department',
  'cost_center',
  'manager_email',
  'start_date',
  'bio',
  'profile_json',
  'access',
];

const FIRST = ['Ana', 'José', 'Björk', 'Łukasz', 'Nguyễn', 'Olga', 'Kwame', 'Aiko', 'Priya', 'Sven', 'Fatima', 'Mateo'];
const LAST = ['Ñúñez', 'Guðmundsdóttir', 'Żółć', 'Văn An', 'Петрова', 'Mensah', '山田', 'Sharma', 'Öberg', 'Haddad'];
const DEPARTMENTS = ['Engineering', 'Finance', 'Sales', 'Support', 'Legal', 'Operations'];

/** Names (and e-mails) at fixed positions, so tests can find the odd ones. */
const SPECIAL: Array<{ name: string; email?: string | null; role?: 'user' | 'lead'; externalId?: string }> = [
  { name: 'Zoë Ångström', email: 'zoe.angstrom@example.com' },
  { name: '李小龙', email: 'li.xiaolong@example.com' },
  { name: 'محمد الأحمد', email: 'mohammed.alahmad@example.com' },
  { name: 'Robert "Bobby" Tables', email: 'bobby+tables@example.com' },
  { name: "Back\\Slash O'Neil", email: 'backslash@example.com' },
  { name: 'Line\nBreak Person', email: 'line.break@example.com' },
  { name: '<script>alert("pwned")</script>', email: 'script+xss@example.com' },
  { name: `${'Wolfeschlegelsteinhausenbergerdorff '.repeat(8)}Sr.`, email: 'long.name@example.com' },
  { name: '𝒜𝓁𝒾𝒸𝑒 😀 Emoji', email: 'alice.emoji@example.com' },
  { name: 'Mixed Case', email: 'MiXeD.Case@Example.COM' },
  { name: 'Tagged Twelve', email: 'tagged.twelve@example.com' },
  { name: 'Nested Attributes', email: 'nested.attrs@example.com' },
  { name: 'Slash External', email: 'slash.external@example.com', externalId: 'EMP 0012/ß+x' },
];

export const SPECIAL_CONTACT_INDEX = {
  unicode: 0,
  cjk: 1,
  rtl: 2,
  quotes: 3,
  backslash: 4,
  newline: 5,
  script: 6,
  longName: 7,
  emoji: 8,
  upperEmail: 9,
  twelveTags: 10,
  nestedAttributes: 11,
  oddExternalId: 12,
  archived: [20, 21, 22],
  blocked: 30,
  mergedAway: 40,
  mergedInto: 41,
} as const;

export interface ContactSeedInput {
  workspace: WorkspaceRecord;
  count: number;
  now: number;
  searchDelaySeconds: number;
  /** Contacts carrying large custom attributes, so a page of 150 exceeds 1 MB. */
  largeAttributeCount: number;
}

export function seedContacts(input: ContactSeedInput): void {
  const { workspace: ws, count, now } = input;
  const rnd = prng(`${ws.idCode}/contacts`);
  const adminIds = ws.admins.map((a) => Number(a.id));
  const tagIds = ws.tags.map((t) => t.id);
  const companyIds = ws.companies.filter((c) => !c.name.includes('no users')).map((c) => c.id);
  const bioText = input.largeAttributeCount > 0 ? fillerText(`${ws.idCode}/bio`, 6000) : '';
  let previousCreated = 0;
  for (let i = 0; i < count; i++) {
    let createdAt = i === count - 1 ? now : now - (count - i) * 93_600 + Math.floor(rnd() * 3600);
    if (i % 7 === 3 && previousCreated) createdAt = previousCreated; // ties: ordering falls back to id
    previousCreated = createdAt;
    const special = SPECIAL[i];
    const isLead = special?.role === 'lead' || (!special && i % 5 === 4);
    const first = FIRST[i % FIRST.length];
    const last = LAST[(i * 7) % LAST.length];
    const name = special ? special.name : i % 23 === 22 ? null : `${first} ${last} ${pad(i, 3)}`;
    let email: string | null;
    if (special) email = special.email ?? null;
    else if (isLead && i % 10 === 9) email = null;
    else email = i % 11 === 5 ? `user${pad(i)}+saviynt@example.com` : `user${pad(i)}@example.com`;
    const externalId = special?.externalId ?? (!isLead && i % 3 !== 2 ? `ext-${ws.idCode}-${pad(i)}` : null);
    const updatedAt = Math.min(now, createdAt + Math.floor(rnd() * 10) * 86_400);
    const custom: Record<string, unknown> = {
      employee_id: isLead ? null : `E${pad(i, 5)}`,
      department: DEPARTMENTS[i % DEPARTMENTS.length],
      cost_center: 1000 + (i % 50),
    };
    if (i < input.largeAttributeCount) custom.bio = `Contact ${i}: ${bioText}`;
    if (i === SPECIAL_CONTACT_INDEX.nestedAttributes) {
      custom.profile_json = JSON.stringify({ groups: ['finance-ro', 'hr-admin'], level: 3, flags: { mfa: true } });
      custom.access = { apps: [{ name: 'Workday', role: 'Viewer' }, { name: 'GitHub', role: 'Maintainer' }] };
    }
    const contact: ContactRecord = {
      id: objectId(createdAt, `${ws.idCode}/contact/${i}`),
      externalId,
      role: isLead ? 'lead' : 'user',
      email,
      phone: i % 6 === 0 ? `+1 555 01${pad(i % 100, 2)}` : null,
      name,
      ownerId: i % 4 === 0 && adminIds.length ? adminIds[i % adminIds.length] : null,
      createdAt,
      updatedAt,
      signedUpAt: isLead ? null : createdAt,
      lastSeenAt: i % 2 === 0 ? updatedAt : null,
      unsubscribedFromEmails: i % 13 === 0,
      customAttributes: custom,
      tagIds: [],
      companyIds: [],
      archived: (SPECIAL_CONTACT_INDEX.archived as readonly number[]).includes(i),
      blocked: i === SPECIAL_CONTACT_INDEX.blocked,
      deleted: false,
      mergedInto: null,
      searchableAt: createdAt + (i === count - 1 ? input.searchDelaySeconds : 0),
    };
    if (i === SPECIAL_CONTACT_INDEX.twelveTags) contact.tagIds = tagIds.slice(0, 12);
    else if (i % 9 === 0 && tagIds.length) contact.tagIds = [tagIds[i % tagIds.length]];
    if (companyIds.length && i % 6 < 2) contact.companyIds = [companyIds[i % 6 === 0 ? 0 : companyIds.length - 1]];
    ws.contacts.push(contact);
    ws.contactById.set(contact.id, contact);
  }
  const merged = ws.contacts[SPECIAL_CONTACT_INDEX.mergedAway];
  const into = ws.contacts[SPECIAL_CONTACT_INDEX.mergedInto];
  if (merged && into) {
    merged.role = 'lead';
    merged.externalId = null;
    merged.mergedInto = into.id;
  }
  ws.counters.contactSerial = count;
}
