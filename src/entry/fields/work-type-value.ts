/**
 * The "Ballast category" field's value function (`jira:customField` view.value.function): Jira sends
 * `{ field, issues: [{ id, value }] }` on issue view and stores the values returned, in the same
 * order (manifest-reference/modules/jira-custom-field, "Value function"). Runs as the app, the only
 * identity Forge allows here; it returns only the work type of the issues Jira asked about.
 */
import { z } from 'zod';
import { workTypeFieldValues } from '../../app/issue/work-type-field';
import { jiraAsApp } from '../../adapters/forge/jira/forge-transport';
import { forgeId } from '../forge-id';

// The documented example sends issue ids as JSON numbers; strings of digits are read too.
const payloadSchema = z.looseObject({
  issues: z.array(z.looseObject({ id: forgeId, value: z.unknown() })),
});

export async function workTypeFieldValue(payload: unknown): Promise<(string | null)[]> {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    console.error('Ballast category field: unexpected payload', parsed.error.issues[0]);
    return [];
  }
  const { issues } = parsed.data;
  try {
    return await workTypeFieldValues(
      jiraAsApp(),
      issues.map((i) => i.id),
    );
  } catch (error: unknown) {
    // Keep what Jira has stored rather than blank the field during a Jira hiccup.
    console.error('Ballast category field: could not compute values', error);
    return issues.map((i) => (typeof i.value === 'string' ? i.value : null));
  }
}
