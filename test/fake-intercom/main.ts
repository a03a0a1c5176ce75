// CLI: `npm run fake-intercom -- [--port 4599] [--seed-default | --seed-empty] [--manual-clock]
// [--app-version 2.15] [--proxy-latency-ms 150] [--host 127.0.0.1]`.
// Starts the fake Intercom API, prints how to use it, and stops on Ctrl-C.

import { SEEDED_TOKENS, startFakeIntercom, type FakeOptions } from './server.js';

const HELP = `Fake Intercom REST API (local, no Intercom workspace needed)

Options:
  --port <n>               TCP port (default 4599; 0 picks a free one)
  --host <address>         interface to bind (default 127.0.0.1)
  --seed-default           load the default fixture (the default)
  --seed-empty             workspaces and tokens only, no data
  --manual-clock           time stands still unless moved with POST /__fake/clock
  --app-version <v>        version the seeded apps use when no Intercom-Version header is sent (default 2.11)
  --proxy-latency-ms <n>   extra latency when the US host serves an EU/AU token (default 150)
  --help                   this text
`;

function parseArgs(argv: string[]): FakeOptions | null {
  const options: FakeOptions = { port: 4599, proxyLatencyMs: 150, seed: 'default' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--port':
        options.port = Number(value());
        if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port must be 0–65535');
        break;
      case '--host':
        options.host = value();
        options.allowUnknownHosts = true;
        break;
      case '--seed-default':
        options.seed = 'default';
        break;
      case '--seed-empty':
        options.seed = 'empty';
        break;
      case '--manual-clock':
        options.clock = 'manual';
        break;
      case '--app-version':
        options.appVersion = value();
        break;
      case '--proxy-latency-ms':
        options.proxyLatencyMs = Number(value());
        break;
      case '--help':
      case '-h':
        return null;
      default:
        throw new Error(`Unknown option ${arg}; see --help`);
    }
  }
  return options;
}

function banner(url: string, urls: Record<string, string>): string {
  const t = SEEDED_TOKENS;
  return [
    `Fake Intercom API listening on ${url}`,
    '',
    'Base URLs:',
    `  US / auto-routing  ${url}   (serves every token, like https://api.intercom.io)`,
    `  US (explicit)      ${urls.us}`,
    `  EU                 ${urls.eu}   (like https://api.eu.intercom.io)`,
    `  AU                 ${urls.au}   (like https://api.au.intercom.io)`,
    '',
    'Tokens (send "Authorization: Bearer <token>" and "Accept: application/json"):',
    `  ${t.us.padEnd(22)} US workspace "Acme US", all scopes, app on version 2.11`,
    `  ${t.usV215.padEnd(22)} US workspace, app on version 2.15`,
    `  ${t.eu.padEnd(22)} EU workspace "Acme EU" (wrong on the AU host)`,
    `  ${t.au.padEnd(22)} AU workspace "Acme AU" (empty lists)`,
    `  ${t.missingScopes.padEnd(22)} no ticket or write scopes → 403 forbidden`,
    `  ${t.planRestricted.padEnd(22)} plan without tickets → 403 api_plan_restricted`,
    `  ${t.revoked.padEnd(22)} → 401 token_revoked`,
    `  ${t.blocked.padEnd(22)} → 401 token_blocked`,
    '',
    'To point the extension at it, leave the connection files as they are (https://api.intercom.io)',
    'and set, in .vscode/settings.json:',
    `  "saviyntRest.intercom.baseUrl": "${url}",`,
    `  "saviyntRest.http.allowedHosts": ["${new URL(url).host}"]`,
    'then store one of the tokens above with "Saviynt REST: Set Intercom Access Token…".',
    `From the command line: --base-url ${url} --allow-host ${new URL(url).host}. Nothing leaves this machine.`,
    '',
    `Try: curl -H "Authorization: Bearer ${t.us}" -H "Accept: application/json" -H "Intercom-Version: 2.15" ${url}/me`,
    `Test control: POST ${url}/__fake/reset, /__fake/clock, /__fake/tokens, /__fake/faults; GET ${url}/__fake/requests`,
    '',
    'Press Ctrl-C to stop.',
  ].join('\n');
}

async function main(): Promise<void> {
  let options: FakeOptions | null;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  if (!options) {
    process.stdout.write(HELP);
    return;
  }
  const fake = await startFakeIntercom(options);
  process.stdout.write(`${banner(fake.url, fake.urls)}\n`);
  const stop = () => {
    process.stdout.write('\nStopping the fake Intercom API…\n');
    fake.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`Could not start the fake Intercom API: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
