import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/work';
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';
import { parseProjectConfig } from './project-config';
import { missingForConvention, requirePostmortemConvention } from './postmortem-setting';

const problems = (input: unknown): string[] => {
  try {
    parseProjectConfig(input);
    return [];
  } catch (error: unknown) {
    if (error instanceof ValidationError) return [...error.problems];
    throw error;
  }
};

/** A site with a new company-managed software project's issue types and the default link types. */
const newSite = {
  projectIssueTypes: () => Promise.resolve(['Epic', 'Story', 'Task', 'Bug', 'Subtask']),
  issueLinkTypes: () =>
    Promise.resolve(['Blocks', 'Cloners', 'Duplicate', 'Relates'].map((name) => ({ name }))),
} as unknown as JiraPort;

describe('the postmortem convention setting', () => {
  it('defaults to a Task labelled "postmortem", actions linked by "Relates", overdue after 56 days', () => {
    expect(parseProjectConfig({}).postmortem).toEqual({
      issueType: 'Task',
      label: 'postmortem',
      actionLinkType: 'Relates',
      actionSlaDays: 56,
    });
  });

  it('keeps a configuration saved before the setting existed readable, with the default', () => {
    expect(
      parseProjectConfig({ schemaVersion: 2, incidentJql: 'issuetype = Bug' }).postmortem,
    ).toMatchObject({ issueType: 'Task', actionLinkType: 'Relates' });
  });

  it('takes a site’s own type without a label, names trimmed; absent fields keep their default', () => {
    expect(
      parseProjectConfig({ postmortem: { issueType: ' Postmortem ', label: null } }).postmortem,
    ).toEqual({
      issueType: 'Postmortem',
      label: null,
      actionLinkType: 'Relates',
      actionSlaDays: 56,
    });
    expect(parseProjectConfig({ postmortem: { label: '' } }).postmortem.label).toBeNull();
  });

  it('names every bad field', () => {
    expect(
      problems({
        postmortem: { issueType: '', actionLinkType: 7, actionSlaDays: 0, colour: 'red' },
      }),
    ).toEqual([
      'postmortem, field "colour": unknown; allowed: issueType, label, actionLinkType, actionSlaDays',
      'postmortem, field "actionLinkType": must be a name',
      'postmortem, field "issueType": must be a name of 1–255 characters',
      'postmortem, field "actionSlaDays": must be a whole number of days, 1–365',
    ]);
    expect(problems({ postmortem: 'Task' })).toEqual(['field "postmortem": must be an object']);
  });
});

describe('the postmortem convention against the site', () => {
  it('finds the defaults on a new site (names matched without case)', async () => {
    expect(await missingForConvention(newSite, 'SHOP', parseProjectConfig({}).postmortem)).toEqual(
      [],
    );
    expect(
      await missingForConvention(newSite, 'SHOP', {
        ...parseProjectConfig({}).postmortem,
        issueType: 'task',
        actionLinkType: 'RELATES',
      }),
    ).toEqual([]);
  });

  it('refuses the save naming the missing type and link type, and what the site has', async () => {
    const save = requirePostmortemConvention(newSite, 'SHOP', {
      postmortem: { issueType: 'Postmortem', actionLinkType: 'Postmortem action' },
    });
    await expect(save).rejects.toThrow(AppError);
    await expect(save).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      options: { field: 'postmortem' },
      message:
        'The configuration was not saved: field "postmortem.issueType": project SHOP has no issue type "Postmortem" (it has: Epic, Story, Task, Bug, Subtask); field "postmortem.actionLinkType": the site has no issue link type "Postmortem action" (it has: Blocks, Cloners, Duplicate, Relates). Create it in Jira (README, "Postmortems") or name one that exists.',
    });
  });
});
