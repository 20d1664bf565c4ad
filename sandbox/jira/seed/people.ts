/**
 * The people of the demo site and the app's own identity. accountIds are readable on purpose:
 * they appear in the sandbox's identity header (README.md).
 */
import type { PropertyAlias } from '../jql/fields';
import type { FieldRecord, UserRecord } from '../state/types';

export const ADMIN_ACCOUNT_ID = 'acc-ada-admin';
export const MEMBER_ACCOUNT_ID = 'acc-marco-member';
export const OUTSIDER_ACCOUNT_ID = 'acc-nina-outsider';
export const APP_ACCOUNT_ID = 'acc-ballast-app';

const user = (
  accountId: string,
  displayName: string,
  email: string,
  siteAdmin = false,
): UserRecord => ({
  accountId,
  displayName,
  emailAddress: email,
  accountType: 'atlassian',
  timeZone: 'Europe/Berlin',
  siteAdmin,
});

/** The project admin (and Jira admin), a plain member, and someone who cannot browse the project. */
export const SEED_USERS: UserRecord[] = [
  user(ADMIN_ACCOUNT_ID, 'Ada Okafor', 'ada.okafor@example.com', true),
  user(MEMBER_ACCOUNT_ID, 'Marco Silva', 'marco.silva@example.com'),
  user(OUTSIDER_ACCOUNT_ID, 'Nina Berg', 'nina.berg@example.com'),
  user('acc-priya-dev', 'Priya Raman', 'priya.raman@example.com'),
  user('acc-tomas-dev', 'Tomás Novak', 'tomas.novak@example.com'),
  user('acc-lena-sre', 'Lena Fischer', 'lena.fischer@example.com'),
  user('acc-sam-sm', 'Sam Carter', 'sam.carter@example.com'),
  {
    accountId: APP_ACCOUNT_ID,
    displayName: 'Ballast',
    emailAddress: '',
    accountType: 'app',
    timeZone: 'UTC',
    siteAdmin: false,
  },
];

/** Who works on issues (assignees, changelog authors). */
export const TEAM = [
  MEMBER_ACCOUNT_ID,
  'acc-priya-dev',
  'acc-tomas-dev',
  'acc-lena-sre',
  ADMIN_ACCOUNT_ID,
];

/** The entity property the app keeps on issues, and its JQL aliases (the manifest's `jira:entityProperty`). */
export const BALLAST_PROPERTY_KEY = 'ballast';
export const DEFAULT_PROPERTY_ALIASES: PropertyAlias[] = [
  {
    alias: 'ballastCategory',
    propertyKey: BALLAST_PROPERTY_KEY,
    path: 'workType',
    type: 'string',
  },
  { alias: 'dodComplete', propertyKey: BALLAST_PROPERTY_KEY, path: 'dodComplete', type: 'number' },
  {
    alias: 'dodOpenRequired',
    propertyKey: BALLAST_PROPERTY_KEY,
    path: 'dodOpenRequired',
    type: 'number',
  },
  {
    alias: 'dodClosedBeforeBallast',
    propertyKey: BALLAST_PROPERTY_KEY,
    path: 'dodClosedBeforeBallast',
    type: 'number',
  },
];

/**
 * The app's read-only "Ballast category" custom field (Forge `jira:customField`). Forge field keys take
 * the form `{appId}__{environment}__{fieldKey}`; the sandbox's app id is a stand-in.
 */
export const WORK_TYPE_FIELD: FieldRecord = {
  id: 'customfield_10100',
  key: 'ballast-sandbox-app__DEVELOPMENT__ballast-work-type',
  name: 'Ballast category',
  custom: true,
  schema: {
    type: 'string',
    custom:
      'ari:cloud:ecosystem::extension/ballast-sandbox-app/DEVELOPMENT/static/ballast-work-type',
    customId: 10100,
  },
  clauseNames: ['cf[10100]', 'Ballast category', 'customfield_10100'],
  appOwned: true,
};
