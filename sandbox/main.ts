/**
 * `npm start`: the local Ballast sandbox. Starts the Jira emulator (state in .sandbox-state/, kept
 * across restarts), the app's real backend (src/index.ts, manifest.yml) on the Forge runtime, and
 * the Jira-like shell, then prints the URL.
 *
 *   npm start                      # http://127.0.0.1:4848
 *   npm start -- --reset           # reseed Jira and the app's data (SLOs, SLI, deployments)
 *   npm start -- --reset --seed frozen   # the same, with the error budget spent (gate FROZEN)
 *   npm start -- --port 5000 --state-dir /tmp/ballast-state
 *
 * Fault knobs: SANDBOX_JIRA_* environment variables (sandbox/README.md). Ctrl-C saves and stops.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { faultsFromEnv } from './jira';
import { loadAppModule } from './shell/app-module';
import { startSandbox } from './shell/sandbox';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4848' },
    'state-dir': { type: 'string', default: '.sandbox-state' },
    reset: { type: 'boolean', default: false },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: 'demo' },
    // SHOP alone, without the portfolio's second and third teams (PAY, OPS).
    'single-team': { type: 'boolean', default: false },
  },
});

if (!['demo', 'frozen', 'none'].includes(values.seed))
  throw new Error(`--seed ${values.seed}: use demo (gate AT_RISK), frozen (budget spent) or none`);
const appSeed = values.seed as 'demo' | 'frozen' | 'none';

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`--port ${values.port} is not a port number`);

// One line per step, each with the seconds since this process started, so a log (or CI) reads
// where the time went; never a carriage return that piles every step onto one line.
const step = (text: string) =>
  process.stdout.write(`  [${(performance.now() / 1000).toFixed(1).padStart(5)} s] ${text}\n`);

const rootDir = fileURLToPath(new URL('..', import.meta.url));
step(`Loading the app (src/index.ts, manifest.yml)`);
const appModule = loadAppModule(rootDir);
step(`Starting the Jira emulator and the shell (state in ${values['state-dir']})`);
const sandbox = await startSandbox({
  port,
  host: values.host,
  stateDir: values['state-dir'],
  reset: values.reset,
  rootDir,
  appModule,
  faults: faultsFromEnv(process.env),
  appSeed,
  teams: !values['single-team'],
  onSeedProgress: (text) => step(`Seeding Ballast's data: ${text}`),
});

const faults = sandbox.jira.faults.settings;
const faulty = faults.latencyMs > 0 || faults.rate429 + faults.rate5xx + faults.rateTimeout > 0;
process.stdout.write(
  [
    `Ballast sandbox: ${sandbox.url}`,
    sandbox.appSeed
      ? `  App data seeded (${sandbox.appSeed.variant}): ${sandbox.appSeed.slos} SLOs, ${sandbox.appSeed.sliPoints} SLI minutes, ${sandbox.appSeed.deployments} deployments in ${(sandbox.appSeed.ms / 1000).toFixed(1)} s`
      : '  App data: as saved (or --seed none)',
    values['single-team']
      ? '  One team (SHOP): --single-team'
      : '  Teams: SHOP, PAY (healthy) and OPS (frozen) — the portfolio: Apps → Ballast portfolio, and Dashboards',
    `  Jira emulator ${sandbox.jira.url} (${sandbox.jira.state.issues.length} issues, ${sandbox.loadedState ? `state loaded from ${sandbox.stateFile}` : 'freshly seeded'})`,
    `  Switch between Ada (project admin) and Marco (member) in the top bar.`,
    faulty ? `  Fault knobs on: ${JSON.stringify(faults)}` : '  Fault knobs off (SANDBOX_JIRA_*).',
    '  Ctrl-C saves the state and stops.',
    '',
  ].join('\n'),
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`\n${signal}: saving the sandbox state to ${sandbox.stateFile}\n`);
  sandbox.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Could not stop the sandbox cleanly', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
