/**
 * The demo's second and third teams (issue #23 item 3), so the portfolio has teams to compare:
 * PAY (Payments) and OPS (Platform Ops), each a company-managed Scrum project with its own board,
 * two-week sprints and a smaller backlog built by the same generator as SHOP from its own seed.
 * They come after SHOP in every counter (issue, changelog, sprint ids), so SHOP's data is the same
 * with or without them. The app seed gives PAY healthy SLOs and OPS a spent budget (FROZEN).
 *
 * Membership differs on purpose: Marco (the demo member) works in PAY but not in OPS, so the
 * portfolio shows him SHOP and PAY only; Ada (admin) sees all three; Nina (outsider) none.
 */
import type { JiraState } from '../state/types';
import { addTeam, type SeedOptions, type TeamPlacement } from './build';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from './people';

export interface DemoTeam {
  readonly key: string;
  readonly name: string;
  readonly placement: TeamPlacement;
  readonly seed: number;
  readonly issues: number;
  readonly closedSprints: number;
  readonly members: readonly string[];
}

export const EXTRA_TEAMS: readonly DemoTeam[] = [
  {
    key: 'PAY',
    name: 'Payments',
    placement: { projectId: '10001', boardId: 2, firstSprintId: 101 },
    seed: 7,
    issues: 160,
    closedSprints: 6,
    members: [MEMBER_ACCOUNT_ID, 'acc-priya-dev', 'acc-tomas-dev'],
  },
  {
    key: 'OPS',
    name: 'Platform Ops',
    placement: { projectId: '10002', boardId: 3, firstSprintId: 201 },
    seed: 11,
    issues: 140,
    closedSprints: 6,
    members: ['acc-lena-sre', 'acc-tomas-dev'],
  },
];

export function addExtraTeams(state: JiraState, shop: SeedOptions): void {
  for (const team of EXTRA_TEAMS) {
    const roles: Record<string, 'Administrators' | 'Members'> = {
      [ADMIN_ACCOUNT_ID]: 'Administrators',
    };
    for (const id of team.members) roles[id] ??= 'Members';
    addTeam(
      state,
      {
        ...shop,
        seed: team.seed,
        issues: team.issues,
        closedSprints: team.closedSprints,
        projectKey: team.key,
        projectName: team.name,
        extraTeams: false,
      },
      team.placement,
      roles,
    );
  }
  state.counters.sprint = Math.max(...state.sprints.map((s) => s.id));
}
