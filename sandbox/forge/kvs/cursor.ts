/**
 * Opaque page cursors: the position of the last item returned (its sort value and key), so a page
 * continues after it even when items are added or removed in between. Forge's cursors are opaque
 * too and must not be persisted (runtime-reference/storage-api-query).
 */
import { z } from 'zod';
import { badRequest } from './errors';

export interface Position {
  sort?: string | number;
  key: string;
}

const position = z.object({ sort: z.union([z.string(), z.number()]).optional(), key: z.string() });

export const encodeCursor = (at: Position): string =>
  Buffer.from(JSON.stringify(at), 'utf8').toString('base64url');

export function decodeCursor(cursor: string | undefined): Position | undefined {
  if (cursor === undefined) return undefined;
  try {
    return position.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw badRequest('INVALID_CURSOR', 'The provided cursor is invalid.');
  }
}
