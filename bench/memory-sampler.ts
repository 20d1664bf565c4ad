/**
 * Peak memory of a run: samples `process.memoryUsage()` (rss and heapUsed) every few milliseconds
 * while `fn` runs and reports the peaks and their growth over the level before it started. The
 * benchmarks run the app, the Forge host and the Jira emulator in one process, so the growth is an
 * upper bound of what the app itself needed; it is held against Forge's 512 MB per invocation
 * (developer.atlassian.com/platform/forge/platform-quotas-and-limits: "Memory: 512 MB").
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export const FORGE_MEMORY_MB = 512;

const MB = 2 ** 20;

export interface MemoryPeak {
  readonly baseRssMb: number;
  readonly peakRssMb: number;
  readonly baseHeapMb: number;
  readonly peakHeapMb: number;
}

/** A full garbage collection, so the level before a run is not inflated by the previous one. */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

export async function measurePeakMemory<T>(
  fn: () => Promise<T>,
  everyMs = 10,
): Promise<{ value: T; peak: MemoryPeak }> {
  collectGarbage();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  };
  const timer = setInterval(sample, everyMs);
  try {
    const value = await fn();
    sample();
    return {
      value,
      peak: {
        baseRssMb: base.rss / MB,
        peakRssMb: peakRss / MB,
        baseHeapMb: base.heapUsed / MB,
        peakHeapMb: peakHeap / MB,
      },
    };
  } finally {
    clearInterval(timer);
  }
}

const mb = (n: number) => `${n.toFixed(0)} MB`;

/** "peak rss 410 MB (+95 MB); peak heapUsed 230 MB (+80 MB)". */
export function describePeak(peak: MemoryPeak): string {
  return (
    `peak rss ${mb(peak.peakRssMb)} (+${mb(peak.peakRssMb - peak.baseRssMb)}); ` +
    `peak heapUsed ${mb(peak.peakHeapMb)} (+${mb(peak.peakHeapMb - peak.baseHeapMb)})`
  );
}
