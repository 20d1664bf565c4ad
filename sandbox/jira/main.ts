/**
 * Runs the Jira emulator on its own: `npx tsx sandbox/jira/main.ts [--port 4010] [--size demo|large|huge]
 * [--seed 42] [--anchor 2026-03-10] [--state .sandbox-state/jira.json] [--reset]
 * [--search eventual [--search-lag-ms 2000]]`.
 * With --state, the state is loaded from that file when it exists and saved there on exit
 * (SIGINT/SIGTERM); --reset ignores the saved file and reseeds.
 * Fault knobs come from SANDBOX_JIRA_* environment variables (README.md) or PUT /__sandbox/faults.
 * SANDBOX_JIRA_HOURLY_POINTS turns Jira's rate limits on (rate-limits.ts) with that hourly pool;
 * SANDBOX_JIRA_RATE_LIMITS=documented uses Atlassian's published numbers instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createJiraEmulator } from './emulator';
import { faultsFromEnv } from './faults';
import { DOCUMENTED_RATE_LIMITS, type RateLimitSettings } from './rate-limits';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID, OUTSIDER_ACCOUNT_ID } from './seed/people';
import { SEED_SIZES, type SeedSize } from './seed/index';
import { parseState } from './state/store';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    size: { type: 'string', default: 'demo' },
    seed: { type: 'string', default: '42' },
    anchor: { type: 'string' },
    state: { type: 'string' },
    reset: { type: 'boolean', default: false },
    // Jira Cloud's search lags behind writes (README "Search consistency"); off unless asked for.
    search: { type: 'string', default: 'immediate' },
    'search-lag-ms': { type: 'string', default: '2000' },
  },
});
if (values.search !== 'immediate' && values.search !== 'eventual')
  throw new Error(`--search must be immediate or eventual, not ${values.search}`);

if (!(values.size in SEED_SIZES))
  throw new Error(`--size must be one of ${Object.keys(SEED_SIZES).join(', ')}`);
const anchor = values.anchor === undefined ? undefined : new Date(`${values.anchor}T12:00:00Z`);
if (anchor !== undefined && Number.isNaN(anchor.getTime()))
  throw new Error(`--anchor ${values.anchor} is not a date (YYYY-MM-DD)`);
const stateFile = values.state;
const saved =
  stateFile !== undefined && !values.reset && existsSync(stateFile)
    ? parseState(readFileSync(stateFile, 'utf8'), stateFile)
    : undefined;

function rateLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<RateLimitSettings> | undefined {
  if (env.SANDBOX_JIRA_RATE_LIMITS === 'documented') return DOCUMENTED_RATE_LIMITS;
  const raw = env.SANDBOX_JIRA_HOURLY_POINTS;
  if (raw === undefined || raw === '') return undefined;
  const points = Number(raw);
  if (!Number.isInteger(points) || points <= 0)
    throw new Error(`SANDBOX_JIRA_HOURLY_POINTS=${raw} is not a positive whole number`);
  return { hourlyPoints: points };
}
const rateLimits = rateLimitsFromEnv(process.env);

const emulator = await createJiraEmulator({
  port: Number(values.port),
  ...(saved === undefined
    ? {
        seed: {
          size: values.size as SeedSize,
          seed: Number(values.seed),
          ...(anchor === undefined ? {} : { anchor }),
        },
      }
    : { state: saved }),
  faults: faultsFromEnv(process.env),
  searchConsistency: values.search,
  searchLag: { ms: Number(values['search-lag-ms']) },
  ...(rateLimits === undefined ? {} : { rateLimits }),
});

process.stdout.write(
  [
    `Jira emulator listening on ${emulator.url} (${emulator.state.issues.length} issues${saved === undefined ? ', freshly seeded' : `, loaded from ${stateFile}`})`,
    `Identify as a user with header x-sandbox-account-id: ${ADMIN_ACCOUNT_ID} (project admin), ${MEMBER_ACCOUNT_ID} (member), ${OUTSIDER_ACCOUNT_ID} (no access); or x-sandbox-as-app: true`,
    `Stats: ${emulator.url}/__sandbox/stats   Faults: ${emulator.url}/__sandbox/faults   Search index (${values.search}): ${emulator.url}/__sandbox/search-index`,
    '',
  ].join('\n'),
);

const stop = async () => {
  if (stateFile !== undefined) emulator.store.save(stateFile);
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
