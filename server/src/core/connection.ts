/**
 * A connection: the attribute documents of one connection folder, seen together.
 * Cross-file rules (a call's `connection` must name an authentication, access call
 * names must be entitlement types …) read sibling attributes through this view.
 */
import { AttributeDocument } from './document';

export interface ConnectionView {
  /** The connection's name (the folder name unless metadata says otherwise). */
  readonly name: string;
  /** The folder (path or URI) the attributes live in, when there is one. */
  readonly folder?: string;
  /** The attribute document of that name (case-insensitive), if the connection has it. */
  get(attributeName: string): AttributeDocument | undefined;
  /** All attribute documents of the connection. */
  all(): AttributeDocument[];
}

/** A connection made of the given documents. */
export class StaticConnection implements ConnectionView {
  private readonly byName = new Map<string, AttributeDocument>();

  constructor(readonly name: string, documents: AttributeDocument[], readonly folder?: string) {
    for (const doc of documents) if (doc.attribute) this.byName.set(doc.attribute.name.toLowerCase(), doc);
  }

  get(attributeName: string): AttributeDocument | undefined {
    return this.byName.get(attributeName.toLowerCase());
  }

  all(): AttributeDocument[] {
    return [...this.byName.values()];
  }
}

/** A connection holding a single document (no folder context). */
export function singleDocumentConnection(doc: AttributeDocument): ConnectionView {
  return new StaticConnection('', [doc]);
}

/**
 * A view of `inner` that notes in `reads` which sibling attributes are read through it: their
 * lower-case names, or '*' when all of them were listed. What an analysis read is what a change
 * can affect (the language server re-checks a document only when a file it read changes).
 */
export class RecordingConnection implements ConnectionView {
  constructor(private readonly inner: ConnectionView, private readonly self: AttributeDocument, readonly reads: Set<string>) {}

  get name(): string { return this.inner.name; }
  get folder(): string | undefined { return this.inner.folder; }

  get(attributeName: string): AttributeDocument | undefined {
    const name = attributeName.toLowerCase();
    if (name !== this.self.attribute?.name.toLowerCase()) this.reads.add(name);
    return this.inner.get(attributeName);
  }

  all(): AttributeDocument[] {
    this.reads.add('*');
    return this.inner.all();
  }
}

/**
 * Whether an analysis that read `reads` (as a RecordingConnection notes them: lower-case names,
 * '*' for all) may be affected by a change of the attributes `changed` ('*' for all of them).
 * Undefined `reads` (no analysis yet) may be affected by any change; no change affects nothing.
 * Names compare case-insensitively.
 */
export function readsAnyOf(reads: ReadonlySet<string> | undefined, changed: readonly string[] | '*'): boolean {
  if (changed !== '*' && changed.length === 0) return false;
  if (!reads || changed === '*' || reads.has('*')) return true;
  return changed.some(name => reads.has(name.toLowerCase()));
}
