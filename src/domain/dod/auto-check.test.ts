import { describe, expect, it } from 'vitest';
import { evaluateAutoCheck, type AutoCheck } from './auto-check';
import { anIssue } from './testing/generators';

const postmortemLink = {
  type: 'Relates',
  direction: 'outward',
  issueKey: 'PM-4',
  issueType: 'Postmortem',
} as const;

const RULE = '"Relates" link to a postmortem (Task labelled "postmortem")';

describe('auto checks', () => {
  it.each<[string, AutoCheck, Parameters<typeof anIssue>[0], boolean, string]>([
    [
      'an estimate passes hasEstimate',
      { type: 'hasEstimate' },
      { estimate: 5 },
      true,
      'estimate 5',
    ],
    [
      'a zero estimate still counts as an estimate',
      { type: 'hasEstimate' },
      { estimate: 0 },
      true,
      'estimate 0',
    ],
    [
      'a missing estimate fails hasEstimate',
      { type: 'hasEstimate' },
      { estimate: null },
      false,
      'no estimate',
    ],
    [
      'a work type passes hasWorkType',
      { type: 'hasWorkType' },
      { workType: 'toil' },
      true,
      'category toil',
    ],
    [
      'unclassified fails hasWorkType',
      { type: 'hasWorkType' },
      { workType: 'unclassified' },
      false,
      'no category',
    ],
    [
      'no subtasks pass allSubtasksDone',
      { type: 'allSubtasksDone' },
      { subtasks: [] },
      true,
      'no subtasks',
    ],
    [
      'all subtasks done pass',
      { type: 'allSubtasksDone' },
      {
        subtasks: [
          { key: 'BAL-2', done: true },
          { key: 'BAL-3', done: true },
        ],
      },
      true,
      'all 2 subtasks done',
    ],
    [
      'an open subtask fails and is named',
      { type: 'allSubtasksDone' },
      {
        subtasks: [
          { key: 'BAL-2', done: true },
          { key: 'BAL-3', done: false },
        ],
      },
      false,
      '1 of 2 subtasks not done: BAL-3',
    ],
    [
      'a set field passes fieldSet',
      { type: 'fieldSet', field: 'customfield_1', fieldName: 'Release notes' },
      { fields: { customfield_1: 'Adds export' } },
      true,
      'Release notes is set',
    ],
    [
      'a blank string field fails fieldSet',
      { type: 'fieldSet', field: 'customfield_1', fieldName: 'Release notes' },
      { fields: { customfield_1: '  ' } },
      false,
      'Release notes is empty',
    ],
    [
      'an empty list field fails fieldSet',
      { type: 'fieldSet', field: 'fixVersions', fieldName: 'Fix versions' },
      { fields: { fixVersions: [] } },
      false,
      'Fix versions is empty',
    ],
    [
      'an absent field fails fieldSet',
      { type: 'fieldSet', field: 'customfield_1', fieldName: 'Release notes' },
      { fields: {} },
      false,
      'Release notes is empty',
    ],
    ...['constructor', 'toString', '__proto__', 'hasOwnProperty'].map(
      (field): [string, AutoCheck, Parameters<typeof anIssue>[0], boolean, string] => [
        `a field named ${field} that the issue lacks fails fieldSet (not Object.prototype's)`,
        { type: 'fieldSet', field, fieldName: 'Odd field' },
        { fields: {} },
        false,
        'Odd field is empty',
      ],
    ),
    [
      'a label passes labelPresent regardless of case',
      { type: 'labelPresent', label: 'runbook-updated' },
      { labels: ['Runbook-Updated'] },
      true,
      'label "runbook-updated" present',
    ],
    [
      'a missing label fails labelPresent',
      { type: 'labelPresent', label: 'runbook-updated' },
      { labels: ['ops'] },
      false,
      'label "runbook-updated" missing',
    ],
    [
      'a link of the type to the issue type passes linkExists',
      { type: 'linkExists', linkType: 'relates', linkedIssueType: 'Postmortem' },
      { links: [postmortemLink] },
      true,
      '"relates" link to PM-4',
    ],
    [
      'a link to another issue type fails linkExists',
      { type: 'linkExists', linkType: 'Relates', linkedIssueType: 'Postmortem' },
      { links: [{ ...postmortemLink, issueType: 'Story' }] },
      false,
      'no "Relates" link to a Postmortem',
    ],
    [
      'any issue type is fine when none is asked for',
      { type: 'linkExists', linkType: 'Blocks' },
      { links: [{ type: 'Blocks', direction: 'inward', issueKey: 'BAL-9' }] },
      true,
      '"Blocks" link to BAL-9',
    ],
    [
      'no links fail linkExists',
      { type: 'linkExists', linkType: 'Blocks' },
      { links: [] },
      false,
      'no "Blocks" link',
    ],
    [
      'an action of a postmortem passes postmortemLinked',
      { type: 'postmortemLinked' },
      { postmortems: { rule: RULE, keys: ['SHOP-3', 'SHOP-7'] } },
      true,
      'action of postmortem SHOP-3, SHOP-7',
    ],
    [
      'no postmortem fails postmortemLinked, saying the project’s convention',
      { type: 'postmortemLinked' },
      { postmortems: { rule: RULE, keys: [] } },
      false,
      'no "Relates" link to a postmortem (Task labelled "postmortem")',
    ],
    [
      'postmortemLinked fails when the backend did not work the links out',
      { type: 'postmortemLinked' },
      {},
      false,
      'postmortem links unknown',
    ],
  ])('%s', (_name, check, issue, passed, reason) => {
    expect(evaluateAutoCheck(check, anIssue(issue))).toEqual({ passed, reason });
  });
});
