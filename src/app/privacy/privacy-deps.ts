/** What the personal data report and the erasure work with (src/app/privacy). */
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import type { PersonalDataReporting } from '../../ports/personal-data-reporting';
import type { IssueWriteLock } from '../issue/issue-write-lock';

/** `personal-data-reported:<accountId>`: when the account was last reported (ReportedRecord). */
export const REPORTED_PREFIX = 'personal-data-reported:';

export interface ReportedRecord {
  readonly schemaVersion: 1;
  readonly reportedAt: string;
}

export interface PrivacyDeps {
  readonly store: DocumentStore;
  readonly kv: KeyValueStore;
  /** As the app: the issue properties of the people to erase. */
  readonly jira: JiraPort;
  readonly reporting: PersonalDataReporting;
  /** The per-issue lock people's changes of the `ballast` property take. */
  readonly lock: IssueWriteLock;
}
