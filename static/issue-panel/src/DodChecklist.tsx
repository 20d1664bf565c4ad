import { useId } from 'react';
import type { IssueView } from '../../../src/contract/issue-panel';
import { formatWhen, formatWho } from '../../shared/format';
import { shownItems, type ShownItem } from './panel-state';

interface Props {
  readonly dod: IssueView['dod'];
  readonly viewer: string | undefined;
  /** Names of the people who ticked items (IssueView.people). */
  readonly people?: IssueView['people'];
  readonly pendingTicks: Readonly<Record<string, boolean>>;
  readonly onTick: (itemId: string, done: boolean) => void;
}

/** "2 required items open" or "Ready to close", from the backend's evaluation. */
export function closeStatus(dod: IssueView['dod']): string {
  if (dod.complete) return 'Ready to close';
  const open = dod.openRequired.length;
  return `${open} required ${open === 1 ? 'item' : 'items'} open`;
}

/** The Definition of Done: progress, then each item (manual ones tickable, automatic ones not). */
export function DodChecklist({ dod, viewer, people = {}, pendingTicks, onTick }: Props) {
  const headingId = useId();
  if (dod.template === null)
    return (
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId} className="section-title">
          Definition of Done
        </h2>
        <p className="empty">
          No Definition of Done applies to this issue. A project admin can add a template for its
          category in the Ballast project settings.
        </p>
      </section>
    );
  const progressText = `${dod.done} of ${dod.total} done`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId} className="section-title">
          Definition of Done
        </h2>
        <span className="subtlest">{dod.template.name}</span>
      </div>
      <div className="progress-row">
        <div
          className="progress"
          role="progressbar"
          aria-label="Definition of Done progress"
          aria-valuemin={0}
          aria-valuemax={dod.total}
          aria-valuenow={dod.done}
          aria-valuetext={progressText}
        >
          <div
            className={`progress-fill${dod.complete ? ' progress-complete' : ''}`}
            style={{ width: dod.total === 0 ? '0%' : `${(dod.done / dod.total) * 100}%` }}
          />
        </div>
        <span className="progress-text">{progressText}</span>
        <span className={`status-text ${dod.complete ? 'status-ready' : 'status-open'}`}>
          {closeStatus(dod)}
        </span>
      </div>
      {dod.outdated && (
        <p className="subtlest">
          The Definition of Done changed since this checklist was started; ticks of items that still
          exist are kept.
        </p>
      )}
      <ul className="checklist">
        {shownItems(dod.items, pendingTicks).map((item) => (
          <ChecklistItem
            key={item.id}
            item={item}
            viewer={viewer}
            people={people}
            onTick={onTick}
          />
        ))}
      </ul>
    </section>
  );
}

function ChecklistItem({
  item,
  viewer,
  people,
  onTick,
}: {
  item: ShownItem;
  viewer: string | undefined;
  people: IssueView['people'];
  onTick: (itemId: string, done: boolean) => void;
}) {
  const inputId = useId();
  const detailId = useId();
  const done = item.state === 'done';
  const auto = item.kind === 'auto';
  const detail = auto ? item.reason : manualDetail(item, viewer, people);
  return (
    <li className={`check-item${done ? ' check-done' : ''}`} data-item-id={item.id}>
      <input
        id={inputId}
        type="checkbox"
        className="checkbox"
        checked={done}
        disabled={auto}
        aria-busy={item.pending}
        aria-describedby={detail === undefined ? undefined : detailId}
        onChange={(event) => {
          // A tick in flight is not sent again; the box stays focused for keyboard users.
          if (!auto && !item.pending) onTick(item.id, event.currentTarget.checked);
        }}
      />
      <div className="check-body">
        <label htmlFor={inputId} className="check-label">
          {item.text}
          <span className={`flag ${item.required ? 'flag-required' : 'flag-optional'}`}>
            {item.required ? 'Required' : 'Optional'}
          </span>
          {auto && <span className="flag flag-auto">Automatic</span>}
        </label>
        {detail !== undefined && (
          <div id={detailId} className="check-detail">
            {detail}
          </div>
        )}
        {item.pending && <div className="check-detail">Saving…</div>}
      </div>
    </li>
  );
}

function manualDetail(item: ShownItem, viewer: string | undefined, people: IssueView['people']) {
  if (item.pending || item.by === undefined) return undefined;
  const who = formatWho(item.by, viewer, people);
  const verb = item.state === 'done' ? 'Ticked' : 'Unticked';
  return (
    <>
      {verb} by {who}
      {item.at !== undefined && (
        <>
          {' on '}
          <time dateTime={item.at}>{formatWhen(item.at)}</time>
        </>
      )}
    </>
  );
}
