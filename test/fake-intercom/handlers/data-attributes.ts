// GET /data_attributes (?model=contact|company|conversation, ?include_archived): the workspace's
// standard attributes and its custom data attributes (CDAs), serialised as the OpenAPI's
// data_attribute. Contact CDAs are the workspace's `dataAttributes` (the names contacts may carry
// in custom_attributes); companies have one CDA.

import { invalid } from '../errors.js';
import { ok, type HandlerContext, type RouteDef } from '../context.js';

type Model = 'contact' | 'company' | 'conversation';
type DataType = 'string' | 'integer' | 'float' | 'boolean' | 'date';

interface AttributeDef {
  name: string;
  label: string;
  dataType: DataType;
  apiWritable: boolean;
}

const STANDARD: Record<Model, AttributeDef[]> = {
  contact: [
    { name: 'name', label: 'Name', dataType: 'string', apiWritable: true },
    { name: 'email', label: 'Email', dataType: 'string', apiWritable: true },
    { name: 'phone', label: 'Phone', dataType: 'string', apiWritable: true },
    { name: 'external_id', label: 'User ID', dataType: 'string', apiWritable: true },
    { name: 'role', label: 'Role', dataType: 'string', apiWritable: true },
    { name: 'owner_id', label: 'Owner', dataType: 'integer', apiWritable: true },
    { name: 'created_at', label: 'Signed up', dataType: 'date', apiWritable: false },
    { name: 'signed_up_at', label: 'Signed up at', dataType: 'date', apiWritable: true },
    { name: 'last_seen_at', label: 'Last seen', dataType: 'date', apiWritable: true },
    { name: 'unsubscribed_from_emails', label: 'Unsubscribed from emails', dataType: 'boolean', apiWritable: true },
  ],
  company: [
    { name: 'name', label: 'Company name', dataType: 'string', apiWritable: true },
    { name: 'company_id', label: 'Company ID', dataType: 'string', apiWritable: false },
    { name: 'plan', label: 'Plan', dataType: 'string', apiWritable: true },
    { name: 'monthly_spend', label: 'Monthly spend', dataType: 'float', apiWritable: true },
    { name: 'size', label: 'Company size', dataType: 'integer', apiWritable: true },
    { name: 'website', label: 'Website', dataType: 'string', apiWritable: true },
    { name: 'industry', label: 'Industry', dataType: 'string', apiWritable: true },
  ],
  conversation: [],
};

/** Types of the seeded contact CDAs (any other name is a string attribute). */
const CONTACT_CDA_TYPES: Record<string, DataType> = { start_date: 'date' };
const COMPANY_CDAS: AttributeDef[] = [{ name: 'account_tier', label: 'Account tier', dataType: 'string', apiWritable: true }];
const MODELS: Model[] = ['contact', 'company', 'conversation'];
const CREATED_AT = 1_672_531_200; // 2023-01-01

function serialize(model: Model, def: AttributeDef, custom: boolean, id: number) {
  return {
    type: 'data_attribute',
    ...(custom ? { id } : {}),
    model,
    name: def.name,
    full_name: custom ? `custom_attributes.${def.name}` : def.name,
    label: def.label,
    description: custom ? `Custom attribute ${def.label}` : def.label,
    data_type: def.dataType,
    api_writable: def.apiWritable,
    ui_writable: custom,
    messenger_writable: false,
    custom,
    archived: false,
    ...(custom ? { created_at: CREATED_AT, updated_at: CREATED_AT, admin_id: '991' } : {}),
  };
}

function customOf(ctx: HandlerContext, model: Model): AttributeDef[] {
  if (model === 'company') return COMPANY_CDAS;
  if (model === 'conversation') return [];
  return [...ctx.ws.dataAttributes].sort().map((name) => ({
    name, label: name.replace(/_/g, ' '), dataType: CONTACT_CDA_TYPES[name] ?? 'string', apiWritable: true,
  }));
}

function listDataAttributes(ctx: HandlerContext) {
  const wanted = ctx.query.get('model');
  if (wanted !== null && !MODELS.includes(wanted as Model)) throw invalid(`model must be one of ${MODELS.join(', ')}`);
  const data: unknown[] = [];
  let id = 10_000; // CDA ids are numbered over every model, so a filter does not change them
  for (const model of MODELS) {
    const custom = customOf(ctx, model).map((def) => serialize(model, def, true, ++id));
    if (wanted !== null && wanted !== model) continue;
    data.push(...STANDARD[model].map((def) => serialize(model, def, false, 0)), ...custom);
  }
  return ok({ type: 'list', data });
}

export const dataAttributeRoutes: RouteDef[] = [
  { method: 'GET', path: '/data_attributes', scope: 'read_users', feature: null, handler: listDataAttributes },
];
