/**
 * DocumentStore on Forge's key-value store: one custom entity, `ballast-document` (declared in
 * manifest.yml under app.storage.entities), so writes can be conditional on the stored `version` in
 * a KVS transaction — the only conditional write Forge storage offers (transactions with entity
 * conditions; developer.atlassian.com/platform/forge/storage-reference/transactions/).
 */
// Named import: the default export is not the store under plain Node ESM (CommonJS interop).
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { AppError } from '../../../app/errors';
import type {
  DocumentStore,
  ListedDocument,
  StoredDocument,
} from '../../../ports/document-store';

export const DOCUMENT_ENTITY = 'ballast-document';

interface DocumentRecord {
  version: number;
  body: unknown;
  updatedAt: string;
  updatedBy: string;
}

const keyOf = (kind: string, id: string): string => `${kind}:${id}`;

const toDocument = (record: DocumentRecord): StoredDocument => ({
  value: record.body,
  version: record.version,
  updatedAt: record.updatedAt,
  updatedBy: record.updatedBy,
});

function conflict(kind: string, id: string): AppError {
  return new AppError(
    'CONFLICT',
    `Someone else changed this ${kind} (${id}) since you opened it. Reload to see their change, then apply yours again.`,
  );
}

export class ForgeDocumentStore implements DocumentStore {
  async get(kind: string, id: string): Promise<StoredDocument | undefined> {
    const record = await kvs.entity<DocumentRecord>(DOCUMENT_ENTITY).get(keyOf(kind, id));
    return record === undefined ? undefined : toDocument(record);
  }

  /**
   * Every document through the entity's `updatedBy` index (manifest.yml app.storage.entities): every
   * document has that attribute, so a query without a condition on it reads them all, 20 a page
   * (the query limit; developer.atlassian.com/platform/forge/storage-reference/storage-api-custom-entities/).
   */
  async list(cursor?: string): Promise<{ documents: ListedDocument[]; cursor?: string }> {
    let query = kvs.entity<DocumentRecord>(DOCUMENT_ENTITY).query().index('updatedBy').limit(20);
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await query.getMany();
    return {
      documents: page.results.map(({ key, value }) => {
        const at = key.indexOf(':');
        return { ...toDocument(value), kind: key.slice(0, at), id: key.slice(at + 1) };
      }),
      ...(page.nextCursor ? { cursor: page.nextCursor } : {}),
    };
  }

  async put(
    kind: string,
    id: string,
    value: unknown,
    expectedVersion: number,
    actor: { accountId: string; at: Date },
  ): Promise<StoredDocument> {
    const key = keyOf(kind, id);
    const record: DocumentRecord = {
      version: expectedVersion + 1,
      body: value,
      updatedAt: actor.at.toISOString(),
      updatedBy: actor.accountId,
    };
    try {
      if (expectedVersion === 0) {
        await kvs
          .entity<DocumentRecord>(DOCUMENT_ENTITY)
          .set(key, record, { keyPolicy: 'FAIL_IF_EXISTS' });
      } else {
        await kvs
          .transact()
          .set(key, record, {
            entityName: DOCUMENT_ENTITY,
            conditions: new Filter<DocumentRecord>().and(
              'version',
              FilterConditions.equalTo(expectedVersion),
            ),
          })
          .execute();
      }
    } catch (error: unknown) {
      // Whatever code the platform used, a refused conditional write means someone wrote first when
      // the stored version is no longer the one we read.
      const current = await this.get(kind, id);
      if ((current?.version ?? 0) !== expectedVersion) throw conflict(kind, id);
      throw error;
    }
    return toDocument(record);
  }
}
