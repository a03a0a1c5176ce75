/**
 * Attribute templates for Intercom connections, written as data: the one source of the files that
 * `init` writes and that examples/ holds (a test checks that they are equal). Two models:
 *
 * - teammates (intercomTeammateTemplates.ts): accounts are Intercom teammates (GET /admins),
 *   entitlements their teams (and, from 2.16, their role); Intercom's API cannot create, change or
 *   remove teammates or their team membership, so every lifecycle and access task becomes a ticket;
 * - contacts (intercomContactTemplates.ts): accounts are customer contacts with a full API
 *   lifecycle, tags and companies as entitlements, and an incremental import.
 *
 * Facts shared by both (Intercom REST API 2.7–2.16): the regional hosts; every call sends the static
 * bearer token, a pinned Intercom-Version (so the shapes do not depend on the app's Developer Hub
 * setting) and Accept: application/json; successful creates answer 200.
 */
import { templateKit, type IntercomTemplateOptions, type IntercomTemplates } from './intercomTemplateKit';
import { teammateTemplates } from './intercomTeammateTemplates';
import { contactTemplates } from './intercomContactTemplates';

export * from './intercomTemplateKit';

/** The folders (one, or two when the contacts model asks for both a full and an incremental import). */
export function intercomTemplates(options: IntercomTemplateOptions): IntercomTemplates {
  const kit = templateKit(options.region, options.apiVersion);
  const features = new Set(options.features);
  return options.model === 'teammates' ? teammateTemplates(kit, features, options) : contactTemplates(kit, features);
}
