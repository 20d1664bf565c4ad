/**
 * Called right before a person's account id is written into an issue's `ballast` property (the
 * category chosen by hand, a DoD tick), after the change was validated: the personal data report
 * notes which issues name whom (src/app/privacy/issue-people-index.ts). A refused change notes nothing.
 */
export type NotePerson = (accountId: string, issueKey: string, at: Date) => Promise<void>;
