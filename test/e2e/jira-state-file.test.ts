/** The sandbox's Jira state file: atomic writes, only when the state changed. */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JiraState } from '../../sandbox/jira';
import { keepJiraState } from '../../sandbox/shell/jira-state-file';

describe('keepJiraState', () => {
  it('writes when the state changed, and leaves no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-state-'));
    const file = join(dir, 'nested', 'jira.json');
    const state = { version: 1, issues: [] as unknown[] };
    const saver = keepJiraState(file, () => state as unknown as JiraState, 0);
    expect(saver.save()).toBe(true);
    expect(saver.save()).toBe(false);
    state.issues.push({ key: 'SHOP-1' });
    expect(saver.save()).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['jira.json']);
    saver.stop();
  });
});
