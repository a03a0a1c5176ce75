// Fails when the sources import each other in a cycle. Reads every .ts file under the given
// folders (default: server/src, client/src, common/src, test, bench), follows its static relative imports and
// re-exports — type-only ones too, since two modules that need each other's types are just as
// entangled (dynamic import() is lazy and skipped) — and reports each strongly connected
// component with more than one file, or a file that imports itself. Run by `npm run lint`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const folders = process.argv.slice(2).length ? process.argv.slice(2)
  : ['server/src', 'client/src', 'common/src', 'test', 'bench'].filter(f => fs.existsSync(path.resolve(root, f)));

function listTs(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(full));
    else if (/\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) out.push(full);
  }
  return out;
}

function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (candidate.endsWith('.ts') && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** The specifiers of this file's static imports and re-exports. */
function staticImports(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const specifiers = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      specifiers.push(node.moduleReference.expression.text);
    }
  }
  return specifiers;
}

const files = folders.flatMap(f => listTs(path.resolve(root, f)));
const graph = new Map(files.map(f => [f, [...new Set(staticImports(f).map(s => resolve(f, s)).filter(Boolean))]]));
for (const targets of graph.values()) for (const t of targets) if (!graph.has(t)) graph.set(t, []);

// Tarjan's strongly connected components (iterative, so deep import chains cannot overflow).
let index = 0;
const indices = new Map(), low = new Map(), onStack = new Set(), stack = [], components = [];
for (const start of graph.keys()) {
  if (indices.has(start)) continue;
  const work = [[start, 0]];
  indices.set(start, index); low.set(start, index); index++; stack.push(start); onStack.add(start);
  while (work.length) {
    const frame = work[work.length - 1];
    const [node, i] = frame;
    const targets = graph.get(node);
    if (i < targets.length) {
      frame[1]++;
      const next = targets[i];
      if (!indices.has(next)) {
        indices.set(next, index); low.set(next, index); index++; stack.push(next); onStack.add(next);
        work.push([next, 0]);
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
      continue;
    }
    work.pop();
    if (work.length) { const parent = work[work.length - 1][0]; low.set(parent, Math.min(low.get(parent), low.get(node))); }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do { member = stack.pop(); onStack.delete(member); component.push(member); } while (member !== node);
      if (component.length > 1 || graph.get(node).includes(node)) components.push(component);
    }
  }
}

const rel = f => path.relative(root, f).split(path.sep).join('/');
if (components.length) {
  console.error(`check-cycles: ${components.length} import cycle(s):`);
  for (const component of components) {
    const members = new Set(component);
    console.error(`  ${component.map(rel).sort().join('\n    ')}`);
    // One concrete edge list inside the component, to show where to cut.
    for (const from of [...component].sort()) {
      const inside = graph.get(from).filter(t => members.has(t));
      if (inside.length) console.error(`      ${rel(from)} -> ${inside.map(rel).join(', ')}`);
    }
  }
  process.exit(1);
}
console.log(`check-cycles: no import cycles in ${files.length} files (${folders.join(', ')})`);
