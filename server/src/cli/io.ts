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

/** The options of one command: which take a value, which are switches. `help`/`h` are always switches. */
export interface OptionSpec {
  values?: readonly string[];
  booleans?: readonly string[];
}

/** A command line the command cannot run: unknown option, missing value … (exit code 2). */
export class UsageError extends Error {}

/** Parsed `--flag value`, `--flag=value`, repeated flags and positionals. */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
}

/**
 * Strict parsing: an option the spec does not list, a value option without its value, or a
 * value given to a switch is a UsageError, so a typo never silently changes what a command does.
 */
export function parseArgs(args: string[], spec: OptionSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set([...(spec.booleans ?? []), 'help', 'h']);
  const known = (name: string) => values.has(name) || booleans.has(name);
  const dashes = (name: string) => (name.length === 1 ? '-' : '--') + name;
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const add = (k: string, v: string) => flags.set(k, [...(flags.get(k) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') { positionals.push(...args.slice(i + 1)); break; }
    const m = /^(--?)([A-Za-z][\w-]*)(?:=([\s\S]*))?$/.exec(arg);
    if (!m) { positionals.push(arg); continue; }
    const name = m[2];
    if (!known(name)) {
      const all = [...values, ...booleans].filter(n => n.length > 1).sort().map(dashes);
      throw new UsageError(`unknown option ${m[1]}${name}. Options: ${all.join(', ')}.`);
    }
    if (booleans.has(name)) {
      if (m[3] !== undefined && m[3] !== 'true' && m[3] !== 'false') throw new UsageError(`${dashes(name)} is a switch and takes no value.`);
      if (m[3] !== 'false') add(name, 'true');
      continue;
    }
    if (m[3] !== undefined) { add(name, m[3]); continue; }
    const next = args[i + 1];
    const nextIsOption = next !== undefined && /^--?([A-Za-z][\w-]*)(=|$)/.exec(next);
    if (next === undefined || (nextIsOption && known(nextIsOption[1]))) throw new UsageError(`${dashes(name)} needs a value.`);
    add(name, next);
    i++;
  }
  return { positionals, flags };
}

/**
 * parseArgs for a command: a usage problem is written to stderr with the command's name and a
 * pointer to its help, and undefined is returned (the command then exits with 2).
 */
export function parseCommandArgs(command: string, args: string[], spec: OptionSpec, io: CliIO): ParsedArgs | undefined {
  try {
    return parseArgs(args, spec);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${command}: ${error.message}\nRun "saviynt-rest ${command} --help" for its options.`);
    return undefined;
  }
}

export function flag(parsed: ParsedArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = parsed.flags.get(n);
    if (v?.length) return v[v.length - 1];
  }
  return undefined;
}
