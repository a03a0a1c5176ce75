/**
 * The verdict of every diagnostic code: the words each of its messages starts with, so that the
 * Problems panel's first words say what is wrong. The details follow (where, why, what to write
 * instead). A code whose findings differ in kind (an unknown ticket type or an archived one) has
 * one verdict per kind. test/unit/engine/verdicts.test.ts holds every message to this catalog.
 */
export const VERDICTS: Readonly<Record<string, readonly string[]>> = {
  // JSON and schema
  'json-syntax': ['Missing comma', 'Missing colon', 'Key expected', 'Missing value', 'Key not in double quotes', 'Unclosed string',
    'Invalid escape sequence', 'Control character in a string', 'Invalid \\u escape', 'Incomplete number', 'Unclosed comment', 'Comment not allowed',
    'JSON syntax error', 'Too deeply nested to check', 'Unreadable JSON'],
  'json-trailing-comma': ['Trailing comma'],
  'duplicate-key': ['Duplicate key'],
  'unknown-key': ['Unknown key'],
  'missing-key': ['Missing key'],
  'wrong-type': ['Wrong type'],
  'invalid-value': ['Invalid value'],
  'schema': ['Value not accepted'],
  'deprecated': ['Deprecated key'],
  'document-too-large': ['Document too large to check'],
  'findings-capped': ['Too many findings', 'Checks stopped early'],
  'file-unreadable': ['File not checked'],
  'export-not-rest': ['Not a REST connection'],
  // Keys in the wrong place
  'misplaced-page': ['Misplaced `page`'],
  'status-active-key': ['Wrong status key'],
  'miscased-key': ['Wrong case in'],
  'misspelled-key': ['Misspelled key'],
  'misplaced-params': ['Misplaced block'],
  'misfiled-import-user': ['ImportUserJSON content in the wrong attribute'],
  'misfiled-attribute': ['Content of another attribute'],
  'misplaced-actions': ['Misplaced `actions` wrapper'],
  'invented-auth-key': ['Not an EIC setting'],
  'invented-key': ['Not an EIC key'],
  'code-fragment-key': ['Expression fragment as a key'],
  // Values and types
  'boolean-as-string': ['Boolean written as text'],
  'number-as-string': ['Number written as text'],
  'status-code-not-list': ['Status codes not in a list'],
  'success-responses-array': ['Response check written as a list'],
  'call-not-array': ['Calls not in a list'],
  'http-method-case': ['HTTP method not in EIC\'s spelling'],
  'content-type-space': ['Blank in the content type'],
  'empty-header-name': ['Empty header name'],
  'disable-with-delete': ['Disable may delete the account'],
  'smart-quote': ['Typographic quotes'],
  'markdown-link': ['Markdown link'],
  'object-object': ['Lost content'],
  // Authentication
  'auth-type-bearer': ['Unknown authType'],
  'auth-type-unknown': ['Unknown authType'],
  'auth-misplaced-key': ['Misplaced key'],
  'auth-config-incomplete': ['Incomplete authentication'],
  'secret-literal': ['Secret in clear text'],
  // Mappings
  'mapping-separator': ['Malformed mapping', 'Empty mapping'],
  'mapping-type': ['Unknown mapping type', 'Wrong mapping type', 'Missing mapping type'],
  'mapping-const': ['Missing #CONST#'],
  'mapping-dotted-field': ['Unescaped dot'],
  'mapping-target': ['Unknown column', 'Wrong column for', 'Mapping stores nothing'],
  'mapping-missing-column': ['Key column not mapped'],
  'mapping-unknown-call': ['Unknown call'],
  'mapping-response-path': ['Path without a call name', 'Extra `response.` prefix', 'Missing `.message`'],
  // Import semantics
  'import-keyfield': ['Wrong keyField', 'Unmapped keyField'],
  'status-column-unmapped': ['Status column not mapped'],
  'acctent-mapping-incomplete': ['Incomplete account-entitlement mapping'],
  'call-order': ['Duplicate callOrder', 'Duplicate entTypeOrder', 'Stage out of order'],
  'processing-type': ['Wrong processingType', 'Missing processingType', 'Missing input for processingType'],
  'ent-type-undeclared': ['Undeclared entitlement type'],
  'pagination-shape': ['Empty pagination', 'Mixed pagination', 'Misplaced pagination key'],
  'pagination-fixed-total': ['Fixed total count'],
  'pagination-next-url': ['Endless pagination'],
  'pagination-path-prefix': ['Missing `completeResponseMap.` prefix'],
  // Across the files of a connection
  'unknown-connection': ['Unknown authentication'],
  'access-call-name': ['Access call never runs'],
  'duplicate-call-name': ['Duplicate call name'],
  'entitlement-type-unserved': ['No access call for', 'Entitlement never sent'],
  'response-unknown-call': ['Unknown call', 'Call has not run yet'],
  // URLs and placeholders
  'url-whitespace': ['Blank around the URL'],
  'url-empty-host': ['Incomplete host'],
  'url-not-absolute': ['Relative URL'],
  'url-double-slash': ['Empty path segment'],
  'url-placeholder': ['Unfilled template placeholder'],
  'unfilled-placeholder': ['Unfilled template placeholder'],
  // The ${…} binding language
  'binding-unclosed': ['Unclosed expression'],
  'binding-unbalanced': ['Unbalanced expression'],
  'binding-empty': ['Empty expression'],
  'binding-unknown-variable': ['Unknown variable', 'Unknown member'],
  'binding-out-of-context': ['Variable not available here'],
  'binding-bearer-prefix': ['Double Bearer prefix'],
  'binding-double-quote': ['Double quote inside an expression', 'Double-quoted Groovy string'],
  'httpparams-invalid-json': ['Invalid JSON body'],
  // Intercom
  'intercom-version-missing': ['Missing Intercom-Version header'],
  'intercom-version-invalid': ['Invalid Intercom-Version', 'Legacy Intercom-Version', 'Intercom-Version written as a number', 'Unreleased Intercom-Version', 'Old name of an Intercom-Version'],
  'intercom-endpoint-version': ['Endpoint not in this Intercom-Version'],
  'intercom-unknown-endpoint': ['Unknown Intercom endpoint'],
  'intercom-accept-missing': ['Missing Accept header', 'Wrong Accept header'],
  'intercom-authorization-missing': ['Missing Authorization header'],
  'intercom-content-type-missing': ['Missing content type'],
  'intercom-mixed-regions': ['Mixed Intercom regions'],
  'intercom-list-field': ['Wrong listField'],
  'intercom-unknown-field': ['Unknown Intercom field'],
  'intercom-ticket-id-path': ['Wrong ticket id path'],
  'intercom-pagination-missing': ['Missing pagination'],
  'intercom-pagination-cursor': ['Cursor used as a URL', 'Page numbers on a cursor endpoint', 'Offsets on a cursor endpoint', 'Cursor in the URL of a search'],
  'intercom-cursor-not-encoded': ['Cursor not URL-encoded'],
  'intercom-per-page-max': ['Page size out of range'],
  'intercom-search-field': ['Unknown search field', 'Wrong search field'],
  'intercom-search-operator': ['Wrong search operator'],
  'intercom-search-value': ['Wrong search value'],
  'intercom-search-limits': ['Search query too complex'],
  'intercom-search-sort': ['Sort not available', 'Invalid sort order'],
  'intercom-body-one-of': ['Missing required field'],
  'intercom-body-unknown-field': ['Unknown body field'],
  'intercom-body-field-version': ['Field not in this Intercom-Version'],
  'intercom-body-type': ['Wrong value type', 'Invalid value'],
  'intercom-ticket-status-path': ['Version-dependent status path', 'Wrong status path', 'Workspace-specific status path'],
  'intercom-ticket-status-value': ['Unknown ticket state', 'Status that is never final'],
  'intercom-ticket-status-parts': ['Status read from ticket parts'],
  'intercom-ticket-deleted': ['Deleted tickets not handled'],
  'intercom-ticket-attributes': ['Wrong ticket attribute name'],
  'intercom-ticket-contacts': ['Wrong ticket contact', 'Ambiguous ticket contact', 'No ticket contact', 'Too many ticket contacts'],
  'intercom-ticket-type-id': ['Ticket type varies per user'],
  'intercom-ticket-type-literal': ['Workspace-specific ticket type id'],
  'intercom-ticket-contact-email': ['Ticket contact by email'],
  'intercom-teammate-contact-call': ['Contact endpoint for teammates'],
  'intercom-search-one-page': ['One page per run', 'Small page', 'Short search window'],
  'intercom-body-required': ['Missing required field'],
  'intercom-success-status': ['Undocumented success status', 'Wrong success status'],
  // Live checks
  'intercom-live-ticket-type': ['Unknown ticket type', 'Archived ticket type', 'Ticket type name instead of id'],
  'intercom-live-ticket-attribute-required': ['Missing required ticket attribute'],
  'intercom-live-ticket-attribute-unknown': ['Unknown ticket attribute', 'Archived ticket attribute'],
  'intercom-live-custom-attribute': ['Unknown custom attribute', 'Archived custom attribute'],
  'intercom-live-tag': ['Unknown tag'],
  'intercom-live-team': ['Unknown team'],
  'intercom-live-admin': ['Unknown admin'],
  'intercom-live-region': ['Wrong region'],
};

/** The verdicts of a code (empty for a code the catalog does not know). */
export function verdictsOf(code: string): readonly string[] {
  return VERDICTS[code] ?? [];
}

/** True when the message starts with one of its code's verdicts. */
export function startsWithVerdict(code: string, message: string): boolean {
  return verdictsOf(code).some(v => message.startsWith(v));
}

/** The verdict a message starts with (the longest match), if any. */
export function verdictOfMessage(code: string, message: string): string | undefined {
  return verdictsOf(code).filter(v => message.startsWith(v)).sort((a, b) => b.length - a.length)[0];
}
