import type { WorkTypeOrUnclassified } from '../work/work-type';
import type { DodTemplate } from './dod-template';

/**
 * The template an issue follows: among the project's templates for its work type, one narrowed to
 * its issue type wins over a generic one. `undefined` when the project has none for that work type
 * (then the issue has no Definition of Done and nothing is gated). validateDodTemplates guarantees
 * at most one candidate per level.
 */
export function selectTemplate(
  templates: readonly DodTemplate[],
  issue: { readonly workType: WorkTypeOrUnclassified; readonly issueType: string },
): DodTemplate | undefined {
  const issueType = issue.issueType.toLowerCase();
  let generic: DodTemplate | undefined;
  for (const template of templates) {
    if (template.workType !== issue.workType) continue;
    if (template.issueTypes.some((type) => type.toLowerCase() === issueType)) return template;
    if (template.issueTypes.length === 0) generic ??= template;
  }
  return generic;
}
