/**
 * Intercom's POST endpoints that only read (facts from the OpenAPI descriptions 2.7–2.16): they take
 * their query in the body, and Intercom documents them as searches or lists that change nothing.
 * An import preview may send these; every other POST can create, merge or change data. Data only;
 * a unit test keeps the list equal to the catalog's POST operations described as a search or list.
 */
export const READ_ONLY_POSTS: readonly string[] = [
  'POST /admins/activity_logs/search',
  'POST /calls/search',
  'POST /companies/list',
  'POST /contacts/search',
  'POST /conversations/search',
  'POST /tickets/search',
];
