/**
 * The error boundary of every command, without VS Code (unit-tested): an exception a command did not
 * expect is logged (with its stack) and put in plain words, every secret the extension knows masked
 * on the way. What happens next depends on who ran the command: a person (no `silent` argument)
 * sees the message; a script (`{silent: true}`) gets the command's failure result, or the error
 * itself when the command has no failure result.
 */

export interface BoundaryHost {
  /** Writes to the extension's log. */
  logError(text: string): void;
  /** Shows the message to the user (not awaited). */
  showError(message: string): void;
  /** Masks every known secret in a text. */
  redact(text: string): Promise<string>;
}

export interface BoundaryOptions<R> {
  /** The result a failed run returns (commands whose result has an `ok` slot). */
  failure?: (message: string) => R;
}

/** True when the command was run by a script that asked for no UI (`{silent: true}` as first argument). */
export function isSilentRun(args: readonly unknown[]): boolean {
  const first = args[0];
  return !!first && typeof first === 'object' && (first as { silent?: unknown }).silent === true;
}

/** The error's own words (its message, else its name or text), without a trailing full stop. */
export function reasonOf(error: unknown): string {
  const text = error instanceof Error ? (error.message || error.name) : typeof error === 'string' ? error : (() => {
    try { return JSON.stringify(error) ?? String(error); } catch { return String(error); }
  })();
  return (text.trim() || 'an unknown error').replace(/\.+$/, '');
}

/** What the user reads: what failed, why, and where the details are. */
export function failureMessage(title: string, reason: string): string {
  return `${title} could not finish: ${reason}. The details are in the output (Saviynt REST: Show Output).`;
}

/** Wraps a command handler in the boundary. */
export function withBoundary<A extends unknown[], R>(title: string, run: (...args: A) => R | Promise<R>, host: BoundaryHost,
  options: BoundaryOptions<R> = {}): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await run(...args);
    } catch (error) {
      const silent = isSilentRun(args);
      const reason = await host.redact(reasonOf(error)).catch(() => '(the reason could not be shown safely)');
      const stack = error instanceof Error && error.stack ? await host.redact(error.stack).catch(() => '') : '';
      const message = failureMessage(title, reason);
      host.logError(`${title} failed: ${reason}${stack ? `\n${stack}` : ''}`);
      if (!silent) host.showError(message);
      if (options.failure) return options.failure(message);
      if (silent) throw error;
      return undefined;
    }
  };
}
