/** Category colours and names for the investment balance (one tone per type, as the lozenges). */
import type { TypeSplit } from '../../../src/contract/project-page';

export const TYPE_LABEL: Record<TypeSplit['type'], string> = {
  feature: 'Feature',
  debt: 'Debt',
  toil: 'Toil',
  reliability: 'Reliability',
  unclassified: 'Unclassified',
};

export const TYPE_TONE: Record<TypeSplit['type'], string> = {
  feature: 'chart-fill-feature',
  debt: 'chart-fill-debt',
  toil: 'chart-fill-toil',
  reliability: 'chart-fill-reliability',
  unclassified: 'chart-fill-unclassified',
};

export const BALANCE_LEGEND = (Object.keys(TYPE_LABEL) as TypeSplit['type'][]).map((type) => ({
  label: TYPE_LABEL[type],
  tone: TYPE_TONE[type],
}));

export const segmentsOf = (splits: readonly TypeSplit[]) =>
  splits.map((split) => ({
    key: split.type,
    label: TYPE_LABEL[split.type],
    value: split.points,
    tone: TYPE_TONE[split.type],
  }));
