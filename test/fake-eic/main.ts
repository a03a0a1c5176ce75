// CLI: `npm run fake-eic -- [--port 4600] [--host 127.0.0.1] [--manual-clock] [--<knob> <value>]…`.
// Knobs also come from the environment (FAKE_EIC_<KNOB>) and POST /__fake/config. Prints the base
// URL and the user, and stops on Ctrl-C.

import { configFromEnv, defaultConfig } from './config.js';
import { DEFAULT_USER, startFakeEic, type FakeEicOptions } from './server.js';

const HELP = `Fake EIC (Saviynt Enterprise Identity Cloud) REST API, local, for deploy / pull / diff

Options:
  --port <n>            TCP port (default 4600; 0 picks a free one)
  --host <address>      interface to bind (default 127.0.0.1)
  --manual-clock        time stands still unless moved with POST /__fake/clock
  --<knob> <value>      any knob of POST /__fake/config, e.g. --eic-version 24.10,
                        --connection-json-readback omit|ciphertext|plaintext, --update-mode merge|replace,
                        --token-ttl-seconds 60, --target-test-fails true, --restrict-api-by-sav-role true,
                        --rate-limit-every-n 3, --std-response false, --job-duration-seconds 5
  --help                this text

Knobs: ${Object.keys(defaultConfig()).join(', ')}
`;

function camel(flag: string): string {
  return flag.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function parse(argv: string[]): FakeEicOptions | null {
  const options: FakeEicOptions = { port: 4600, ...configFromEnv(process.env) };
  const defaults = defaultConfig() as unknown as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return null;
    if (arg === '--manual-clock') { options.clock = 'manual'; continue; }
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value`);
    if (arg === '--port') { options.port = Number(value); continue; }
    if (arg === '--host') { options.host = value; continue; }
    const key = camel(arg);
    if (!(key in defaults)) throw new Error(`Unknown option ${arg}; see --help`);
    const d = defaults[key];
    (options as Record<string, unknown>)[key] = typeof d === 'number' ? Number(value) : typeof d === 'boolean' ? /^(1|true|yes|on)$/i.test(value) : Array.isArray(d) ? JSON.parse(value) : value;
  }
  return options;
}

async function main(): Promise<void> {
  let options: FakeEicOptions | null;
  try { options = parse(process.argv.slice(2)); } catch (e) { process.stderr.write(`${(e as Error).message}\n`); process.exitCode = 2; return; }
  if (!options) { process.stdout.write(HELP); return; }
  const fake = await startFakeEic(options);
  process.stdout.write([
    `Fake EIC listening on ${fake.url}`,
    '',
    `Tenant URL: ${fake.url}   (the API is under ${fake.url}/ECM)`,
    `User: ${DEFAULT_USER.username}   password: ${DEFAULT_USER.password}   (a throw-away credential of this fake only)`,
    `EIC version ${fake.config.eicVersion}, ConnectionJSON read-back "${fake.config.connectionJsonReadback}", updates "${fake.config.updateMode}"`,
    '',
    'In VS Code: set "saviyntRest.eic.url" to the tenant URL, then run Saviynt REST: Set EIC Credentials.',
    `On the command line: EIC_USER=${DEFAULT_USER.username} EIC_PASSWORD=… saviynt-rest diff <folder> --eic-url ${fake.url} --eic-user-env EIC_USER --eic-password-env EIC_PASSWORD`,
    `Test control: POST ${fake.url}/__fake/config, /__fake/reset, /__fake/clock, /__fake/faults; GET ${fake.url}/__fake/requests`,
    '',
    'Press Ctrl-C to stop.',
  ].join('\n') + '\n');
  const stop = () => { fake.close().then(() => process.exit(0), () => process.exit(1)); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`Could not start the fake EIC: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
