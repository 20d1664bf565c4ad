/**
 * What the emulator tells the Forge host, so it can raise Forge product events
 * (`avi:jira:created|updated:issue`, `avi:jira-software:started|closed:sprint`) and call
 * `jira:workflowValidator` functions on transitions. Listeners run after the change is stored;
 * validators run before, and any one refusing stops the transition.
 */
import { EventEmitter } from 'node:events';
import type { ChangeItem, SprintRecord } from './state/types';

export interface IssueRef {
  id: string;
  key: string;
  projectId: string;
  projectKey: string;
}

export interface JiraEventMap {
  'issue:created': { issue: IssueRef; actorAccountId: string };
  'issue:updated': {
    issue: IssueRef;
    actorAccountId: string;
    changelog: { id: string; items: ChangeItem[] };
  };
  'issue:commented': { issue: IssueRef; actorAccountId: string; commentId: string };
  'sprint:created': { sprint: SprintRecord };
  'sprint:started': { sprint: SprintRecord };
  'sprint:closed': { sprint: SprintRecord };
  /** Emitted for every transition request, before validators run (refused ones included). */
  'transition:requested': TransitionRequest;
}

export type JiraEventName = keyof JiraEventMap;

export interface TransitionRequest {
  issue: IssueRef;
  actorAccountId: string;
  transition: { id: string; name: string };
  from: { id: string; name: string; categoryKey: string };
  to: { id: string; name: string; categoryKey: string };
  /**
   * Module keys of the app validators an admin added to this transition (the workflow's
   * configuration): the Forge host runs exactly these. Validators registered here for tests see
   * every transition and may ignore it.
   */
  validators: string[];
}

/** The answer Forge expects from a workflow validator function. */
export interface ValidatorResult {
  result: boolean;
  errorMessage?: string;
}

export type TransitionValidator = (
  request: TransitionRequest,
) => Promise<ValidatorResult> | ValidatorResult;

export class JiraEvents {
  private readonly emitter = new EventEmitter();
  private readonly validators: TransitionValidator[] = [];

  on<E extends JiraEventName>(event: E, listener: (payload: JiraEventMap[E]) => void): () => void {
    this.emitter.on(event, listener);
    return () => this.emitter.off(event, listener);
  }

  emit<E extends JiraEventName>(event: E, payload: JiraEventMap[E]): void {
    this.emitter.emit(event, payload);
  }

  /** Registers a workflow validator; returns a function that removes it. */
  addValidator(validator: TransitionValidator): () => void {
    this.validators.push(validator);
    return () => {
      const index = this.validators.indexOf(validator);
      if (index >= 0) this.validators.splice(index, 1);
    };
  }

  /** Runs the validators in registration order; the first refusal wins, as in Jira. */
  async validate(request: TransitionRequest): Promise<ValidatorResult> {
    for (const validator of this.validators) {
      const outcome = await validator(request);
      if (!outcome.result) return outcome;
    }
    return { result: true };
  }
}
