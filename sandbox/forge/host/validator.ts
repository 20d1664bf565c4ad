/**
 * `jira:workflowValidator` with a `function`: called on a transition with
 * `{ issue: { key }, configuration, transition: { from: { id }, to: { id }, modifiedFields? } }`,
 * answering `{ result, errorMessage? }` (manifest-reference/modules/jira-workflow-validator).
 * A function that fails or answers anything else refuses the transition, as an expression that
 * fails to evaluate does.
 */
import { z } from 'zod';
import { findModule, invokeModule, type HostCore } from './invoke';

export interface ValidatorCall {
  issueKey: string;
  fromStatusId: string;
  toStatusId: string;
  configuration?: Record<string, unknown>;
  modifiedFields?: Record<string, unknown>;
}

export interface ValidatorAnswer {
  result: boolean;
  errorMessage?: string;
}

const answer = z.object({ result: z.boolean(), errorMessage: z.string().optional() });

export async function runValidator(
  core: HostCore,
  moduleKey: string,
  call: ValidatorCall,
): Promise<ValidatorAnswer> {
  const module = findModule(core, moduleKey, 'jira:workflowValidator');
  const event = {
    issue: { key: call.issueKey },
    configuration: call.configuration ?? {},
    transition: {
      from: { id: call.fromStatusId },
      to: { id: call.toStatusId },
      ...(call.modifiedFields === undefined ? {} : { modifiedFields: call.modifiedFields }),
    },
    context: { cloudId: core.cloudId, moduleKey },
  };
  try {
    const parsed = answer.safeParse(await invokeModule(core, module, event, undefined));
    if (parsed.success) return parsed.data;
    return { result: false, errorMessage: `Validator ${moduleKey} returned no { result } answer.` };
  } catch (error) {
    return {
      result: false,
      errorMessage: `Validator ${moduleKey} failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export const validatorKeys = (core: HostCore): string[] =>
  core.manifest.modules
    .filter((m) => m.type === 'jira:workflowValidator' && m.functionKey !== undefined)
    .map((m) => m.key);
