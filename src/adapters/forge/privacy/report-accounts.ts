/**
 * The Personal data reporting API through Forge's documented helper, `privacy.reportPersonalData`
 * from @forge/api (developer.atlassian.com/platform/forge/runtime-reference/privacy-api/). It POSTs
 * `{ accounts: [{ accountId, updatedAt }] }` to `/app/report-accounts` as the app, answers the
 * `accounts` of a 200 or `[]` for a 204, and rejects with the response otherwise
 * (node_modules/@forge/api/out/privacy/index.js). It would split a longer list into concurrent
 * requests of 90 and fail them all for one refusal, so Ballast hands it one batch at a time: a 429
 * or 5xx then stops the run after the batches already answered, and the rest waits for the next run.
 */
import { privacy } from '@forge/api';
import { z } from 'zod';
import {
  REPORT_BATCH_LIMIT,
  ReportRefusedError,
  type AccountUpdate,
  type PersonalDataReporting,
  type ReportedAccount,
} from '../../../ports/personal-data-reporting';

const updatesSchema = z.array(
  z.looseObject({ accountId: z.string().min(1), status: z.enum(['closed', 'updated']) }),
);

/** What the helper rejects with: the API's response (status, headers), or a network error. */
function refusal(error: unknown): ReportRefusedError {
  const response = error as { status?: unknown; headers?: { get?(name: string): string | null } };
  if (typeof response?.status !== 'number')
    return new ReportRefusedError(null, `The personal data report failed: ${String(error)}`);
  const retryAfter = Number(response.headers?.get?.('retry-after') ?? NaN);
  return new ReportRefusedError(
    response.status,
    `Atlassian's personal data reporting API answered ${response.status}.`,
    Number.isFinite(retryAfter) ? retryAfter : null,
  );
}

export const forgePersonalDataReporting: PersonalDataReporting = {
  async report(accounts: readonly ReportedAccount[]): Promise<AccountUpdate[]> {
    if (accounts.length > REPORT_BATCH_LIMIT)
      throw new RangeError(
        `At most ${REPORT_BATCH_LIMIT} accounts a request; got ${accounts.length}.`,
      );
    let answer: unknown;
    try {
      answer = await privacy.reportPersonalData(accounts.map((a) => ({ ...a })));
    } catch (error: unknown) {
      throw refusal(error);
    }
    const parsed = updatesSchema.safeParse(answer);
    if (!parsed.success)
      throw new ReportRefusedError(
        200,
        `The personal data reporting API answered accounts Ballast cannot read: ${parsed.error.issues[0]?.message ?? 'unknown shape'}.`,
      );
    return parsed.data.map(({ accountId, status }) => ({ accountId, status }));
  },
};
