/**
 * Progress of a sync on stderr. On a terminal one line is redrawn (bar, minutes, current SLO and
 * day, time left); in a log (cron, CI, `2>file`) a plain line is written at each tenth done, so
 * logs stay short.
 */
import type { NetIo } from '../io';

export interface Progress {
  /** `minutes` more of `slo` are done, up to `until`. */
  advance(minutes: number, slo: string, until: number): void;
  /** Prints a line above the bar (retries, warnings). */
  note(text: string): void;
  finish(): void;
}

const WIDTH = 24;

export function progress(io: Pick<NetIo, 'stderr' | 'stderrIsTTY' | 'now'>, totalMinutes: number) {
  const started = io.now();
  let done = 0;
  let lastTenth = 0;
  let drawn = false;
  const line = (slo: string, until: number): string => {
    const share = totalMinutes === 0 ? 1 : done / totalMinutes;
    const elapsed = io.now() - started;
    const left = share > 0 && share < 1 ? Math.round((elapsed / share - elapsed) / 1000) : null;
    const bar = '#'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '.');
    return `sli sync [${bar}] ${Math.floor(share * 100)}% ${done.toLocaleString('en')}/${totalMinutes.toLocaleString('en')} min, ${slo} to ${new Date(until).toISOString().slice(0, 16)}Z${left === null ? '' : `, ~${left} s left`}`;
  };
  const reporter: Progress = {
    advance(minutes, slo, until) {
      done += minutes;
      if (io.stderrIsTTY) {
        io.stderr(`\r\x1b[2K${line(slo, until)}`);
        drawn = true;
        return;
      }
      const tenth = totalMinutes === 0 ? 10 : Math.floor((done / totalMinutes) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        io.stderr(`${line(slo, until)}\n`);
      }
    },
    note(text) {
      io.stderr(`${drawn ? '\r\x1b[2K' : ''}${text}\n`);
      drawn = false;
    },
    finish() {
      if (drawn) io.stderr('\n');
      drawn = false;
    },
  };
  return reporter;
}
