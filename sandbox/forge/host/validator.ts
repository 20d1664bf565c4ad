/**
 * `jira:workflowValidator` with a `function`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-workflow-validator/):
 * Jira calls the function for each transition the admin added the validator to, with an argument
 * holding the issue key and the transition's source and target status ids —
 * `{ issue: { key }, transition: { from: { id }, to: { id } } }`, nothing else (the contract
 * fixture test/fixtures/forge/workflow-validator.json is written from that page) — and reads
 * `{ result, errorMessage? }` back. A function that fails or answers anything else refuses the
 * transition, as an expression that fails to evaluate does (same page).
 */
import { z } from 'zod';
import { findModule, invokeModule, type HostCore } from './invoke';

export interface ValidatorCall {
  issueKey: string;
  fromStatusId: string;
  toStatusId: string;
}

export interface ValidatorAnswer {
  result: boolean;
  errorMessage?: string;
}

const answer = z.object({ result: z.boolean(), errorMessage: z.string().optional() });

/** The argument Jira passes the validator's function, exactly as documented. */
export const validatorEvent = (call: ValidatorCall) => ({
  issue: { key: call.issueKey },
  transition: { from: { id: call.fromStatusId }, to: { id: call.toStatusId } },
});

export const runValidator = (
  core: HostCore,
  moduleKey: string,
  call: ValidatorCall,
): Promise<ValidatorAnswer> => runValidatorEvent(core, moduleKey, validatorEvent(call));

/** Invokes the validator with any argument: tests use it to send forged or broken events. */
export async function runValidatorEvent(
  core: HostCore,
  moduleKey: string,
  event: unknown,
): Promise<ValidatorAnswer> {
  const module = findModule(core, moduleKey, 'jira:workflowValidator');
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
