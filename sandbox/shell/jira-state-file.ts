/**
 * Keeps the emulator's state on disk: written atomically (temporary file, then rename, so a crash
 * mid-write never leaves a half file that the next start would refuse), at start for a fresh seed,
 * every few seconds when it changed (so a killed sandbox loses little), and at a clean stop.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { JiraState } from '../jira';

export interface StateSaver {
  /** Writes the state if it changed since the last write; returns whether it wrote. */
  save(): boolean;
  stop(): void;
}

export function keepJiraState(
  file: string,
  state: () => JiraState,
  intervalMs: number,
): StateSaver {
  let last = '';
  const save = (): boolean => {
    const text = JSON.stringify(state());
    if (text === last) return false;
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
    last = text;
    return true;
  };
  const timer = intervalMs > 0 ? setInterval(save, intervalMs) : undefined;
  timer?.unref();
  return { save, stop: () => clearInterval(timer) };
}
