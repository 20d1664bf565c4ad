/**
 * A Jira id as Forge hands it over: documented as a string of digits in events and module contexts
 * (events-reference/jira-software `Sprint.id`, manifest-reference/modules/jira-project-page
 * `board.id`), a JSON number in a few places (the custom field value function's issue ids). Both
 * are read as a positive whole number; anything else is refused, never coerced (`z.coerce` would
 * turn "" into 0, true into 1 and " 7 " into 7).
 */
import { z } from 'zod';

export const FORGE_ID_MESSAGE = 'must be a string of digits (or a positive whole number)';

const error = FORGE_ID_MESSAGE;

export const forgeId = z.union(
  [
    z.number({ error }).int({ error }).positive({ error }).max(Number.MAX_SAFE_INTEGER, { error }),
    z
      .string({ error })
      .regex(/^[1-9]\d{0,15}$/, { error })
      .transform(Number)
      .refine(Number.isSafeInteger, { error }),
  ],
  { error },
);
