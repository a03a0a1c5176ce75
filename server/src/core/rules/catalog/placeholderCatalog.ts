/**
 * Install-time placeholders found in exported template packages (grammar §2.8): texts a
 * human or App Onboarding must replace before the connection can work. Data only.
 */

export interface PlaceholderPattern {
  /** What the placeholder looks like, for messages. */
  readonly label: string;
  /** Regular expression source (matched globally on the text with `${…}` bindings masked out). */
  readonly source: string;
  readonly flags: string;
  /** Whether App Onboarding's AOB_CONNECTION_TEMPLATE_VARIABLES can map this form. */
  readonly aob: boolean;
}

/** Placeholders inside URLs (any case; URLs never legitimately contain these characters this way). */
export const URL_PLACEHOLDERS: readonly PlaceholderPattern[] = [
  { label: '@NAME@ token', source: '@@?[A-Za-z][A-Za-z0-9_-]*@@?', flags: 'g', aob: true },
  { label: '<NAME> marker', source: '<<?[^<>\\s][^<>]*>>?', flags: 'g', aob: false },
  { label: '{name} marker', source: '(?<!\\$)\\{\\{?[A-Za-z_][\\w.-]*\\}\\}?', flags: 'g', aob: false },
  { label: 'xxx filler', source: '(?<=^|[/.:=@-])x{3,}(?=$|[/.:?&#-])', flags: 'gi', aob: false },
  { label: '"your…" filler', source: '\\byour[-_]?(?:domain|tenant|instance|company|org|subdomain|host|hostname|server|site|workspace|url)\\b', flags: 'gi', aob: false },
];

/** Placeholders in other strings: only the unmistakable upper-case @NAME@ / @@NAME@@ tokens. */
export const TEXT_PLACEHOLDERS: readonly PlaceholderPattern[] = [
  { label: '@NAME@ token', source: '@@?[A-Z][A-Z0-9_-]*@@?', flags: 'g', aob: true },
];

/** Attribute that maps @NAME@ tokens to values in App-Onboarding exports. */
export const AOB_ATTRIBUTE = 'AOB_CONNECTION_TEMPLATE_VARIABLES';
