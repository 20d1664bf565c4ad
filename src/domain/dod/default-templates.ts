import type { WorkTypeOrUnclassified } from '../work/work-type';
import type { DodItem, DodTemplate } from './dod-template';

/**
 * The default Definition of Done per work type, as in PRODUCT.md §3. Every template starts with the
 * items all work shares. Choices the brief leaves open, made here:
 * - "docs updated" and "postmortem action linked" are optional: not every change has docs or a
 *   postmortem; everything else is required.
 * - "postmortem action linked" is an auto check of the project's postmortem convention
 *   (src/domain/postmortem: by default a "Relates" link to a Task labelled "postmortem"), so it
 *   follows whatever the project calls a postmortem; no new Jira site has a "Postmortem" type.
 * - Unclassified work gets the shared items plus an optional "Category set" auto check, so the
 *   panel nudges people to classify it without blocking the close.
 */
const manual = (id: string, text: string, required = true): DodItem => ({
  id,
  text,
  required,
  kind: 'manual',
});

const SHARED: readonly DodItem[] = [
  manual('acceptance-criteria-met', 'Acceptance criteria met'),
  manual('code-reviewed', 'Code reviewed'),
  manual('tests-pass-in-ci', 'Tests pass in CI'),
  manual('docs-updated', 'Docs updated', false),
];

const SPECIFIC: Readonly<Record<WorkTypeOrUnclassified, readonly DodItem[]>> = {
  feature: [
    manual('rollout-plan', 'Rollout plan or feature flag in place'),
    manual('monitoring-impact-considered', 'Monitoring impact considered'),
  ],
  debt: [manual('behaviour-unchanged', 'Behaviour unchanged')],
  toil: [
    manual('automation-replaces-manual-step', 'Automation replaces the manual step'),
    manual('runbook-updated', 'Runbook updated'),
  ],
  reliability: [
    manual('slo-alert-updated', 'SLO or alert updated'),
    manual('runbook-updated', 'Runbook updated'),
    {
      id: 'postmortem-action-linked',
      text: 'Postmortem action linked',
      required: false,
      kind: 'auto',
      check: { type: 'postmortemLinked' },
    },
  ],
  unclassified: [
    {
      id: 'work-type-set',
      text: 'Category set',
      required: false,
      kind: 'auto',
      check: { type: 'hasWorkType' },
    },
  ],
};

const NAMES: Readonly<Record<WorkTypeOrUnclassified, string>> = {
  feature: 'Feature',
  debt: 'Debt',
  toil: 'Toil',
  reliability: 'Reliability',
  unclassified: 'Unclassified',
};

const template = (workType: WorkTypeOrUnclassified): DodTemplate => ({
  id: `default-${workType}`,
  version: 1,
  name: `${NAMES[workType]} — default Definition of Done`,
  workType,
  issueTypes: [],
  items: [...SHARED, ...SPECIFIC[workType]],
});

export const DEFAULT_DOD_TEMPLATES: readonly DodTemplate[] = [
  template('feature'),
  template('debt'),
  template('toil'),
  template('reliability'),
  template('unclassified'),
];
