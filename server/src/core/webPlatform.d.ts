/**
 * The few Web-platform APIs the core uses that the ECMAScript library does not define. Every host
 * the engine runs in has them with these shapes: Node >= 20 (globals), browsers and Web Workers.
 * They are declared here, deliberately and minimally, instead of loading the DOM or Node types,
 * so that the core tsconfig (types: [], an ES lib only) still rejects everything else: node:*,
 * Buffer, process, setImmediate, the DOM (document, window), vscode.
 *
 *   URL                        parsing the addresses of calls and tenants (runner, eic)
 *   TextEncoder / TextDecoder  UTF-8 of files, packages and secrets
 *   AbortController/-Signal,
 *   Response, fetch            the HTTP runner's default transport (hosts may pass their own fetch)
 *   setTimeout / clearTimeout  the runner's real clock (tests and hosts inject their own EngineClock)
 *
 * Only the members the core reads are declared; add one here only when a host without it is not
 * a target. Node-only APIs are never declared: they go to a node/ folder and are injected.
 * The root tsconfig excludes this file (the DOM and Node types declare the full APIs there).
 */

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly origin: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
  href: string;
  toString(): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

interface AbortSignal {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

declare class AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

interface Headers {
  forEach(callback: (value: string, name: string) => void): void;
  get(name: string): string | null;
}

interface Response {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  text(): Promise<string>;
}

declare function fetch(input: string, init?: {
  method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal; redirect?: 'manual' | 'follow' | 'error';
}): Promise<Response>;

declare function setTimeout(callback: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
