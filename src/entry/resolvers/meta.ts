import pkg from '../../../package.json' with { type: 'json' };
import type { ResponseOf } from '../../contract/resolvers';
import { WORK_TYPES } from '../../domain/work/work-type';

/** `meta/about`: what the UI needs to greet the user before any project data is loaded. */
export function about(): ResponseOf<'meta/about'> {
  return { app: 'Ballast', version: pkg.version, workTypes: WORK_TYPES };
}
