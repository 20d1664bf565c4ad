/**
 * Stated limits, clear refusals (issue #19, item 4). Each reported attack, replayed against the real
 * resolvers on the sandbox (whose storage enforces Forge's 240 KiB value and depth-31 limits), is a
 * BAD_REQUEST naming the field and the limit — never INTERNAL — and the whole storage is unchanged.
 * Values exactly at a limit are saved, so the limits are where README's "Limits" table says.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import { LIMITS, type StatedLimit } from '../../src/domain/limits';
import type { Envelope } from '../../src/contract/envelope';
import type { SettingsView } from '../../src/contract/settings';
import type { SloListView } from '../../src/contract/slo';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { callResolver, kvsSnapshot, sloFormFixture } from '../support/resolver-calls';

let sandbox: AppSandbox;
const extension = { project: { key: 'SHOP' } };
const call = <T>(key: string, payload: unknown = {}) =>
  callResolver(sandbox.host, key, ADMIN_ACCOUNT_ID, payload, extension) as Promise<Envelope<T>>;

beforeAll(async () => {
  sandbox = await startAppSandbox();
}, 60_000);
afterAll(async () => {
  await sandbox.close();
});

async function saveWith(part: Record<string, unknown>): Promise<Envelope<SettingsView>> {
  const view = await call<SettingsView>('settings/get');
  if (!view.ok) throw new Error(view.error.message);
  return call<SettingsView>('settings/save', {
    config: { ...view.data.config, ...part },
    version: view.data.version,
  });
}

/** The refusal every over-limit value must get: BAD_REQUEST, the field, the limit, nothing stored. */
async function expectRefused(
  attempt: () => Promise<Envelope<unknown>>,
  expected: { field: string; says: string },
): Promise<void> {
  const before = kvsSnapshot(sandbox.host);
  const answer = await attempt();
  expect(answer.ok, JSON.stringify(answer).slice(0, 300)).toBe(false);
  if (answer.ok) return;
  expect(answer.error.code).toBe('BAD_REQUEST');
  expect(answer.error.field).toBe(expected.field);
  expect(answer.error.message).toContain(expected.says);
  // Truthful and short: no internals, no echo of the oversized value.
  expect(answer.error.message.length).toBeLessThan(1_000);
  expect(answer.error.message).not.toMatch(/native code|stack|TypeError|RangeError|MAX_SIZE/);
  expect(kvsSnapshot(sandbox.host)).toBe(before);
}

const simpleRule = (id: string, when: unknown = { field: 'label', anyOf: ['x'] }) => ({
  id,
  type: 'toil',
  when,
});

/** A condition nested `levels` deep: `{ all: [{ all: [ … { field, anyOf } ] }] }`. */
function nested(levels: number): unknown {
  let when: unknown = { field: 'label', anyOf: ['deep'] };
  for (let i = 1; i < levels; i += 1) when = { all: [when] };
  return when;
}

describe('classification rules', () => {
  it('conditions nested 20 deep are refused naming the rule and the limit (was INTERNAL)', async () => {
    await expectRefused(() => saveWith({ rules: [simpleRule('deep', nested(20))] }), {
      field: 'rule "deep" (#1), field "when"',
      says: 'conditions nest 20 levels deep; at most 5 levels are allowed',
    });
  });

  it('conditions nested 2,000 deep are refused the same way, not a stack overflow', async () => {
    await expectRefused(() => saveWith({ rules: [simpleRule('deeper', nested(2_000))] }), {
      field: 'rule "deeper" (#1), field "when"',
      says: 'conditions nest 2,000 levels deep; at most 5 levels are allowed',
    });
  });

  it('any other part nested deeper than storage allows is refused as config', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 40; i += 1) deep = { a: deep };
    await expectRefused(() => saveWith({ board: deep }), {
      field: 'config',
      says: 'at most 24 levels',
    });
  });

  it('5,000 rules are refused naming the limit (was INTERNAL)', async () => {
    const rules = Array.from({ length: 5_000 }, (_, i) => simpleRule(`r${i}`));
    await expectRefused(() => saveWith({ rules }), {
      field: 'rules',
      says: 'at most 200 rules are allowed; this has 5,000',
    });
  });

  it('a 300 kB keyword is refused naming the rule, the value and the limit (was INTERNAL)', async () => {
    const keyword = 'k'.repeat(300_000);
    await expectRefused(
      () =>
        saveWith({ rules: [simpleRule('long', { field: 'summaryKeyword', anyOf: [keyword] })] }),
      { field: 'rule "long" (#1), field "when.anyOf.0"', says: 'at most 255 characters' },
    );
  });

  it('an unknown key 300 kB long is named without echoing it back', async () => {
    const when = { field: 'label', anyOf: ['x'], ['u'.repeat(300_000)]: 1 };
    await expectRefused(() => saveWith({ rules: [simpleRule('odd', when)] }), {
      field: 'rule "odd" (#1), field "when"',
      says: 'has unknown key(s) uuu',
    });
  });

  it('settings/testRules applies the same limits to unsaved rules', async () => {
    const rules = Array.from({ length: 201 }, (_, i) => simpleRule(`r${i}`));
    await expectRefused(() => call('settings/testRules', { issueKey: 'SHOP-1', rules }), {
      field: 'rules',
      says: 'at most 200 rules are allowed; this has 201',
    });
  });

  it('more values, conditions or a longer id than allowed are refused, each naming its limit', async () => {
    const values = Array.from({ length: 101 }, (_, i) => `v${i}`);
    await expectRefused(
      () => saveWith({ rules: [simpleRule('many', { field: 'label', anyOf: values })] }),
      { field: 'rule "many" (#1), field "when.anyOf"', says: 'at most 100 values' },
    );
    const wide = { any: Array.from({ length: 50 }, () => ({ field: 'label', anyOf: ['x'] })) };
    await expectRefused(() => saveWith({ rules: [simpleRule('wide', wide)] }), {
      field: 'rule "wide" (#1), field "when"',
      says: 'at most 50 conditions are allowed; this has 51',
    });
    await expectRefused(() => saveWith({ rules: [simpleRule('i'.repeat(65))] }), {
      field: `rule "${'i'.repeat(40)}…" (#1), field "id"`,
      says: 'at most 64 characters',
    });
  });

  it('rules exactly at every limit are saved and read back', async () => {
    const at = (i: number) =>
      simpleRule(`r${i}`.padEnd(64, 'x'), i === 0 ? nested(5) : { field: 'label', anyOf: ['x'] });
    const rules = Array.from({ length: 200 }, (_, i) => at(i));
    rules[1] = simpleRule('values'.padEnd(64, 'v'), {
      field: 'summaryKeyword',
      anyOf: Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(255, 'w')),
    });
    const saved = await saveWith({ rules });
    expect(saved.ok, JSON.stringify(saved).slice(0, 300)).toBe(true);
    const read = await call<SettingsView>('settings/get');
    expect(read.ok && read.data.config.rules.length).toBe(200);
    // Back to the defaults for the other tests.
    expect((await saveWith({ rules: [] })).ok).toBe(true);
  });
});

describe('other settings fields', () => {
  it('a 100 kB incident JQL is refused naming the field and the limit (was accepted)', async () => {
    const jql = `issuetype = Incident AND summary ~ "${'x'.repeat(100_000)}"`;
    await expectRefused(() => saveWith({ incidentJql: jql }), {
      field: 'incidentJql',
      says: 'at most 2,000 characters are allowed; this has 100,037',
    });
  });

  it('more DoD templates, exemption labels or component mappings than allowed are refused', async () => {
    const view = await call<SettingsView>('settings/get');
    if (!view.ok) throw new Error(view.error.message);
    const template = view.data.config.dodTemplates[0]!;
    const templates = Array.from({ length: 51 }, (_, i) => ({ ...template, id: `t${i}` }));
    await expectRefused(() => saveWith({ dodTemplates: templates }), {
      field: 'dodTemplates',
      says: 'at most 50 templates are allowed; this has 51',
    });
    const capacity = view.data.config.capacity;
    const labels = Array.from({ length: 51 }, (_, i) => `l${i}`);
    await expectRefused(
      () => saveWith({ capacity: { ...capacity, exemption: { ...capacity.exemption, labels } } }),
      { field: 'policy, field "exemption.labels"', says: 'at most 50 values' },
    );
    const byComponent = Array.from({ length: 201 }, (_, i) => ({
      component: `c${i}`,
      service: 's',
    }));
    await expectRefused(() => saveWith({ incidentServices: { byComponent, otherwise: null } }), {
      field: 'incidentServices, field "byComponent"',
      says: 'at most 200 components are allowed; this has 201',
    });
    await expectRefused(
      () =>
        saveWith({ postmortem: { ...view.data.config.postmortem, issueType: 'p'.repeat(256) } }),
      { field: 'postmortem, field "issueType"', says: 'must be a name of 1–255 characters' },
    );
  });

  it('parts each within their limits that add up to more than one storage value are refused as config', async () => {
    // 200 rules × 5 values × 255 characters: about 270 kB, over Forge's 240 KiB value.
    const rules = Array.from({ length: 200 }, (_, i) =>
      simpleRule(`r${i}`, {
        field: 'summaryKeyword',
        anyOf: Array.from({ length: 5 }, (_, j) => `${j}`.padEnd(255, 'z')),
      }),
    );
    await expectRefused(() => saveWith({ rules }), {
      field: 'config',
      says: 'at most 200,000 bytes are allowed',
    });
  });
});

describe('OpenSLO import and the SLO form', () => {
  const version = async () => {
    const listed = await call<SloListView>('slo/list');
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.data.version;
  };

  it('an alias bomb ("billion laughs") is refused naming the limit (was INTERNAL)', async () => {
    const levels = 'abcdefghi'.split('');
    const yaml = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...levels
        .slice(1)
        .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${levels[i]}`).join(',')}]`),
    ].join('\n');
    await expectRefused(async () => call('slo/import', { yaml, version: await version() }), {
      field: 'yaml',
      says: 'aliases (*name) expand beyond 100 alias uses',
    });
  });

  it('a file over 200,000 characters is refused before it is read', async () => {
    const yaml = `# ${'x'.repeat(200_000)}\n`;
    await expectRefused(async () => call('slo/import', { yaml, version: await version() }), {
      field: 'yaml',
      says: 'it has 200,003 characters; at most 200,000 characters are allowed',
    });
  });

  it('a document nested 5,000 deep is refused naming the limit, not "Maximum call stack"', async () => {
    const yaml = `apiVersion: openslo/v1\nkind: DataSource\nmetadata: {name: x}\nspec: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    await expectRefused(async () => call('slo/import', { yaml, version: await version() }), {
      field: 'yaml',
      says: 'the YAML nests deeper than the 20 levels allowed',
    });
  });

  it('a rolling window longer than 366 days is refused at its line', async () => {
    const yaml = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8').replace(
      /duration: 28d/,
      'duration: 9999d',
    );
    expect(yaml).toContain('9999d');
    await expectRefused(async () => call('slo/import', { yaml, version: await version() }), {
      field: 'yaml',
      says: '"9999d" is longer than the 366 days a rolling window may last',
    });
  });

  it('a 300 kB query in the SLO form is refused naming the field and the limit', async () => {
    const slo = {
      ...sloFormFixture('huge-query'),
      numerator: { type: 'Prometheus', query: `sum(${'a'.repeat(300_000)})` },
    };
    await expectRefused(
      async () => call('slo/save', { originalName: null, slo, version: await version() }),
      { field: 'numerator.query', says: 'at most 4,000 characters' },
    );
  });

  it('SLOs each within the form limits that outgrow one storage value are refused, nothing stored', async () => {
    // Queries of 4,000 characters: about 8 kB an SLO, so the 200,000-byte document fills at ~25.
    const big = (i: number) => ({
      ...sloFormFixture(`big-${i}`),
      numerator: { type: 'Prometheus', query: `sum(${'g'.repeat(3_990)})` },
      total: { type: 'Prometheus', query: `sum(${'t'.repeat(3_990)})` },
    });
    let saved = 0;
    for (; saved < 40; saved += 1) {
      const before = kvsSnapshot(sandbox.host);
      const answer = await call('slo/save', {
        originalName: null,
        slo: big(saved),
        version: await version(),
      });
      if (answer.ok) continue;
      expect(answer.error.code).toBe('BAD_REQUEST');
      expect(answer.error.message).toMatch(
        /^The project's SLOs would take [\d,]+ bytes stored; at most 200,000 are allowed\./,
      );
      expect(kvsSnapshot(sandbox.host)).toBe(before);
      break;
    }
    expect(saved).toBeGreaterThan(20);
    expect(saved).toBeLessThan(30);
  });
});

describe("README's Limits table", () => {
  /** The rows of README's "## Limits" table, cells trimmed (prettier pads them). */
  function readmeRows(): string[][] {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.split(/^## Limits$/m)[1]?.split(/^## /m)[0] ?? '';
    return section
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .slice(2)
      .map((line) =>
        line
          .slice(1, -1)
          .split(' | ')
          .map((cell) => cell.trim()),
      );
  }

  const row = (l: StatedLimit) => [
    `\`${l.field}\``,
    `${l.limit.toLocaleString('en')} ${l.unit}`,
    l.why,
  ];

  it('lists every limit of src/domain/limits.ts with its figure and reason, in order', () => {
    expect(readmeRows()).toEqual(Object.values(LIMITS).map(row));
  });
});
