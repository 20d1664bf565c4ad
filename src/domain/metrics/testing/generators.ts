import type {
  ChangeRecord,
  DeploymentRecord,
  IncidentRecord,
  PostmortemActionRecord,
  SprintItemRecord,
  SprintRecord,
} from '../records';

/** Test data with sensible defaults; override only what a test is about. */
export function aSprint(overrides: Partial<SprintRecord> = {}): SprintRecord {
  return {
    id: 'S1',
    name: 'Sprint 1',
    state: 'closed',
    startedAt: '2026-03-02T09:00:00Z',
    completedAt: '2026-03-13T17:00:00Z',
    capacity: 40,
    bufferShare: 0.1,
    ...overrides,
  };
}

/** A committed, completed 3-point feature item in sprint S1. */
export function anItem(overrides: Partial<SprintItemRecord> = {}): SprintItemRecord {
  return {
    issueKey: 'BAL-1',
    sprintId: 'S1',
    workType: 'feature',
    points: 3,
    committed: true,
    addedAfterStart: false,
    removedAfterStart: false,
    completed: true,
    unplanned: false,
    ...overrides,
  };
}

/** An item added after the start as unplanned work. */
export const anInterrupt = (overrides: Partial<SprintItemRecord> = {}): SprintItemRecord =>
  anItem({ committed: false, addedAfterStart: true, unplanned: true, ...overrides });

export function aDeployment(overrides: Partial<DeploymentRecord> = {}): DeploymentRecord {
  return {
    id: 'D1',
    service: 'checkout',
    status: 'success',
    deployedAt: '2026-03-04T12:00:00Z',
    issueKeys: [],
    ...overrides,
  };
}

export function aChange(overrides: Partial<ChangeRecord> = {}): ChangeRecord {
  return {
    issueKey: 'BAL-1',
    createdAt: '2026-03-01T09:00:00Z',
    resolvedAt: null,
    firstInProgressAt: null,
    firstCommitAt: null,
    ...overrides,
  };
}

export function anIncident(overrides: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    key: 'INC-1',
    service: 'checkout',
    startedAt: '2026-03-05T10:00:00Z',
    resolvedAt: '2026-03-05T12:00:00Z',
    ...overrides,
  };
}

export function anAction(overrides: Partial<PostmortemActionRecord> = {}): PostmortemActionRecord {
  return { key: 'ACT-1', createdAt: '2026-03-06T09:00:00Z', resolvedAt: null, ...overrides };
}

/** A small deterministic pseudo-random generator (mulberry32), so bulk data is reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const TYPES = ['feature', 'debt', 'toil', 'reliability', 'unclassified'] as const;
const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();

/** A project's history for benchmarks: `sprints` two-week sprints and `issues` items spread over them. */
export function aProjectHistory({ sprints = 50, issues = 20_000, seed = 7 } = {}) {
  const random = seededRandom(seed);
  const start = Date.UTC(2024, 0, 1);
  const sprintRecords = Array.from({ length: sprints }, (_, i) =>
    aSprint({
      id: `S${i + 1}`,
      name: `Sprint ${i + 1}`,
      startedAt: iso(start + i * 14 * DAY),
      completedAt: iso(start + (i * 14 + 13) * DAY),
    }),
  );
  const items = Array.from({ length: issues }, (_, i) => {
    const added = random() < 0.15;
    return anItem({
      issueKey: `BAL-${i + 1}`,
      sprintId: `S${(i % sprints) + 1}`,
      workType: TYPES[Math.floor(random() * TYPES.length)]!,
      points: random() < 0.05 ? null : 1 + Math.floor(random() * 8),
      committed: !added,
      addedAfterStart: added,
      removedAfterStart: random() < 0.03,
      completed: random() < 0.85,
      unplanned: added && random() < 0.6,
    });
  });
  const end = start + sprints * 14 * DAY;
  const deployments = Array.from({ length: Math.floor(issues / 10) }, (_, i) =>
    aDeployment({
      id: `D${i + 1}`,
      service: i % 3 === 0 ? 'search' : 'checkout',
      deployedAt: iso(start + Math.floor(random() * (end - start))),
      issueKeys: Array.from({ length: 10 }, (_, k) => `BAL-${i * 10 + k + 1}`),
    }),
  );
  const changes = Array.from({ length: issues }, (_, i) => {
    const created = start + Math.floor(random() * (end - start));
    return aChange({
      issueKey: `BAL-${i + 1}`,
      createdAt: iso(created),
      firstInProgressAt: iso(created - 10 * DAY),
      resolvedAt: iso(created + Math.floor(random() * 10 * DAY)),
    });
  });
  const incidents = Array.from({ length: 400 }, (_, i) => {
    const started = start + Math.floor(random() * (end - start));
    return anIncident({
      key: `INC-${i + 1}`,
      service: i % 2 === 0 ? 'checkout' : 'search',
      startedAt: iso(started),
      detectedAt: iso(started + Math.floor(random() * 3_600_000)),
      resolvedAt: iso(started + Math.floor(random() * 2 * DAY)),
      repeatKey: `cause-${i % 40}`,
    });
  });
  const actions = Array.from({ length: 1_000 }, (_, i) => {
    const created = start + Math.floor(random() * (end - start));
    return anAction({
      key: `ACT-${i + 1}`,
      createdAt: iso(created),
      resolvedAt: random() < 0.7 ? iso(created + Math.floor(random() * 30 * DAY)) : null,
    });
  });
  return {
    sprints: sprintRecords,
    items,
    deployments,
    changes,
    incidents,
    actions,
    from: iso(start),
    to: iso(end),
  };
}
