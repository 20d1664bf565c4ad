/**
 * Atlassian's Personal data reporting API as Ballast uses it: report account ids with the time
 * Ballast last stored data about each, get back those whose data must be erased (`closed`) or
 * refreshed (`updated`). Shapes and limits: developer.atlassian.com/platform/forge/user-privacy-guidelines/
 * ("Each request allows up to 90 accounts to be reported on"; 200 with accounts, 204 when none needs
 * action) and the Forge helper `privacy.reportPersonalData`
 * (developer.atlassian.com/platform/forge/runtime-reference/privacy-api/); fixtures in
 * test/fixtures/forge/privacy/.
 */
export const REPORT_BATCH_LIMIT = 90;

export interface ReportedAccount {
  readonly accountId: string;
  /** ISO time Ballast last stored personal data of this account. */
  readonly updatedAt: string;
}

export interface AccountUpdate {
  readonly accountId: string;
  readonly status: 'closed' | 'updated';
}

export interface PersonalDataReporting {
  /** One request of at most REPORT_BATCH_LIMIT accounts; throws ReportRefusedError when refused. */
  report(accounts: readonly ReportedAccount[]): Promise<AccountUpdate[]>;
}

/** The API answered something other than 200/204 (429, 5xx, 4xx), or an answer we cannot read. */
export class ReportRefusedError extends Error {
  constructor(
    readonly status: number | null,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ReportRefusedError';
  }
}
