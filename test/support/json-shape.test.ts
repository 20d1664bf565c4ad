import { describe, expect, it } from 'vitest';
import { shapeDifferences } from './json-shape';

describe('shapeDifferences', () => {
  it('finds nothing when keys and JSON types agree, whatever the values', () => {
    expect(
      shapeDifferences({ id: '9', n: 1, tags: ['a'] }, { id: '6', n: 2, tags: ['b'] }),
    ).toEqual([]);
  });

  it('names a number where the docs have a string (the sprint id mistake)', () => {
    expect(shapeDifferences({ sprint: { id: 10 } }, { sprint: { id: '10' } })).toEqual([
      'sprint.id is number; the documented payload has string',
    ]);
  });

  it('names missing and undocumented keys', () => {
    expect(shapeDifferences({ createdDate: 'x' }, { createDate: 'x' })).toEqual([
      'createDate is missing',
      'createdDate is not documented',
    ]);
  });

  it('lets optional keys be missing, opaque values differ inside, nullable ones be null', () => {
    const rules = { optional: ['goal'], opaque: ['status'], nullable: ['assignee'] };
    expect(
      shapeDifferences(
        { status: { anything: 1 }, assignee: null },
        { goal: 'g', status: { id: '1' }, assignee: { accountId: 'a' } },
        rules,
      ),
    ).toEqual([]);
  });

  it('compares every array item with the documented first item', () => {
    expect(shapeDifferences({ issues: [{ id: 1 }, { id: '2' }] }, { issues: [{ id: 3 }] })).toEqual(
      ['issues[].id is string; the documented payload has number'],
    );
  });
});
