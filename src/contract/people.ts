/**
 * The person a stored record names once Atlassian reported their account closed (the Forge user
 * privacy guidelines: erase or anonymise the personal data of a closed account;
 * developer.atlassian.com/platform/forge/user-privacy-guidelines/). The record stays (a DoD tick is
 * still ticked, an audit entry still says what happened) and its account id is replaced by this
 * marker, which no Atlassian account id can be: ids are 1–128 characters of letters, digits, `-`
 * and `:` only, and this one has a space. The UI writes it "Former user" (static/shared/format.ts).
 */
export const FORMER_USER_ID = 'former user';

export const FORMER_USER_NAME = 'Former user';
