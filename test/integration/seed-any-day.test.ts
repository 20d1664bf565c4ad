/**
 * The demo seed on any "today": `npm start` anchors it at the current UTC day, and the tests at the
 * test clock's start, so it must hold the same situations whatever the day — across sprint
 * boundaries (a "today" at 00:00 or 23:59:59.999 UTC), month and year ends, leap days and the days
 * clocks change in Europe and the USA. The seed works in UTC; these are the invariants the other
 * tests rely on:
 * - the active sprint contains every instant of the anchor's UTC day, so "now" is inside it for the
 *   whole day a test or a sandbox runs on, and the closed sprints all ended before it;
 * - nothing is dated after the anchor (no change, creation or resolution in the future);
 * - two anchors at the same time of day give the same state shifted by whole days, so every figure
 *   computed from it (velocity, predictability, shares, interrupts…) is the same on every day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSeed } from '../../sandbox/jira/seed/index';
import type { JiraState } from '../../sandbox/jira/state/types';
import { TEST_NOW } from '../support/test-clock';

const DAY = 86_400_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** Days on which date arithmetic tends to go wrong, each at noon UTC like the default anchor. */
const HARD_DAYS = [
  '2026-01-01', // year start
  '2026-02-28', // end of a short month
  '2026-03-08', // USA: clocks go forward
  '2026-03-29', // EU: clocks go forward
  '2026-03-31', // month end
  '2026-10-25', // EU: clocks go back
  '2026-11-01', // USA: clocks go back
  '2026-12-31', // year end
  '2028-02-29', // leap day
  '2031-06-15', // years ahead
].map((day) => new Date(`${day}T12:00:00Z`));

/** Every instant in the state, as ms since the epoch, found wherever it is written. */
function instants(value: unknown, found: number[] = []): number[] {
  if (typeof value === 'string' && ISO_INSTANT.test(value)) found.push(Date.parse(value));
  else if (Array.isArray(value)) for (const item of value) instants(item, found);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) instants(item, found);
  return found;
}

/** The state with each instant written as its offset from the anchor, in ms. */
function relativeTo(state: JiraState, anchor: Date): string {
  return JSON.stringify(state, (_key, value: unknown) =>
    typeof value === 'string' && ISO_INSTANT.test(value)
      ? `anchor${Date.parse(value) - anchor.getTime() >= 0 ? '+' : ''}${Date.parse(value) - anchor.getTime()}`
      : value,
  );
}

function checkInvariants(anchor: Date): void {
  const { state, summary } = buildSeed({ anchor });
  const dayStart = Math.floor(anchor.getTime() / DAY) * DAY;
  expect(summary.sprints).toEqual({ closed: [1, 2, 3, 4, 5, 6, 7, 8], active: 9, future: 10 });
  expect(summary.issueCount).toBe(400);
  const active = state.sprints.find((s) => s.state === 'active')!;
  expect(Date.parse(active.startDate!)).toBeLessThanOrEqual(dayStart);
  expect(Date.parse(active.endDate!)).toBeGreaterThanOrEqual(dayStart + DAY);
  for (const sprint of state.sprints.filter((s) => s.state === 'closed'))
    expect(Date.parse(sprint.completeDate!)).toBeLessThanOrEqual(Date.parse(active.startDate!));
  // Sprints' planned end dates lie ahead; everything that happened lies behind the anchor.
  const { sprints, ...happened } = state;
  expect(Math.max(...instants(happened))).toBeLessThanOrEqual(anchor.getTime());
  const closedDates = sprints.filter((s) => s.state === 'closed');
  expect(Math.max(...instants(closedDates))).toBeLessThanOrEqual(anchor.getTime());
}

describe('the demo seed on any day', () => {
  const reference = relativeTo(buildSeed({ anchor: TEST_NOW }).state, TEST_NOW);

  it.each(HARD_DAYS.map((day) => [day.toISOString().slice(0, 10), day] as const))(
    'on %s is the test clock’s seed shifted by whole days, with its invariants',
    (_name, anchor) => {
      expect(relativeTo(buildSeed({ anchor }).state, anchor)).toBe(reference);
      checkInvariants(anchor);
    },
  );

  it.each([
    ['the first instant of a day', '2026-12-04T00:00:00.000Z'],
    ['the last instant of a day', '2026-12-04T23:59:59.999Z'],
    ['the last instant of a year', '2026-12-31T23:59:59.999Z'],
  ])('holds its invariants when "today" is %s', (_name, iso) => {
    checkInvariants(new Date(iso));
  });

  it('holds its invariants on any day and time from 2000 to 2100', () => {
    fc.assert(
      fc.property(
        // fast-check 4 also draws Invalid Date unless told not to; "today" is always a real instant.
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (anchor) => {
          checkInvariants(anchor);
        },
      ),
      { numRuns: 25 },
    );
  });
});
