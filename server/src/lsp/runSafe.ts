/**
 * Every request handler runs through here: deferred to the next tick, cancelled
 * requests answer with RequestCancelled, and an exception becomes a logged empty result
 * instead of a crash. Notification and event handlers run through guarded().
 */
import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
export type Logger = (message: string) => void;

/** What a request handler needs of the server: where failures are logged, and one turn of the host's event loop. */
export interface RequestHost {
  readonly log: Logger;
  readonly turn: () => Promise<void>;
}

export function runSafe<T>(host: RequestHost, name: string, fallback: T, token: CancellationToken | undefined, work: () => T | Promise<T>): Promise<T | ResponseError<void>> {
  return new Promise(resolve => {
    // One turn of the host's event loop (Node: setImmediate; a Web Worker: a MessageChannel message).
    void host.turn().then(async () => {
      if (token?.isCancellationRequested) return resolve(cancelled());
      try {
        const result = await work();
        resolve(token?.isCancellationRequested ? cancelled() : result);
      } catch (error) {
        host.log(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        resolve(fallback);
      }
    });
  });
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * A notification or event handler that cannot throw: an exception is logged and the server goes on
 * (notifications have no answer to fall back to).
 */
export function guarded<A extends unknown[]>(log: Logger, name: string, handler: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      handler(...args);
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  };
}
