import type { z } from 'zod';
import { LIMITS, overLimit } from '../limits';
import { quoted } from '../work/validation-error';
import type { DodTemplate } from './dod-template';
import { dodTemplateSchema } from './template-schema';

export type TemplatesValidation =
  | { readonly ok: true; readonly templates: readonly DodTemplate[] }
  | { readonly ok: false; readonly errors: readonly string[] };

/** "template 2 ("default-feature"), item 3 ("code-reviewed"), field check.label" */
function place(raw: unknown, templateIndex: number, path: readonly PropertyKey[]): string {
  const template = Array.isArray(raw) ? (raw[templateIndex] as unknown) : undefined;
  const templateId = idOf(template);
  let where = `template ${templateIndex + 1}${templateId ? ` (${quoted(templateId)})` : ''}`;
  let rest = path;
  if (path[0] === 'items' && typeof path[1] === 'number') {
    const items = (template as { items?: unknown } | undefined)?.items;
    const itemId = idOf(Array.isArray(items) ? (items[path[1]] as unknown) : undefined);
    where += `, item ${path[1] + 1}${itemId ? ` (${quoted(itemId)})` : ''}`;
    rest = path.slice(2);
  }
  return rest.length > 0 ? `${where}, field ${rest.map(String).join('.')}` : where;
}

function idOf(value: unknown): string | undefined {
  const id = (value as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function schemaErrors(raw: unknown, index: number, error: z.ZodError): string[] {
  return error.issues.map((issue) => `${place(raw, index, issue.path)}: ${issue.message}`);
}

function duplicateItemIds(template: DodTemplate): string[] {
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const item of template.items) {
    if (seen.has(item.id)) {
      errors.push(
        `template "${template.id}": item id "${item.id}" is used twice; ids must be unique`,
      );
    }
    seen.add(item.id);
  }
  return errors;
}

/** Two templates for the same work type must not both claim an issue type (or both be generic). */
function overlappingScopes(templates: readonly DodTemplate[]): string[] {
  const claimed = new Map<string, string>();
  const errors: string[] = [];
  for (const template of templates) {
    const scopes = template.issueTypes.length === 0 ? ['*'] : template.issueTypes;
    for (const scope of scopes) {
      const key = `${template.workType}|${scope.toLowerCase()}`;
      const other = claimed.get(key);
      const what = scope === '*' ? 'all issue types' : `issue type "${scope}"`;
      if (other !== undefined && other !== template.id) {
        errors.push(
          `templates "${other}" and "${template.id}" both apply to category ${template.workType} and ${what}; narrow one of them`,
        );
      }
      claimed.set(key, template.id);
    }
  }
  return errors;
}

/**
 * Validates a project's template list from untrusted JSON. Every error names the template, the item
 * and the field, so the settings page can show them as they are.
 */
export function validateDodTemplates(raw: unknown): TemplatesValidation {
  if (!Array.isArray(raw)) return { ok: false, errors: ['templates: must be a list'] };
  if (raw.length > LIMITS.dodTemplates.limit)
    return { ok: false, errors: [`dodTemplates: ${overLimit('dodTemplates', raw.length)}`] };
  const errors: string[] = [];
  const templates: DodTemplate[] = [];
  raw.forEach((candidate: unknown, index) => {
    const parsed = dodTemplateSchema.safeParse(candidate);
    if (!parsed.success) errors.push(...schemaErrors(raw, index, parsed.error));
    else templates.push(parsed.data);
  });
  const ids = new Set<string>();
  for (const template of templates) {
    if (ids.has(template.id)) errors.push(`template id "${template.id}" is used twice`);
    ids.add(template.id);
    errors.push(...duplicateItemIds(template));
  }
  errors.push(...overlappingScopes(templates));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, templates };
}
