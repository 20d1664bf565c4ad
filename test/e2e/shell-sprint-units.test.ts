/**
 * The backlog's sprint actions without a browser or Jira: the Start dialog's fields as the server
 * reads them, the name of a new sprint, which sprint gets Start sprint, and the dialogs' markup.
 */
import { describe, expect, it } from 'vitest';
import type { SprintColumn } from '../../sandbox/shell/backlog-data';
import { backlogBody, startableSprintId } from '../../sandbox/shell/pages/backlog';
import { backlogStateFromQuery } from '../../sandbox/shell/pages/backlog-overlay';
import { completeSprintDialog, startSprintDialog } from '../../sandbox/shell/pages/sprint-dialogs';
import { nextSprintName } from '../../sandbox/shell/sprint-complete';
import {
  endFor,
  parseCompleteForm,
  parseStartForm,
  startDefaults,
} from '../../sandbox/shell/sprint-form';

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const VALID = {
  name: ' SHOP Sprint 10 ',
  duration: '2',
  startDate: '2026-11-20T12:00',
  endDate: '',
  goal: ' Ship it ',
};

describe('the Start sprint form', () => {
  it('reads a fixed duration as its end date, in UTC, trimming name and goal', () => {
    expect(parseStartForm(form(VALID))).toEqual({
      ok: true,
      values: { ...VALID, name: 'SHOP Sprint 10', goal: 'Ship it', endDate: '2026-12-04T12:00' },
      startIso: '2026-11-20T12:00:00.000Z',
      endIso: '2026-12-04T12:00:00.000Z',
    });
  });

  it.each([
    ['1', '2026-11-27T12:00'],
    ['3', '2026-12-11T12:00'],
    ['4', '2026-12-18T12:00'],
  ] as const)('a %s-week sprint from 20 November ends %s', (weeks, end) => {
    expect(endFor('2026-11-20T12:00', weeks, '')).toBe(end);
  });

  it('keeps a custom end date as typed', () => {
    const input = parseStartForm(
      form({ ...VALID, duration: 'custom', endDate: '2026-11-25T17:30' }),
    );
    expect(input.ok && input.endIso).toBe('2026-11-25T17:30:00.000Z');
  });

  it('names every field with a problem and keeps what was typed', () => {
    const input = parseStartForm(
      form({
        name: '  ',
        duration: 'custom',
        startDate: '2026-11-20T12:00',
        endDate: '2026-11-20T12:00',
      }),
    );
    expect(input).toEqual({
      ok: false,
      values: {
        name: '',
        duration: 'custom',
        startDate: '2026-11-20T12:00',
        endDate: '2026-11-20T12:00',
        goal: '',
      },
      errors: {
        name: 'Enter a sprint name.',
        endDate: 'The end date must be after the start date.',
      },
    });
  });

  it('refuses a missing start and an unknown duration', () => {
    const input = parseStartForm(
      form({ name: 'S', duration: '6', startDate: 'soon', endDate: '' }),
    );
    expect(input.ok ? {} : input.errors).toEqual({
      duration: 'Choose a duration.',
      startDate: 'Enter a start date and time.',
      endDate: 'Enter an end date and time.',
    });
  });

  it('keeps a start on the whole minute as it is', () => {
    expect(startDefaults({ name: 'S' }, Date.parse('2026-11-20T12:00:00Z')).startDate).toBe(
      '2026-11-20T12:00',
    );
  });

  it('starts with the sprint name and goal, at the next whole minute, for two weeks', () => {
    expect(
      startDefaults({ name: 'SHOP Sprint 10', goal: 'g' }, Date.parse('2026-11-20T12:00:59Z')),
    ).toEqual({
      name: 'SHOP Sprint 10',
      duration: '2',
      startDate: '2026-11-20T12:01',
      endDate: '2026-12-04T12:01',
      goal: 'g',
    });
  });
});

describe('the Complete sprint form', () => {
  it.each([
    ['backlog', { kind: 'backlog' }],
    ['new', { kind: 'new' }],
    ['10', { kind: 'sprint', sprintId: 10 }],
  ] as const)('reads moveTo=%s', (value, target) => {
    expect(parseCompleteForm(form({ moveTo: value }))).toEqual(target);
  });

  it('refuses a destination that is none of the three', () => {
    expect(() => parseCompleteForm(form({ moveTo: 'elsewhere' }))).toThrow(
      'Choose where the open issues go: the backlog, a sprint or a new sprint.',
    );
  });
});

describe('nextSprintName', () => {
  it('numbers the new sprint after the highest of the board', () => {
    expect(nextSprintName('SHOP Sprint 9', ['SHOP Sprint 10', 'Hotfixes'])).toBe('SHOP Sprint 11');
  });
  it('marks a sprint without a number as the next one', () => {
    expect(nextSprintName('Launch', [])).toBe('Launch (next)');
  });
});

describe('which sprint gets Start sprint', () => {
  const sprint = (id: number, state: string) => ({ id, state }) as SprintColumn;
  it('is the first future sprint while none is active', () => {
    expect(startableSprintId([sprint(10, 'future'), sprint(11, 'future')])).toBe(10);
  });
  it('is none while a sprint is active (no parallel sprints)', () => {
    expect(startableSprintId([sprint(9, 'active'), sprint(10, 'future')])).toBeUndefined();
  });
});

describe('the sprint buttons', () => {
  const column = (id: number, state: string, cards: number) =>
    ({
      id,
      name: `SHOP Sprint ${id}`,
      state,
      goal: undefined,
      startDate: undefined,
      endDate: undefined,
      cards: Array.from({ length: cards }, (_, i) => ({ key: `SHOP-${i + 1}` })),
    }) as unknown as SprintColumn;
  const render = (sprints: SprintColumn[]) =>
    backlogBody({ boardId: 1, boardName: 'SHOP board', sprints, backlog: [] }, 'SHOP', [], [])
      .value;

  it('disables Start sprint on an empty sprint, saying why', () => {
    expect(render([column(10, 'future', 0)]).replace(/\s+/g, ' ')).toContain(
      '<button type="button" class="action" disabled title="Add issues to the sprint to start it." > Start sprint </button>',
    );
  });

  it('links Complete sprint on the active sprint and Start sprint on no other', () => {
    const out = render([column(9, 'active', 0), column(10, 'future', 0)]);
    expect(out).toContain('href="/projects/SHOP/backlog?completeSprint=9"');
    expect(out).not.toContain('Start sprint');
  });
});

describe('the backlog query', () => {
  it.each([
    ['startSprint=10', { kind: 'start', sprintId: 10 }],
    ['completeSprint=9', { kind: 'complete', sprintId: 9 }],
    ['started=10', { kind: 'started', sprintId: 10 }],
    ['completed=9', { kind: 'completed', sprintId: 9 }],
    ['startSprint=x', undefined],
  ] as const)('%s', (query, state) => {
    expect(backlogStateFromQuery(new URLSearchParams(query))).toEqual(state);
  });
});

describe('the dialogs', () => {
  it('labels every Start field and ties a problem to its field', () => {
    const out = startSprintDialog({
      projectKey: 'SHOP',
      sprint: { id: 10, name: 'SHOP Sprint 10', issueCount: 1 },
      values: { ...VALID, duration: 'custom' },
      errors: { endDate: 'The end date must be after the start date.' },
    }).value;
    for (const id of ['name', 'duration', 'startDate', 'endDate', 'goal'])
      expect(out).toContain(`<label for="sprint-${id}">`);
    expect(out).toMatch(
      /id="sprint-endDate" name="endDate"\s+aria-invalid="true"\s+aria-describedby="endDate-error"/,
    );
    expect(out).toContain('1 issue will be included in this sprint.');
    // Custom: the end date is the person's to type.
    expect(out).not.toContain('readonly');
  });

  it('offers no destination when nothing is open, and names done items with open sub-tasks', () => {
    const out = completeSprintDialog({
      projectKey: 'SHOP',
      sprint: { id: 9, name: 'SHOP Sprint 9' },
      tally: { done: ['SHOP-1'], open: [], doneWithOpenSubtasks: ['SHOP-1'] },
      futureSprints: [],
      target: { kind: 'backlog' },
    }).value;
    expect(out).toContain('<input type="hidden" name="moveTo" value="backlog" />');
    expect(out).toContain('SHOP-1: done, with sub-tasks still open.');
  });
});
