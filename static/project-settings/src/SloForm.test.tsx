import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ResolverError } from '../../../src/contract/envelope';
import type { SloListView } from '../../../src/contract/slo';
import { ResolverFailure } from '../../shared/resolver-failure';
import type { Call } from './settings-actions';
import { sloActions } from './slo-actions';
import { SloDelete } from './SloDelete';
import { definitionOf, draftOf, emptyDraft, type SloDraft } from './slo-draft';
import { closedEditor, sloEditorReducer, type SloEditor } from './slo-editor-state';
import { SloForm } from './SloForm';
import { SlosView } from './SlosSection';
import { CHECKOUT, sloList, sloSummary } from './testing/slo-list';

const DEFAULTS = { timeZone: 'Europe/Berlin', year: 2026 };
const noCall = (() => new Promise(() => undefined)) as Call;
const idle = sloActions(
  noCall,
  () => undefined,
  () => undefined,
);

function section(editor: SloEditor, list: SloListView = sloList()): string {
  return renderToStaticMarkup(
    <SlosView
      list={list}
      editor={editor}
      dispatch={() => undefined}
      actions={idle}
      call={noCall}
      onImported={() => undefined}
      onReload={() => undefined}
    />,
  );
}

function form(
  draft: SloDraft,
  options: { isNew?: boolean; busy?: boolean; error?: ResolverError | null } = {},
): string {
  return renderToStaticMarkup(
    <SloForm
      isNew={options.isNew ?? true}
      draft={draft}
      busy={options.busy ?? false}
      error={options.error ?? null}
      services={['checkout', 'search']}
      onChange={() => undefined}
      onSave={() => undefined}
      onCancel={() => undefined}
      onReload={() => undefined}
    />,
  );
}

describe('the SLO section', () => {
  it('gives an admin Edit and Delete on each SLO and an Add button', () => {
    const html = section(closedEditor);
    expect(html).toContain('aria-label="Edit SLO checkout-availability"');
    expect(html).toContain('aria-label="Delete SLO checkout-availability"');
    expect(html).toContain('>Add an SLO</button>');
    expect(html).toContain('Download OpenSLO YAML');
  });

  it('tells a member why they cannot change SLOs, with no buttons to do it', () => {
    const html = section(closedEditor, sloList({ canEdit: false }));
    expect(html).toContain('Only project administrators can add, edit or delete SLOs');
    expect(html).not.toContain('Edit SLO');
    expect(html).not.toContain('Add an SLO');
    expect(html).not.toContain('Import OpenSLO YAML');
  });

  it('says what to do when the project has no SLOs', () => {
    expect(section(closedEditor, sloList({ slos: [] }))).toContain(
      'Add one with the form, or import an OpenSLO file below.',
    );
  });

  it('shows what was just saved', () => {
    const html = section({ mode: 'closed', notice: 'Added the SLO payments-availability.' });
    expect(html).toMatch(/role="status">Added the SLO payments-availability\.</);
  });
});

describe('the SLO form', () => {
  it('starts a new SLO with Prometheus counters, 99.9% over a rolling 28 days', () => {
    const html = form(emptyDraft(DEFAULTS));
    expect(html).toContain('Add an SLO');
    expect(html).toMatch(/id="slo-name"[^>]*value=""/);
    expect(html).toMatch(/id="slo-target"[^>]*value="99.9"/);
    expect(html).toContain('<option value="28d" selected="">Rolling 28 days</option>');
    expect(html).toMatch(/id="slo-numerator-type"[^>]*value="Prometheus"/);
    expect(html).toContain('<option value="checkout">');
    expect(html).not.toContain('id="slo-slice-target"');
    expect(html).toContain('>Add SLO</button>');
  });

  it('edits a stored SLO with its name fixed, saying why', () => {
    const html = form(draftOf(CHECKOUT, DEFAULTS), { isNew: false });
    expect(html).toContain('Edit SLO checkout-availability');
    expect(html).toMatch(/id="slo-name"[^>]*readOnly=""|readOnly=""[^>]*id="slo-name"/i);
    expect(html).toContain('so it cannot change');
    expect(html).toContain('>Save SLO</button>');
  });

  it('offers both alert tables with the SLO’s own checked, and sends the one chosen', () => {
    const html = form({ ...emptyDraft(DEFAULTS), alertTable: 'workbook' });
    expect(html).toMatch(/id="slo-alert-table-workbook"[^>]*checked=""/);
    expect(html).not.toMatch(/id="slo-alert-table-sloth"[^>]*checked=""/);
    expect(html).toContain('SRE Workbook, table 5-8');
    expect(definitionOf({ ...emptyDraft(DEFAULTS), alertTable: 'workbook' }).alertTable).toBe(
      'workbook',
    );
  });

  it('asks for the time zone and first month of a calendar window', () => {
    const html = form({ ...emptyDraft(DEFAULTS), windowChoice: 'quarter' });
    expect(html).toMatch(/id="slo-time-zone"[^>]*value="Europe\/Berlin"/);
    expect(html).toMatch(/type="month"[^>]*value="2026-01"/);
    expect(html).toContain('(January, April, July or October)');
  });

  it('asks for the good-minute threshold with Timeslices, and days for another rolling window', () => {
    const html = form({
      ...emptyDraft(DEFAULTS),
      budgetingMethod: 'Timeslices',
      windowChoice: 'rolling',
    });
    expect(html).toMatch(/id="slo-slice-target"[^>]*value="95"/);
    expect(html).toMatch(/id="slo-window-days"[^>]*value="28"/);
  });

  it('asks a latency SLO for its value query, comparison and threshold instead of two queries', () => {
    const draft: SloDraft = {
      ...emptyDraft(DEFAULTS),
      indicatorKind: 'threshold',
      thresholdQuery: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m])))',
      thresholdOp: 'lte',
      thresholdValue: '0.3',
      budgetingMethod: 'Timeslices',
    };
    const html = form(draft);
    expect(html).toMatch(/id="slo-kind-threshold"[^>]*checked=""/);
    expect(html).toContain('histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m])))</textarea>');
    expect(html).toMatch(/<option value="lte" selected="">≤ \(at most\)<\/option>/);
    expect(html).toMatch(/id="slo-threshold-value"[^>]*value="0.3"/);
    expect(html).not.toContain('id="slo-numerator-query"');
    expect(html).toContain('% of its data points are good');
    expect(definitionOf(draft)).toMatchObject({
      indicatorKind: 'threshold',
      threshold: {
        type: 'Prometheus',
        query: 'histogram_quantile(0.99, sum by (le) (rate(x_bucket[1m])))',
        op: 'lte',
        value: 0.3,
      },
      budgetingMethod: 'Timeslices',
      timeSlicePercent: 95,
    });
    // A blank threshold is sent as null, for the backend to name the field.
    expect(definitionOf({ ...draft, thresholdValue: '' }).threshold?.value).toBeNull();
  });

  it('fills the form of a stored latency SLO and marks its threshold when refused', () => {
    const stored = draftOf(
      {
        ...CHECKOUT,
        indicatorKind: 'threshold',
        threshold: { type: 'Prometheus', query: 'p99', op: 'lt', value: 0.25 },
      },
      DEFAULTS,
    );
    expect([stored.indicatorKind, stored.thresholdOp, stored.thresholdValue]).toEqual([
      'threshold',
      'lt',
      '0.25',
    ]);
    const html = form(stored, {
      isNew: false,
      error: {
        code: 'BAD_REQUEST',
        message: 'Threshold: is required: the number each data point is compared with, e.g. 0.3.',
        retryable: false,
        field: 'threshold.value',
      },
    });
    expect(html).toMatch(/id="slo-threshold-value"[^>]*aria-invalid="true"/);
    expect(html).toContain(
      'id="slo-threshold-value-error" class="field-error">Threshold: is required',
    );
  });

  it('marks the field the backend named, with its message under it', () => {
    const html = form(emptyDraft(DEFAULTS), {
      error: {
        code: 'BAD_REQUEST',
        message: 'Time zone: "Mars/Olympus" is not allowed: an IANA time zone such as UTC',
        retryable: false,
        field: 'window.timeZone',
      },
    });
    // The calendar fields are hidden for a rolling window; the name field is the one shown.
    expect(html).toContain('Not saved');
    const named = form(
      { ...emptyDraft(DEFAULTS), name: 'Bad Name' },
      {
        error: {
          code: 'BAD_REQUEST',
          message: 'Name: "Bad Name" is not allowed: lowercase letters, digits and "-"',
          retryable: false,
          field: 'name',
        },
      },
    );
    expect(named).toMatch(/id="slo-name"[^>]*aria-describedby="slo-name-hint slo-name-error"/);
    expect(named).toMatch(/id="slo-name"[^>]*aria-invalid="true"/);
    expect(named).toContain('id="slo-name-error" class="field-error">Name: &quot;Bad Name&quot;');
    expect(named.match(/aria-invalid="true"/g)).toHaveLength(1);
  });

  it('offers to reload the SLOs after a conflict, keeping the edits', () => {
    const html = form(emptyDraft(DEFAULTS), {
      error: {
        code: 'CONFLICT',
        message: 'Someone else changed this project’s SLOs',
        retryable: false,
      },
    });
    expect(html).toContain('Not saved: the SLOs changed meanwhile');
    expect(html).toContain('Reload the SLOs (your edits stay here)');
  });

  it('disables the fields while saving and says so on the button', () => {
    const html = form(emptyDraft(DEFAULTS), { busy: true });
    expect(html).toMatch(/<fieldset class="form-fieldset" disabled=""/);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Saving…');
  });
});

describe('deleting an SLO', () => {
  const render = (dataUntil: string | null) =>
    renderToStaticMarkup(
      <SloDelete
        slo={sloSummary({ dataUntil })}
        busy={false}
        error={null}
        onDelete={() => undefined}
        onCancel={() => undefined}
        onReload={() => undefined}
      />,
    );

  it('says the stored SLI data stays but is no longer used', () => {
    const html = render('2026-11-20T11:00:00Z');
    expect(html).toContain('Delete the SLO Checkout availability?');
    expect(html).toContain('stays stored but is no longer used');
    expect(html).toContain('pushes for <code>checkout-availability</code> are refused');
    expect(html).toContain('>Delete SLO</button>');
  });

  it('says when there is no data to worry about', () => {
    expect(render(null)).toContain('It has no SLI data yet.');
  });
});

describe('SLO draft and editor state', () => {
  it('reads a stored SLO back to the same definition', () => {
    expect(definitionOf(draftOf(CHECKOUT, DEFAULTS))).toEqual(CHECKOUT);
    const calendar = {
      ...CHECKOUT,
      window: { kind: 'calendar', unit: 'month', timeZone: 'UTC', startMonth: '2026-03' },
      budgetingMethod: 'Timeslices',
      timeSlicePercent: 95,
    } as const;
    expect(definitionOf(draftOf(calendar, DEFAULTS))).toEqual(calendar);
  });

  it('sends blank and non-numeric numbers as null, for the backend to name', () => {
    const slo = definitionOf({
      ...emptyDraft(DEFAULTS),
      targetPercent: ' ',
      windowChoice: 'rolling',
      windowDays: 'x',
    });
    expect(slo.targetPercent).toBeNull();
    expect(slo.window).toEqual({ kind: 'rolling', days: null });
  });

  it('keeps edits when a save fails, and closes with a notice when it succeeds', () => {
    let state = sloEditorReducer(closedEditor, { type: 'add', draft: emptyDraft(DEFAULTS) });
    state = sloEditorReducer(state, { type: 'change', patch: { name: 'payments' } });
    state = sloEditorReducer(state, { type: 'started' });
    expect(state).toMatchObject({ mode: 'edit', busy: true });
    const error = { code: 'CONFLICT', message: 'changed', retryable: false } as const;
    state = sloEditorReducer(state, { type: 'failed', error });
    expect(state).toMatchObject({ mode: 'edit', busy: false, error, draft: { name: 'payments' } });
    expect(sloEditorReducer(state, { type: 'done', notice: 'Added' })).toEqual({
      mode: 'closed',
      notice: 'Added',
    });
  });

  it('saves against the list version and shows the answer', async () => {
    const sent: unknown[] = [];
    const shown: SloListView[] = [];
    const actions: string[] = [];
    const answer = sloList({ version: 2 });
    const call = ((key: string, payload: unknown) => {
      sent.push({ key, payload });
      return Promise.resolve(answer);
    }) as Call;
    await sloActions(
      call,
      (a) => actions.push(a.type),
      (l) => shown.push(l),
    ).save({
      originalName: null,
      draft: { ...emptyDraft(DEFAULTS), name: 'payments', service: 'checkout' },
      version: 1,
    });
    expect(sent).toMatchObject([
      { key: 'slo/save', payload: { originalName: null, version: 1, slo: { name: 'payments' } } },
    ]);
    expect(shown).toEqual([answer]);
    expect(actions).toEqual(['started', 'done']);
  });

  it('passes a refusal with its field to the form', async () => {
    const failure = new ResolverFailure({
      code: 'BAD_REQUEST',
      message: 'Service: is required',
      retryable: false,
      field: 'service',
    });
    const call = (() => Promise.reject(failure)) as Call;
    const actions: unknown[] = [];
    await sloActions(
      call,
      (a) => actions.push(a),
      () => undefined,
    ).remove({ name: 'x', version: 1 });
    expect(actions).toEqual([{ type: 'started' }, { type: 'failed', error: failure.error }]);
  });
});
