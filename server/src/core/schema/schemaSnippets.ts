/**
 * The `defaultSnippets` bodies of the schemas, turned into text: as snippet text for completion
 * (tab stops kept, the way vscode-json-languageservice inserts them: a string starting with `^` is
 * written as it stands, any other is quoted), or as plain JSON for a quick fix (each tab stop
 * replaced by its default).
 */

/** Snippet syntax expanded: `${1:id}` → `id`, `$1` → ``, `${1|a,b|}` → `a`, `\$` → `$`. */
export function expandSnippet(text: string): string {
  let out = '';
  let i = 0;
  const parse = (inPlaceholder: boolean): string => {
    let part = '';
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && (text[i + 1] === '$' || text[i + 1] === '}' || text[i + 1] === '\\')) { part += text[i + 1]; i += 2; continue; }
      if (c === '}' && inPlaceholder) { i++; return part; }
      if (c === '$') {
        const rest = text.slice(i);
        let m: RegExpExecArray | null;
        if ((m = /^\$(\d+)/.exec(rest)) || (m = /^\$\{(\d+)\}/.exec(rest))) { i += m[0].length; continue; }
        if ((m = /^\$\{\d+:/.exec(rest))) { i += m[0].length; part += parse(true); continue; }
        if ((m = /^\$\{\d+\|((?:\\.|[^|\\])*)\|\}/.exec(rest))) { part += m[1].split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1'); i += m[0].length; continue; }
      }
      part += c;
      i++;
    }
    return part;
  };
  out = parse(false);
  return out;
}

type Body = unknown;

/** A body as compact JSON text with every tab stop at its default (for quick fixes). */
export function plainBodyText(body: Body): string {
  if (typeof body === 'string') return body.startsWith('^') ? expandSnippet(body.slice(1)) : JSON.stringify(expandSnippet(body));
  if (Array.isArray(body)) return `[${body.map(plainBodyText).join(', ')}]`;
  if (body && typeof body === 'object') {
    return `{${Object.entries(body).map(([k, v]) => `${JSON.stringify(expandSnippet(k))}: ${plainBodyText(v)}`).join(', ')}}`;
  }
  return JSON.stringify(body);
}

/** A body as snippet text over several lines, indented with tabs (the editor turns them into its indentation). */
export function snippetBodyText(body: Body, indent = ''): string {
  const inner = indent + '\t';
  if (typeof body === 'string') return body.startsWith('^') ? body.slice(1) : JSON.stringify(body);
  if (Array.isArray(body)) {
    if (!body.length) return '[]';
    if (body.every(v => v === null || typeof v !== 'object')) return `[${body.map(v => snippetBodyText(v)).join(', ')}]`;
    return `[\n${body.map(v => inner + snippetBodyText(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (body && typeof body === 'object') {
    const entries = Object.entries(body);
    if (!entries.length) return '{}';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${snippetBodyText(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(body);
}
