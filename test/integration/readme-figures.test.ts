/**
 * README.md's figures of the sandbox are what `npm start` seeds (issue #18): the number of demo
 * deployments comes from one constant of the seed, the same on every weekday the sandbox starts on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEMO_DEPLOYMENT_DAYS,
  DEMO_DEPLOYMENTS,
  demoDeployments,
} from '../../sandbox/app-seed/seed-app';
import { TEST_NOW } from '../support/test-clock';

const DAY_MS = 86_400_000;

describe('the demo deployments', () => {
  it('are 48 whichever weekday the seed runs on, all before it and on working days', () => {
    expect(DEMO_DEPLOYMENTS).toBe(48);
    for (let offset = 0; offset < 7; offset += 1) {
      const end = TEST_NOW.getTime() + offset * DAY_MS;
      const list = demoDeployments(end, []);
      expect(list).toHaveLength(48);
      for (const d of list) {
        expect(Date.parse(d.finishedAt)).toBeLessThan(end);
        expect([0, 6]).not.toContain(new Date(d.finishedAt).getUTCDay());
      }
      // Every id is distinct: a push of the same id twice would count once.
      expect(new Set(list.map((d) => d.id)).size).toBe(48);
    }
  });

  it('are the number README.md and sandbox/README.md promise', () => {
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(`AT_RISK, and ${DEMO_DEPLOYMENTS} deployments`);
    const sandboxReadme = readFileSync('sandbox/README.md', 'utf8').replace(/\s+/g, ' ');
    expect(sandboxReadme).toContain(
      `and ${DEMO_DEPLOYMENTS} production deployments (two a working day over the last ${DEMO_DEPLOYMENT_DAYS} working days`,
    );
  });
});
