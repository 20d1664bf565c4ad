/**
 * Resolvers of the error-budget gate's time-boxed overrides: `gate/overrides`,
 * `gate/recordOverride`, `gate/endOverride` (src/contract/gate.ts). The project comes from the
 * module's context; the project-admin check for changes is in the use cases.
 */
import { z } from 'zod';
import {
  endGateOverride,
  listGateOverrides,
  recordGateOverride,
  type GateOverrideDeps,
} from '../../app/gate/gate-overrides';
import { GATE_OVERRIDE_REASON_MAX, type GateContract } from '../../contract/gate';
import { projectContext, readPayload } from './context';

type Handlers = {
  [K in keyof GateContract]: (
    payload: unknown,
    context: unknown,
  ) => Promise<GateContract[K]['response']>;
};

const schemas = {
  // Blank and over-long reasons and out-of-range hours are refused by the use case with a message
  // a person can act on; the schema only bounds what is read.
  record: z.object({
    reason: z.string({ error: 'is required' }).max(GATE_OVERRIDE_REASON_MAX * 4),
    hours: z.number({ error: 'is required' }),
  }),
  end: z.object({ id: z.string().min(1).max(64) }),
};

const projectOf = (raw: unknown) => projectContext(raw, 'the error-budget gate from a project');

export function gateResolvers(deps: { gateDeps: () => GateOverrideDeps }): Handlers {
  return {
    'gate/overrides': (_payload, context) =>
      listGateOverrides(deps.gateDeps(), projectOf(context).projectKey),
    'gate/recordOverride': (payload, context) => {
      const place = projectOf(context);
      const input = readPayload(schemas.record, payload);
      return recordGateOverride(deps.gateDeps(), { ...place, ...input });
    },
    'gate/endOverride': (payload, context) => {
      const place = projectOf(context);
      const input = readPayload(schemas.end, payload);
      return endGateOverride(deps.gateDeps(), { ...place, id: input.id });
    },
  };
}
