/**
 * What replacing a project's SLOs with an imported set does, by name: the SLOs added, those whose
 * definition changed, those deleted (their pushed SLI data stays stored but is no longer used).
 */
import type { SloSpec } from './spec';

export interface SloSetChange {
  readonly added: readonly string[];
  readonly replaced: readonly string[];
  readonly deleted: readonly string[];
}

const byName = (a: string, b: string): number => a.localeCompare(b);

export function sloSetChange(before: readonly SloSpec[], after: readonly SloSpec[]): SloSetChange {
  const old = new Map(before.map((spec) => [spec.name, JSON.stringify(spec)]));
  const fresh = new Set(after.map((spec) => spec.name));
  return {
    added: after
      .filter((spec) => !old.has(spec.name))
      .map((spec) => spec.name)
      .sort(byName),
    replaced: after
      .filter((spec) => old.has(spec.name) && old.get(spec.name) !== JSON.stringify(spec))
      .map((spec) => spec.name)
      .sort(byName),
    deleted: before
      .filter((spec) => !fresh.has(spec.name))
      .map((spec) => spec.name)
      .sort(byName),
  };
}
