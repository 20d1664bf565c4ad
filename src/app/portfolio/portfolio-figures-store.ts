/**
 * The portfolio's part of each project's snapshot (portfolio-row.ts `figuresOf`), written beside
 * the snapshot at every recompute under `metrics:<project>:portfolio`, so the portfolio reads a few
 * KB per project, 20 projects a call, instead of every snapshot whole. Written after the snapshot's
 * head: if that write fails the record is one recompute behind until the next (hourly) one. A
 * project whose record is missing (snapshots stored before it existed) is served from its snapshot.
 */
import type { MetricsSnapshot } from '../../contract/project-page';
import type { KeyValueStore } from '../../ports/key-value-store';
import { METRICS_RECORD_SCHEMA_VERSION } from '../metrics/snapshot-store';
import { figuresOf, type PortfolioFigures } from './portfolio-row';

export const portfolioFiguresKey = (projectKey: string) => `metrics:${projectKey}:portfolio`;

interface StoredFigures {
  readonly schemaVersion: typeof METRICS_RECORD_SCHEMA_VERSION;
  readonly figures: PortfolioFigures;
}

export async function savePortfolioFigures(
  kv: KeyValueStore,
  snapshot: MetricsSnapshot,
): Promise<void> {
  const record: StoredFigures = {
    schemaVersion: METRICS_RECORD_SCHEMA_VERSION,
    figures: figuresOf(snapshot),
  };
  await kv.set(portfolioFiguresKey(snapshot.projectKey), record);
}

/** The stored figures of each project that has them (another version reads as missing). */
export async function loadPortfolioFigures(
  kv: KeyValueStore,
  projectKeys: readonly string[],
): Promise<Map<string, PortfolioFigures>> {
  const found = new Map<string, PortfolioFigures>();
  for (let i = 0; i < projectKeys.length; i += 20) {
    const keys = projectKeys.slice(i, i + 20);
    const page = await kv.getMany<StoredFigures>(keys.map(portfolioFiguresKey));
    for (const key of keys) {
      const record = page.get(portfolioFiguresKey(key));
      if (record?.schemaVersion === METRICS_RECORD_SCHEMA_VERSION) found.set(key, record.figures);
    }
  }
  return found;
}
