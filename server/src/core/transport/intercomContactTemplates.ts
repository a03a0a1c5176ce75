/**
 * The contacts model: Intercom contacts (customer users and leads) as accounts, with a full API
 * lifecycle (create, update, archive as disable, unarchive as enable, delete as remove), tags and
 * companies as entitlements, and an incremental import as a second connection.
 *
 * Facts: GET /contacts → `data`, cursor `pages.next.starting_after` (URL-encoded), at most 150 per
 * page, archived contacts left out; a contact's embedded `tags`/`companies` show at most 10 items,
 * so memberships are read per contact (GET /contacts/{id}/tags — unpaginated; GET
 * /contacts/{id}/companies — `data`, page numbers with `pages.next` a URL); GET /tags is unpaginated;
 * GET /companies pages by number (at most 60 per page); POST /contacts answers 409 when a contact
 * with that email or external_id exists; POST /contacts/search pages with a cursor in the body
 * (which EIC cannot send), at most 150 per page, `sort` from 2.16 on, date filters by calendar day.
 */
import { atLeast, type IntercomFeature, type IntercomTemplateFolder, type IntercomTemplates, type Json, type TemplateKit } from './intercomTemplateKit';

const CONTACT_PAGE_SIZE = 150;
const COMPANY_PAGE_SIZE = 60;
/** Two days back: with `>` and calendar-day matching the window is "since the start of yesterday". */
export const INCREMENTAL_WINDOW_SECONDS = 2 * 24 * 60 * 60;

const CONTACT_COLUMNS: Record<string, Json> = {
  accountID: 'id~#~char', name: '#CONST#${response.email ?: response.id}~#~char', displayName: 'name~#~char',
  customproperty1: 'role~#~char', customproperty2: 'email~#~char', customproperty3: 'external_id~#~char', customproperty4: 'updated_at~#~char',
};

function entitlements(kit: TemplateKit): Json {
  const pageNext = '${response?.completeResponseMap?.pages?.next}';
  return {
    connection: 'acctAuth',
    processingType: 'SequentialAndIterative',
    entTypes: {
      Tag: {
        entTypeOrder: 0, entTypeLabels: {},
        call: { call1: { callOrder: 0, stageNumber: 0, http: kit.http(`${kit.base}/tags`), listField: 'data', keyField: 'entitlementID',
          colsToPropsMap: { entitlementID: 'id~#~char', entitlement_value: 'name~#~char' } } },
      },
      Company: {
        entTypeOrder: 1, entTypeLabels: { customproperty1: 'Company ID' },
        call: { call1: { callOrder: 0, stageNumber: 0, http: kit.http(`${kit.base}/companies?per_page=${COMPANY_PAGE_SIZE}`), listField: 'data', keyField: 'entitlementID',
          colsToPropsMap: { entitlementID: 'id~#~char', entitlement_value: 'name~#~char', customproperty1: 'company_id~#~char' },
          pagination: { nextUrl: { nextUrlPath: pageNext } } } },
      },
    },
  };
}

/** Memberships read per contact, so that contacts with more than 10 tags or companies keep them all. */
function memberships(kit: TemplateKit): Json {
  const perContact = (path: string, paged: boolean): Json => ({
    call: { call1: {
      callOrder: 0, stageNumber: 0, processingType: 'httpAcctToEnt', connection: 'acctAuth',
      http: kit.http(`${kit.base}/contacts/\${id}/${path}`), listField: 'data',
      acctKeyField: 'accountID', entIdPath: 'id', entKeyField: 'entitlementID',
      ...(paged ? { pagination: { nextUrl: { nextUrlPath: '${response?.completeResponseMap?.pages?.next}' } } } : {}),
    } },
  });
  return { entTypes: { Tag: perContact('tags', false), Company: perContact('companies', true) } };
}

function fullImport(kit: TemplateKit): Json {
  const contactsUrl = `${kit.base}/contacts?per_page=${CONTACT_PAGE_SIZE}`;
  const nextPage = '${response?.completeResponseMap?.pages?.next?.starting_after == null ? null : '
    + `'${contactsUrl}&starting_after=' + java.net.URLEncoder.encode(response.completeResponseMap.pages.next.starting_after, 'UTF-8')}`;
  return {
    accountParams: kit.accountParams({ http: kit.http(contactsUrl), listField: 'data', keyField: 'accountID',
      colsToPropsMap: CONTACT_COLUMNS, pagination: { nextUrl: { nextUrlPath: nextPage } } }, 'complete'),
    entitlementParams: entitlements(kit),
    acctEntParams: memberships(kit),
  };
}

/** The contacts changed since the start of yesterday, newest first: one page of the search per run. */
function incrementalImport(kit: TemplateKit): Json {
  const since = `\${System.currentTimeMillis().intdiv(1000) - ${INCREMENTAL_WINDOW_SECONDS}}`;
  const body = `{"query":{"field":"updated_at","operator":">","value":${since}},"pagination":{"per_page":${CONTACT_PAGE_SIZE}},"sort":{"field":"updated_at","order":"descending"}}`;
  return {
    // The feed holds only the changed contacts: nothing missing from it is inactivated or unlinked.
    accountParams: kit.accountParams({ http: kit.http(`${kit.base}/contacts/search`, 'POST', body), listField: 'data', keyField: 'accountID',
      colsToPropsMap: CONTACT_COLUMNS }, 'partial'),
    entitlementParams: entitlements(kit),
    acctEntParams: memberships(kit),
  };
}

function lifecycle(kit: TemplateKit, attributes: Record<string, Json>): void {
  const contactUrl = `${kit.base}/contacts/\${account.accountID}`;
  // 409: a contact with this email or external_id exists already; the task fails with Intercom's
  // message (which names the existing contact's id) instead of being retried.
  const conflict = { unsuccessResponses: { statusCode: [409] } };
  attributes.CreateAccountJSON = {
    accountIdPath: 'call1.message.id',
    responseColsToPropsMap: {
      name: 'call1.message.email~#~char', displayName: 'call1.message.name~#~char', customproperty1: 'call1.message.role~#~char',
    },
    call: [kit.call('call1', `${kit.base}/contacts`, 'POST',
      JSON.stringify({ role: 'user', email: '${user.email}', external_id: '${user.username}', name: '${user.firstname} ${user.lastname}' }), conflict)],
  };
  attributes.UpdateAccountJSON = {
    call: [kit.call('call1', contactUrl, 'PUT', JSON.stringify({ email: '${user.email}', name: '${user.firstname} ${user.lastname}' }), conflict)],
  };
  attributes.EnableAccountJSON = { call: [kit.call('call1', `${contactUrl}/unarchive`, 'POST', '{}')] };
  attributes.DisableAccountJSON = { call: [kit.call('call1', `${contactUrl}/archive`, 'POST', '{}')] };
  attributes.RemoveAccountJSON = { call: [kit.call('call1', contactUrl, 'DELETE')] };
}

function access(kit: TemplateKit, attributes: Record<string, Json>): void {
  const contactUrl = `${kit.base}/contacts/\${account.accountID}`;
  const body = JSON.stringify({ id: '${entitlementValue.entitlementID}' });
  attributes.AddAccessJSON = {
    call: [kit.call('Tag', `${contactUrl}/tags`, 'POST', body), kit.call('Company', `${contactUrl}/companies`, 'POST', body)],
  };
  attributes.RemoveAccessJSON = {
    call: [
      kit.call('Tag', `${contactUrl}/tags/\${entitlementValue.entitlementID}`, 'DELETE'),
      kit.call('Company', `${contactUrl}/companies/\${entitlementValue.entitlementID}`, 'DELETE'),
    ],
  };
}

export function contactTemplates(kit: TemplateKit, features: Set<IntercomFeature>): IntercomTemplates {
  const main: IntercomTemplateFolder = { role: 'main', attributes: { ConnectionJSON: kit.connectionJson() }, notes: [] };
  const folders = [main];
  const wantsFull = features.has('import');
  const wantsIncremental = features.has('incrementalImport');
  if (wantsIncremental && !atLeast(kit.version, '2.16')) {
    throw new Error(`The incremental import sorts the contact search by updated_at, which Intercom offers from version 2.16; ${kit.version} has no sort.`);
  }
  if (wantsFull) {
    main.attributes.ImportAccountEntJSON = fullImport(kit);
    main.notes.push('ImportAccountEntJSON: contacts (GET /contacts, every page) are the accounts, tags and companies the entitlements. A contact shows at most 10 tags and companies, so memberships are read per contact: two requests per contact per import.');
    main.notes.push('ImportAccountEntJSON: archived contacts are not listed by Intercom, so the full import marks them inactive in EIC (DisableAccountJSON archives).');
  }
  if (wantsIncremental) {
    const incremental = wantsFull ? { role: 'incremental' as const, attributes: { ConnectionJSON: kit.connectionJson() }, notes: [] as string[] } : main;
    incremental.attributes.ImportAccountEntJSON = incrementalImport(kit);
    incremental.notes.push(`ImportAccountEntJSON (incremental): EIC cannot send the search cursor, so one run reads one page: the ${CONTACT_PAGE_SIZE} contacts changed most recently since the start of yesterday. Run it more often than ${CONTACT_PAGE_SIZE} contacts change (e.g. hourly) and keep the full import scheduled (e.g. nightly): it catches everything beyond, and inactivates contacts that were archived or deleted.`);
    if (incremental !== main) folders.push(incremental);
  }
  if (features.has('contactLifecycle')) {
    lifecycle(kit, main.attributes);
    main.notes.push('CreateAccountJSON: when a contact with the email or external_id already exists, Intercom answers 409 and the task fails with a message naming that contact\'s id; import contacts (which brings it in and correlates it by email), then discontinue the task.');
  }
  if (features.has('addRemoveAccess')) {
    access(kit, main.attributes);
    if (!wantsFull && !wantsIncremental) main.notes.push('Add/remove access works on the "Tag" and "Company" entitlement types; import them so that EIC knows them.');
  }
  return { folders };
}
