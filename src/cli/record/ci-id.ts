/**
 * Default ids for `deploy record` and `incident record` inside CI: one id per execution of the CI
 * job, so running the command again in the same job (a retried step) is a duplicate, while a
 * re-run of the job records a new deployment. Outside these CI systems `--id` is required.
 */
import { createHash } from 'node:crypto';

type Env = Readonly<Record<string, string | undefined>>;

/** The CI systems recognised, the variables they set, and the run id built from them. */
export const CI_RUN_IDS: readonly {
  readonly ci: string;
  readonly variables: readonly string[];
  readonly id: (env: Env) => string | null;
}[] = [
  {
    ci: 'GitHub Actions',
    variables: [
      'GITHUB_ACTIONS',
      'GITHUB_REPOSITORY',
      'GITHUB_RUN_ID',
      'GITHUB_RUN_ATTEMPT',
      'GITHUB_JOB',
    ],
    id: (e) =>
      e.GITHUB_ACTIONS === 'true' && e.GITHUB_RUN_ID
        ? `github:${e.GITHUB_REPOSITORY ?? ''}:${e.GITHUB_RUN_ID}.${e.GITHUB_RUN_ATTEMPT ?? '1'}:${e.GITHUB_JOB ?? ''}`
        : null,
  },
  {
    ci: 'GitLab CI',
    variables: ['GITLAB_CI', 'CI_PROJECT_PATH', 'CI_JOB_ID'],
    id: (e) =>
      e.GITLAB_CI === 'true' && e.CI_JOB_ID
        ? `gitlab:${e.CI_PROJECT_PATH ?? ''}:${e.CI_JOB_ID}`
        : null,
  },
  {
    ci: 'Jenkins',
    variables: ['JENKINS_URL', 'BUILD_TAG'],
    id: (e) => (e.JENKINS_URL && e.BUILD_TAG ? `jenkins:${e.BUILD_TAG}` : null),
  },
  {
    ci: 'CircleCI',
    variables: ['CIRCLECI', 'CIRCLE_WORKFLOW_JOB_ID'],
    id: (e) =>
      e.CIRCLECI === 'true' && e.CIRCLE_WORKFLOW_JOB_ID
        ? `circleci:${e.CIRCLE_WORKFLOW_JOB_ID}`
        : null,
  },
];

const MAX_ID = 128;

/** Fits any text into the contract's id alphabet `[A-Za-z0-9._:-]{1,128}`, deterministically. */
export function toContractId(raw: string): string {
  const clean = raw.replace(/[^A-Za-z0-9._:-]+/g, '-');
  if (clean.length <= MAX_ID) return clean;
  const hash = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return `${clean.slice(0, MAX_ID - hash.length - 1)}.${hash}`;
}

/** `<CI run id>:<parts…>` when running in a known CI system, else null. */
export function ciDefaultId(env: Env, parts: readonly string[]): string | null {
  for (const system of CI_RUN_IDS) {
    const run = system.id(env);
    if (run !== null) return toContractId([run, ...parts].join(':'));
  }
  return null;
}
