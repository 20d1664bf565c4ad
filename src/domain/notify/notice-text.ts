/**
 * A notice in words, the same on every channel (Jira email, Slack, Teams): a title, the sentences
 * with the figures, and the link to the page that shows them. Percentages are written to one
 * decimal and burn rates to one decimal with "×", as the project page writes them; the gate's
 * sentences are the gate statement's own (src/domain/gate/gate-words.ts).
 */
import { GATE_STATE_WORDS } from '../gate/gate-state';
import type { Notice } from './notice';

export type NoticeTone = 'danger' | 'warning' | 'success' | 'information';

export interface NoticeText {
  readonly title: string;
  readonly lines: readonly string[];
  readonly tone: NoticeTone;
  /** The Ballast page to open, and what it is called. */
  readonly link: { readonly url: string; readonly label: string };
}

/** Where a notice links to: the project page, and the issue a postmortem notice is about. */
export interface NoticeLinks {
  readonly projectPage: string;
  readonly issue: (issueKey: string) => string;
}

const percent = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
const rate = (value: number) => `${(Math.round(value * 10) / 10).toFixed(1)}×`;
const amount = (value: number, unit: string) => `${Math.round(value * 10) / 10} ${unit}`;
/** "2026-11-20 12:00 UTC": a stored message has no viewer, so the zone is said. */
const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function noticeText(notice: Notice, links: NoticeLinks): NoticeText {
  const page = { url: links.projectPage, label: `Ballast for ${notice.projectKey}` };
  switch (notice.kind) {
    case 'gate': {
      const from = notice.from === null ? '' : ` (was ${GATE_STATE_WORDS[notice.from]})`;
      return {
        title: `${notice.projectKey}: the error-budget gate is ${GATE_STATE_WORDS[notice.to]}${from}`,
        lines: [...notice.sentences, notice.effect],
        tone:
          notice.to === 'FROZEN'
            ? 'danger'
            : notice.to === 'AT_RISK'
              ? 'warning'
              : notice.to === 'HEALTHY'
                ? 'success'
                : 'information',
        link: page,
      };
    }
    case 'alert':
      return {
        title: `${notice.projectKey}: ${notice.severity} alert on SLO ${notice.slo}`,
        lines: [
          `The error budget of ${notice.slo} (service ${notice.service}) is burning at ${rate(notice.longBurnRate)} over ${notice.longWindow} and ${rate(notice.shortBurnRate)} over ${notice.shortWindow}, above the ${rate(notice.factor)} that fires a ${notice.severity} alert.`,
          notice.budgetRemaining === null
            ? 'Budget left: no data.'
            : `Budget left: ${percent(notice.budgetRemaining)}.`,
        ],
        tone: notice.severity === 'page' ? 'danger' : 'warning',
        link: page,
      };
    case 'buffer':
      return {
        title: `${notice.projectKey}: the buffer of ${notice.sprintName} is spent`,
        lines: [
          `Work added after the sprint started: ${amount(notice.added, notice.unit)}, over the buffer of ${amount(notice.buffer, notice.unit)}${notice.buffer > 0 ? ` (${percent(notice.added / notice.buffer)} of it)` : ''}.`,
          'What is added from now on takes its room from the planned work.',
        ],
        tone: 'warning',
        link: page,
      };
    case 'postmortem':
      return {
        title: `${notice.projectKey}: postmortem ${notice.issueKey} opened`,
        lines: [
          `One incident spent ${percent(notice.budgetShare)} of the error budget of SLO ${notice.slo}, from ${utc(notice.start)} to ${utc(notice.end)}.`,
          `Ballast opened ${notice.issueKey} for its postmortem: link the actions to it so they are tracked to closure.`,
        ],
        tone: 'danger',
        link: { url: links.issue(notice.issueKey), label: notice.issueKey },
      };
    case 'test':
      return {
        title: `${notice.projectKey}: a test notice from Ballast`,
        lines: [
          'Ballast sends its notices here: the gate changing state, an alert starting, the sprint buffer spent, a postmortem opened.',
        ],
        tone: 'information',
        link: page,
      };
  }
}
