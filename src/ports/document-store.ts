/**
 * Versioned documents in the app's storage (project configuration, SLO specs, …). Every write names
 * the version it read; a write that lost a race is refused with a conflict instead of silently
 * overwriting another person's change (optimistic concurrency).
 */
export interface StoredDocument {
  readonly value: unknown;
  /** 1 for the first write, +1 for each later one. */
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/** One stored document with where it is kept, for jobs that read every document. */
export interface ListedDocument extends StoredDocument {
  readonly kind: string;
  readonly id: string;
}

export interface DocumentStore {
  get(kind: string, id: string): Promise<StoredDocument | undefined>;
  /**
   * Every document of every kind, a page at a time (at most 20), in no meaningful order; pass the
   * cursor back for the next page. For whole-store jobs (the personal data report, src/app/privacy).
   */
  list(cursor?: string): Promise<{ documents: ListedDocument[]; cursor?: string }>;
  /** Removes the document (nothing happens when there is none): a project's data deleted by its admin. */
  delete(kind: string, id: string): Promise<void>;
  /**
   * Writes `value` if the stored version is `expectedVersion` (0: the document must not exist yet).
   * Throws an AppError with code CONFLICT when someone else wrote first.
   */
  put(
    kind: string,
    id: string,
    value: unknown,
    expectedVersion: number,
    actor: { accountId: string; at: Date },
  ): Promise<StoredDocument>;
}
