import { describe, expect, it } from 'vitest';
import { classify } from '../work/classify';
import { DEFAULT_RULES } from '../work/default-rules';
import { evaluateSprintPlan } from './evaluate-sprint-plan';
import { proposeRebalance } from './rebalance';
import type { SprintItem } from './sprint-item';
import { fixedPolicy } from './testing/sprint-items';

// The path a resolver takes: classify Jira issues with the default rules, evaluate the sprint under
// the gate, propose a rebalance. Capacity 40 points, gate AT_RISK: feature 14–16 points, reliability
// 12–14, debt and toil 2–6 each, 36 points plannable.
type Issue = {
  key: string;
  issueType: string;
  labels: string[];
  points: number | null;
  rank: string;
};
const toItem = (issue: Issue): SprintItem => ({
  key: issue.key,
  type: classify({ ...issue, summary: '', components: [] }, DEFAULT_RULES).type,
  estimate: issue.points,
  rank: issue.rank,
  labels: issue.labels,
});

const sprint: Issue[] = [
  { key: 'PAY-1', issueType: 'Story', labels: [], points: 8, rank: '0|a' },
  { key: 'PAY-2', issueType: 'Story', labels: [], points: 5, rank: '0|b' },
  { key: 'PAY-3', issueType: 'Story', labels: ['security'], points: 3, rank: '0|c' },
  { key: 'PAY-4', issueType: 'Story', labels: [], points: 5, rank: '0|d' },
  { key: 'PAY-5', issueType: 'Task', labels: ['refactor'], points: 3, rank: '0|e' },
  { key: 'PAY-6', issueType: 'Task', labels: ['toil'], points: 3, rank: '0|f' },
  { key: 'PAY-7', issueType: 'Bug', labels: [], points: 5, rank: '0|g' },
  { key: 'PAY-8', issueType: 'Task', labels: [], points: null, rank: '0|h' },
];
const backlog: Issue[] = [
  { key: 'PAY-20', issueType: 'Bug', labels: [], points: 5, rank: '0|k' },
  { key: 'PAY-21', issueType: 'Task', labels: ['slo'], points: 3, rank: '0|l' },
  { key: 'PAY-22', issueType: 'Story', labels: [], points: 2, rank: '0|m' },
];
const input = {
  policy: fixedPolicy(40),
  gateState: 'AT_RISK' as const,
  items: sprint.map(toItem),
  backlog: backlog.map(toItem),
};

describe('a planning session under an AT_RISK gate', () => {
  it('finds feature over and reliability under, and PAY-8 not ready', () => {
    const result = evaluateSprintPlan(input);
    expect([
      result.violations.map((v) =>
        v.kind === 'share' ? `${v.type} ${v.direction} ${v.amount}` : v.kind,
      ),
      result.notReady,
    ]).toEqual([
      ['feature over 5', 'reliability under 7'],
      [{ key: 'PAY-8', reasons: ['noEstimate', 'unclassified'] }],
    ]);
  });

  it('moves the lowest-ranked features out and pulls the top reliability items in, keeping the security story', () => {
    const result = proposeRebalance(input);
    expect([result.moves.map((m) => `${m.direction} ${m.key}`), result.compliant]).toEqual([
      ['out PAY-4', 'in PAY-20', 'in PAY-21'],
      true,
    ]);
  });
});
