import { describe, expect, it } from 'vitest';
import { FORMER_USER_ID } from '../../contract/people';
import type { JiraPort, JiraUser } from '../../ports/jira';
import { AppError } from '../errors';
import { displayNames } from './display-names';

function jiraAnswering(answer: () => Promise<JiraUser[]>, asked: string[][] = []): JiraPort {
  return {
    getUsers: (ids: readonly string[]) => {
      asked.push([...ids]);
      return answer();
    },
  } as unknown as JiraPort;
}

describe('displayNames', () => {
  it('asks Jira once for the distinct ids and maps each to its name', async () => {
    const asked: string[][] = [];
    const jira = jiraAnswering(
      () => Promise.resolve([{ accountId: 'a', displayName: 'Ada Okafor' }]),
      asked,
    );
    expect(await displayNames(jira, ['a', 'b', 'a', ''])).toEqual({ a: 'Ada Okafor' });
    expect(asked).toEqual([['a', 'b']]);
  });

  it('never looks up a person erased after their account was closed', async () => {
    const asked: string[][] = [];
    const jira = jiraAnswering(() => Promise.resolve([]), asked);
    expect(await displayNames(jira, [FORMER_USER_ID, 'a'])).toEqual({});
    expect(asked).toEqual([['a']]);
  });

  it('makes no call without ids', async () => {
    const asked: string[][] = [];
    expect(
      await displayNames(
        jiraAnswering(() => Promise.resolve([]), asked),
        [],
      ),
    ).toEqual({});
    expect(asked).toEqual([]);
  });

  it('gives no names, rather than no log, when Jira refuses', async () => {
    const refused = jiraAnswering(() =>
      Promise.reject(new AppError('FORBIDDEN', 'Jira refused: read:jira-user')),
    );
    expect(await displayNames(refused, ['a'])).toEqual({});
  });

  it('fails retryably while Jira is down, so a retry shows the names', async () => {
    const down = jiraAnswering(() =>
      Promise.reject(
        new AppError('JIRA_UNAVAILABLE', 'Jira did not answer properly. Try again shortly.', {
          retryable: true,
        }),
      ),
    );
    await expect(displayNames(down, ['a'])).rejects.toMatchObject({ code: 'JIRA_UNAVAILABLE' });
  });

  it('lets a programming error surface', async () => {
    const broken = jiraAnswering(() => Promise.reject(new TypeError('x is undefined')));
    await expect(displayNames(broken, ['a'])).rejects.toThrow(TypeError);
  });
});
