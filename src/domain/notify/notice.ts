/**
 * The four things Ballast tells people about (PRODUCT.md §7, issue #22 item 3), each one event of a
 * transition, never a state: the project's gate entering another state, a burn-rate alert starting,
 * the active sprint's buffer being spent, a postmortem being opened. Plain JSON, so a notice is
 * stored as it is and delivered later (src/app/notify/notice-outbox.ts). Figures are the ones the
 * other screens show, copied from the function that computed them, never recomputed here.
 */
import type { GateState } from '../gate/gate-state';
import type { AlertSeverity } from '../slo/alert-table';

export const NOTICE_EVENTS = ['gate', 'alert', 'buffer', 'postmortem'] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

export const isNoticeEvent = (value: unknown): value is NoticeEvent =>
  typeof value === 'string' && (NOTICE_EVENTS as readonly string[]).includes(value);

interface NoticeBase {
  readonly projectKey: string;
  /** ISO-8601: when Ballast saw the transition. */
  readonly at: string;
}

/** The gate entered `to` (src/app/slo/project-gate-status.ts), with the gate's own statement. */
export interface GateNotice extends NoticeBase {
  readonly kind: 'gate';
  /** The state notified before; null the first time Ballast watches the project. */
  readonly from: GateState | null;
  readonly to: GateState;
  /** `GateStatement.sentences` and `effect` (src/domain/gate/gate-words.ts), as every screen shows them. */
  readonly sentences: readonly string[];
  readonly effect: string;
}

/** A multiwindow burn-rate alert of an SLO started firing (src/domain/slo/alerts.ts). */
export interface AlertNotice extends NoticeBase {
  readonly kind: 'alert';
  readonly slo: string;
  readonly service: string;
  readonly severity: AlertSeverity;
  readonly longWindow: string;
  readonly shortWindow: string;
  readonly longBurnRate: number;
  readonly shortBurnRate: number;
  readonly factor: number;
  /** Share of the budget left, 0–1 (negative when overspent); null without data. */
  readonly budgetRemaining: number | null;
}

/** The work added after the active sprint started went past its buffer (domain/metrics/interrupts.ts). */
export interface BufferNotice extends NoticeBase {
  readonly kind: 'buffer';
  readonly sprintId: string;
  readonly sprintName: string;
  /** The snapshot's `interrupts.value` and `bufferPoints`, in `unit`. */
  readonly added: number;
  readonly buffer: number;
  readonly unit: 'points' | 'items' | 'hours';
}

/** Ballast opened a postmortem issue for an incident (src/app/slo/open-postmortems.ts). */
export interface PostmortemNotice extends NoticeBase {
  readonly kind: 'postmortem';
  readonly slo: string;
  readonly issueKey: string;
  /** Share of the SLO's budget the incident spent, 0–1. */
  readonly budgetShare: number;
  readonly start: string;
  readonly end: string;
}

/** "Send a test" from the settings page. */
export interface TestNotice extends NoticeBase {
  readonly kind: 'test';
}

export type Notice = GateNotice | AlertNotice | BufferNotice | PostmortemNotice | TestNotice;

/**
 * The notice's identity: one transition, one id, so a second sighting of the same transition (a
 * re-run job, a redelivered event) claims the same id and sends nothing. Forge keys allow
 * `[A-Za-z0-9:._\s\-#]` (limits-kvs-ce), so instants lose their other characters.
 */
export function noticeId(notice: Notice): string {
  const instant = (iso: string) => iso.replace(/[^0-9TZ]/g, '');
  const safe = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_');
  switch (notice.kind) {
    case 'gate':
      return `gate.${notice.from ?? 'NONE'}.${notice.to}.${instant(notice.at)}`;
    case 'alert':
      return `alert.${safe(notice.slo)}.${notice.severity}.${instant(notice.at)}`;
    case 'buffer':
      return `buffer.${safe(notice.sprintId)}`;
    case 'postmortem':
      return `postmortem.${safe(notice.slo)}.${instant(notice.start)}`;
    case 'test':
      return `test.${instant(notice.at)}`;
  }
}
