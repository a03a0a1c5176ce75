/** The output channel of CLI commands (injected, so tests capture it). */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const processIO: CliIO = {
  out: text => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: text => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  cwd: process.cwd(),
};

/** Parses `--flag value`, `--flag=value`, repeated flags and positionals. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
}

export function parseArgs(args: string[], booleanFlags: string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') { positionals.push(...args.slice(i + 1)); break; }
    const m = /^(--?[A-Za-z][\w-]*)(?:=(.*))?$/.exec(arg);
    if (!m) { positionals.push(arg); continue; }
    const name = m[1].replace(/^-+/, '');
    if (m[2] !== undefined) add(name, m[2]);
    else if (booleanFlags.includes(name)) add(name, 'true');
    else if (i + 1 < args.length) add(name, args[++i]);
    else add(name, '');
  }
  return { positionals, flags };
}

export function flag(parsed: ParsedArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = parsed.flags.get(n);
    if (v?.length) return v[v.length - 1];
  }
  return undefined;
}
