/** The page's sections, in the order of the left navigation. */
export const SECTIONS = [
  { id: 'capacity', title: 'Capacity policy', form: true },
  { id: 'rules', title: 'Classification rules', form: true },
  { id: 'dod', title: 'Definition of Done', form: true },
  { id: 'dod-enforcement', title: 'Team-managed DoD', form: true },
  { id: 'incidents', title: 'Incidents', form: true },
  { id: 'error-budget', title: 'Error-budget policy', form: true },
  // The SLO list and import have their own resolvers; the linked SLOs below them are configuration.
  { id: 'slos', title: 'SLOs', form: true },
  { id: 'push', title: 'Push API', form: false },
  { id: 'notify', title: 'Notifications', form: false },
  { id: 'audit', title: 'Audit log', form: false },
  // Export and delete (issue #24): project administrators only, so members never see it.
  { id: 'data', title: 'Your Ballast data', form: false, adminOnly: true },
] as const;

/** The sections a person sees: the admin-only ones only for those who may edit. */
export const visibleSections = (canEdit: boolean) =>
  SECTIONS.filter((s) => canEdit || !('adminOnly' in s));

export type SectionId = (typeof SECTIONS)[number]['id'];

/**
 * Which section a backend refusal is about, from the field it names ("policy, field …", "rule …",
 * "template …"), so the navigation can point at it.
 */
export function sectionOfProblem(message: string): SectionId | null {
  if (/errorBudget/.test(message)) return 'error-budget';
  if (/\bpostmortem\b/.test(message)) return 'incidents';
  if (/\bpolicy\b|\bboard\b/.test(message)) return 'capacity';
  if (/\brules?\b/.test(message)) return 'rules';
  if (/\btemplates?\b/.test(message)) return 'dod';
  if (/incidentJql|incidentServices/.test(message)) return 'incidents';
  if (/teamManagedDod/.test(message)) return 'dod-enforcement';
  if (/sloIds/.test(message)) return 'slos';
  return null;
}
