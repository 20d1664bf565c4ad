import { describe, expect, it } from 'vitest';
import { ciDefaultId, toContractId } from './ci-id';

describe('default ids in CI', () => {
  it.each([
    [
      'GitHub Actions',
      {
        GITHUB_ACTIONS: 'true',
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_RUN_ID: '9912',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_JOB: 'deploy',
      },
      'github:acme-shop:9912.2:deploy:checkout:production',
    ],
    [
      'GitLab CI',
      { GITLAB_CI: 'true', CI_PROJECT_PATH: 'acme/shop', CI_JOB_ID: '771' },
      'gitlab:acme-shop:771:checkout:production',
    ],
    [
      'Jenkins',
      { JENKINS_URL: 'https://ci/', BUILD_TAG: 'jenkins-shop-42' },
      'jenkins:jenkins-shop-42:checkout:production',
    ],
    [
      'CircleCI',
      { CIRCLECI: 'true', CIRCLE_WORKFLOW_JOB_ID: 'b1c2' },
      'circleci:b1c2:checkout:production',
    ],
  ])('derives one id per job run in %s', (_, env, id) => {
    expect(ciDefaultId(env, ['checkout', 'production'])).toBe(id);
  });

  it('gives none outside CI, so --id is required there', () => {
    expect(ciDefaultId({ HOME: '/root' }, ['checkout'])).toBeNull();
  });

  it('fits any text into the contract id alphabet, hashing what is too long', () => {
    expect(toContractId('a b/c')).toBe('a-b-c');
    const long = toContractId(`x/${'y'.repeat(300)}`);
    expect(long).toMatch(/^[A-Za-z0-9._:-]{128}$/);
    expect(toContractId(`x/${'y'.repeat(300)}`)).toBe(long);
    expect(toContractId(`x/${'y'.repeat(301)}`)).not.toBe(long);
  });
});
