/**
 * The Intercom view of a document's calls, computed once per document version: which calls
 * target an Intercom API host, in which region, with which method, path and Intercom-Version,
 * and which catalog endpoint they reach. Every Intercom rule, the completion and the hover
 * read this model instead of parsing URLs and headers themselves.
 */
import type { ASTNode, ObjectASTNode, PropertyASTNode, StringASTNode } from '../../json/ast';
import { getProperty, getValue, isObject, isString } from '../../json/ast';
import type { AttributeDocument } from '../../document';
import type { AnalysisSettings } from '../../types';
import { CallInfo, findCalls } from '../../calls/callModel';
import {
  IntercomEndpoint, STABLE_DOCUMENTED_VERSIONS, OLDEST_DOCUMENTED_VERSION, NEWEST_DOCUMENTED_VERSION, compareVersions, isKnownVersion,
  matchEndpoint,
} from '../catalog';
import { IntercomRegionInfo, regionOfHost, isIntercomApiHost } from '../regions';
import { bindingRegions, insideBinding } from '../../rules/support/stringNodes';
import { detached } from '../../text/detached';
import { DEFAULT_INTERCOM_VERSION } from '../../../../../common/src/protocol';

/** The version assumed when the setting is absent or not a version Intercom knows. */
export const RECOMMENDED_VERSION: string = DEFAULT_INTERCOM_VERSION;

export function defaultVersionOf(settings: AnalysisSettings | undefined): string {
  const v = settings?.defaultIntercomVersion?.trim();
  return v && isKnownVersion(v) && compareVersions(v, OLDEST_DOCUMENTED_VERSION) >= 0 ? v : RECOMMENDED_VERSION;
}

/** Where the URL's parts are, as indices into the decoded `url` value. */
export interface ParsedUrl {
  readonly value: string;
  /** First non-blank character. */
  readonly start: number;
  readonly hostStart: number;
  readonly hostEnd: number;
  readonly host: string;
  /** The path: from the end of the host to `?`, `#` or trailing blanks. */
  readonly pathStart: number;
  readonly pathEnd: number;
  readonly path: string;
  /** Query without `?` (empty when none). */
  readonly query: string;
}

/** Splits an absolute URL written in a connector; undefined when the host is not literal. */
export function parseUrl(value: string): ParsedUrl | undefined {
  const regions = bindingRegions(value);
  const start = value.length - value.trimStart().length;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(value.slice(start));
  if (!scheme) return undefined;
  const hostStart = start + scheme[0].length;
  let hostEnd = hostStart;
  while (hostEnd < value.length && !'/?#'.includes(value[hostEnd]) && !/\s/.test(value[hostEnd])) hostEnd++;
  const host = value.slice(hostStart, hostEnd);
  if (host.includes('${') || insideBinding(regions, hostStart)) return undefined;
  const trimmedEnd = value.trimEnd().length;
  let pathEnd = hostEnd;
  while (pathEnd < trimmedEnd && (insideBinding(regions, pathEnd) || (value[pathEnd] !== '?' && value[pathEnd] !== '#'))) pathEnd++;
  let queryEnd = pathEnd;
  if (value[pathEnd] === '?') {
    queryEnd = pathEnd + 1;
    while (queryEnd < trimmedEnd && (insideBinding(regions, queryEnd) || value[queryEnd] !== '#')) queryEnd++;
  }
  return {
    value, start, hostStart, hostEnd, host, pathStart: hostEnd, pathEnd, path: value.slice(hostEnd, pathEnd),
    query: value[pathEnd] === '?' ? value.slice(pathEnd + 1, queryEnd) : '',
  };
}

/**
 * missing: no header; valid: 2.7–2.16 or Preview; alias: "Unstable", the old name of Preview, which
 * Intercom still accepts; legacy: 1.0–2.6, accepted but no longer documented; newer: a 2.x beyond the
 * catalog; invalid: anything Intercom answers 400 to (or a number); bound: built by a binding.
 */
export type VersionStatus = 'missing' | 'valid' | 'alias' | 'invalid' | 'legacy' | 'newer' | 'bound';

/** The old names Intercom still accepts for a version (its docs: existing version identifiers keep working). */
export const VERSION_ALIASES: Readonly<Record<string, string>> = { Unstable: 'Preview' };

/** True when the call pins a version Intercom accepts (documented, alias, legacy or newer). */
export function isPinned(info: VersionInfo): boolean {
  return info.status === 'valid' || info.status === 'alias' || info.status === 'legacy' || info.status === 'newer';
}

export interface VersionInfo {
  readonly status: VersionStatus;
  /** The header property (any spelling of Intercom-Version), when present. */
  readonly header?: PropertyASTNode;
  /** The value as written (a number's text for a number node). */
  readonly written?: string;
  /** The version every lookup uses: the header's, or the default when none is pinned; undefined when invalid. */
  readonly version: string | undefined;
  readonly defaultVersion: string;
}

/** Header property by name, case-insensitively (the last one wins, as in JSON.parse). */
export function headerProperty(headers: ASTNode | undefined, name: string): PropertyASTNode | undefined {
  if (!isObject(headers)) return undefined;
  const wanted = name.toLowerCase();
  let found: PropertyASTNode | undefined;
  for (const p of headers.properties) if (p.keyNode.value.trim().toLowerCase() === wanted) found = p;
  return found;
}

/** The Intercom-Version of a call's http object. */
export function versionOf(doc: AttributeDocument, http: ObjectASTNode | undefined, defaultVersion: string): VersionInfo {
  const header = headerProperty(getValue(http, 'httpHeaders'), 'intercom-version');
  if (!header) return { status: 'missing', version: defaultVersion, defaultVersion };
  const node = header.valueNode;
  if (isString(node)) {
    const written = node.value;
    if (written.includes('${')) return { status: 'bound', header, written, version: defaultVersion, defaultVersion };
    const newer = /^2\.(\d+)$/.exec(written);
    if (newer && Number(newer[1]) > 16 && Number(newer[1]) <= 30 && !newer[1].startsWith('0')) {
      return { status: 'newer', header, written, version: NEWEST_DOCUMENTED_VERSION, defaultVersion };
    }
    const alias = Object.prototype.hasOwnProperty.call(VERSION_ALIASES, written) ? VERSION_ALIASES[written] : undefined;
    if (alias) return { status: 'alias', header, written, version: alias, defaultVersion };
    if (!isKnownVersion(written)) return { status: 'invalid', header, written, version: undefined, defaultVersion };
    if (written !== 'Preview' && compareVersions(written, OLDEST_DOCUMENTED_VERSION) < 0) {
      return { status: 'legacy', header, written, version: undefined, defaultVersion };
    }
    return { status: 'valid', header, written, version: written, defaultVersion };
  }
  const written = node ? doc.text.substr(node.offset, node.length) : '';
  return { status: 'invalid', header, written, version: undefined, defaultVersion };
}

export interface IntercomCall {
  readonly call: CallInfo;
  readonly http: ObjectASTNode;
  readonly urlNode: StringASTNode;
  readonly url: ParsedUrl;
  readonly region: IntercomRegionInfo;
  readonly methodNode?: StringASTNode;
  /** Upper-case method (GETWITHBODY → GET); undefined when built by an expression. */
  readonly method: string | undefined;
  readonly version: VersionInfo;
  /** The endpoint the call reaches in its version. */
  readonly endpoint?: IntercomEndpoint;
  /** Same path with another method in this version (when `endpoint` is undefined). */
  readonly otherMethods: readonly IntercomEndpoint[];
  /** The endpoint in other documented versions (when it does not exist in this one). */
  readonly elsewhere?: { endpoint: IntercomEndpoint; versions: string[] };
}

const lookups = new Map<string, unknown>();

/** Memoises catalog lookups across documents (they depend only on their arguments); bounded. */
export function lookup<T>(key: string, compute: () => T): T {
  if (lookups.has(key)) return lookups.get(key) as T;
  if (lookups.size > 2000) lookups.clear();
  const value = compute();
  lookups.set(detached(key), value); // keys quote paths cut from a document's text
  return value;
}

function match(version: string, method: string, path: string): IntercomEndpoint | undefined {
  return lookup(`match ${version} ${method} ${path}`, () => matchEndpoint(version, method, path));
}

const BODY_METHODS: Record<string, string> = { GETWITHBODY: 'GET', DELETEWITHBODY: 'DELETE' };
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function methodOf(http: ObjectASTNode): { node?: StringASTNode; method: string | undefined } {
  const prop = getProperty(http, 'httpMethod');
  if (!prop) return { method: 'GET' };
  const node = prop.valueNode;
  if (!isString(node) || node.value.includes('${')) return { method: undefined };
  const m = node.value.trim().toUpperCase();
  return { node, method: BODY_METHODS[m] ?? m };
}

function matchAnyMethod(version: string, path: string): IntercomEndpoint[] {
  const out: IntercomEndpoint[] = [];
  for (const m of METHODS) {
    const e = match(version, m, path);
    if (e) out.push(e);
  }
  return out;
}

/**
 * For a legacy version (1.0–2.6, which Intercom no longer describes), the one endpoint fact that
 * holds: an endpoint absent from the oldest description (2.7) and added later (tickets: 2.9) does
 * not exist in it either. Endpoints already in 2.7 are left alone — whether 2.1 had them is unknown.
 */
function laterThanLegacy(method: string, path: string): IntercomCall['elsewhere'] {
  if (match(OLDEST_DOCUMENTED_VERSION, method, path)) return undefined;
  const versions: string[] = [];
  let found: IntercomEndpoint | undefined;
  for (const other of STABLE_DOCUMENTED_VERSIONS) {
    const e = match(other, method, path);
    if (e) { versions.push(other); found ??= e; }
  }
  return found ? { endpoint: found, versions } : undefined;
}

function analyseCall(doc: AttributeDocument, call: CallInfo, defaultVersion: string): IntercomCall | undefined {
  const http = call.httpNode;
  if (!http) return undefined;
  const urlNode = getValue(http, 'url');
  if (!isString(urlNode)) return undefined;
  const url = parseUrl(urlNode.value);
  if (!url || !isIntercomApiHost(url.host)) return undefined;
  const region = regionOfHost(url.host)!;
  const { node: methodNode, method } = methodOf(http);
  const version = versionOf(doc, http, defaultVersion);
  let endpoint: IntercomEndpoint | undefined;
  let otherMethods: IntercomEndpoint[] = [];
  let elsewhere: IntercomCall['elsewhere'];
  const v = version.version;
  if (version.status === 'legacy' && method && call.role !== 'auth') elsewhere = laterThanLegacy(method, url.path);
  if (v && call.role !== 'auth') {
    if (method) {
      endpoint = match(v, method, url.path);
      if (!endpoint) otherMethods = matchAnyMethod(v, url.path).filter(e => e.method !== method);
      if (!endpoint) {
        const versions: string[] = [];
        let found: IntercomEndpoint | undefined;
        for (const other of STABLE_DOCUMENTED_VERSIONS) {
          const e = match(other, method, url.path);
          if (e) { versions.push(other); found ??= e; }
        }
        if (found) elsewhere = { endpoint: found, versions };
      }
    } else {
      const any = matchAnyMethod(v, url.path);
      if (any.length === 1) endpoint = any[0];
      else otherMethods = any;
    }
  }
  return { call, http, urlNode, url, region, methodNode, method, version, endpoint, otherMethods, elsewhere };
}

/** Every call of the document that targets an Intercom API host (memoised per version and default). */
export function intercomCalls(doc: AttributeDocument, settings: AnalysisSettings | undefined): readonly IntercomCall[] {
  const defaultVersion = defaultVersionOf(settings);
  return doc.memo(`intercom.calls:${defaultVersion}`, () => {
    const out: IntercomCall[] = [];
    if (doc.kind !== 'attribute') return out;
    for (const call of findCalls(doc)) {
      const c = analyseCall(doc, call, defaultVersion);
      if (c) out.push(c);
    }
    return out;
  });
}

/** True when the offset lies within the node. */
export function contains(node: { offset: number; length: number }, offset: number): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}

/** The innermost call (Intercom or not) whose object contains the offset. */
export function callAt(doc: AttributeDocument, offset: number): CallInfo | undefined {
  let best: CallInfo | undefined;
  for (const c of findCalls(doc)) {
    if (contains(c.node, offset) && (!best || c.node.length < best.node.length)) best = c;
  }
  return best;
}

/** The Intercom call whose call object contains the offset. */
export function intercomCallAt(doc: AttributeDocument, offset: number, settings: AnalysisSettings | undefined): IntercomCall | undefined {
  const call = callAt(doc, offset);
  return call ? intercomCalls(doc, settings).find(c => c.call === call) : undefined;
}

/** Regions used by the Intercom calls of every document of the connection, with one example each. */
export function regionsInUse(docs: readonly AttributeDocument[], settings: AnalysisSettings | undefined): Map<string, { region: IntercomRegionInfo; doc: AttributeDocument; call: IntercomCall }[]> {
  const out = new Map<string, { region: IntercomRegionInfo; doc: AttributeDocument; call: IntercomCall }[]>();
  for (const doc of docs) {
    for (const call of intercomCalls(doc, settings)) {
      if (call.call.role === 'auth') continue; // the OAuth token exchange always uses the US host
      const list = out.get(call.region.id) ?? [];
      list.push({ region: call.region, doc, call });
      out.set(call.region.id, list);
    }
  }
  return out;
}

/** A short human name for a call: "call1 in CreateTicketJSON". */
export function callLabel(doc: AttributeDocument, call: CallInfo): string {
  const name = call.entType ? `${call.entType} › ${call.name}` : call.name;
  return doc.attribute ? `${name} in ${doc.attribute.name}` : name;
}

/** The version text used in messages: "2.15 (the Intercom-Version header)" or "2.15 (assumed: no header)". */
export function versionPhrase(info: VersionInfo): string {
  if (info.status === 'valid') return `Intercom-Version ${info.version}`;
  if (info.status === 'alias') return `Intercom-Version ${info.written} (= ${info.version})`;
  return `Intercom-Version ${info.version} (assumed: the call pins no version)`;
}
