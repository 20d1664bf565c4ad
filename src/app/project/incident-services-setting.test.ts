import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../domain/work';
import { DEFAULT_PROJECT_CONFIG, parseProjectConfig } from './project-config';

const problems = (input: unknown): string[] => {
  try {
    parseProjectConfig(input);
    return [];
  } catch (error: unknown) {
    if (error instanceof ValidationError) return [...error.problems];
    throw error;
  }
};

describe('the incident services setting', () => {
  it('defaults to no mapping: Jira incidents stay unattributed', () => {
    expect(parseProjectConfig({}).incidentServices).toEqual({ byComponent: [], otherwise: null });
    expect(DEFAULT_PROJECT_CONFIG.incidentServices).toEqual({ byComponent: [], otherwise: null });
  });

  it('keeps components and services trimmed, in order', () => {
    const config = parseProjectConfig({
      incidentServices: {
        byComponent: [
          { component: ' Payments ', service: 'checkout' },
          { component: 'Search', service: ' search ' },
        ],
        otherwise: 'storefront',
      },
    });
    expect(config.incidentServices).toEqual({
      byComponent: [
        { component: 'Payments', service: 'checkout' },
        { component: 'Search', service: 'search' },
      ],
      otherwise: 'storefront',
    });
  });

  it('names every problem with where it is', () => {
    expect(
      problems({
        incidentServices: {
          byComponent: [{ component: 'Payments', service: '' }, 'Search'],
          otherwise: 7,
        },
      }),
    ).toEqual([
      'incidentServices, field "otherwise": must be a service name (1–100 characters) or null',
      'incidentServices, byComponent[0]: needs a component and a service (1–100 characters each)',
      'incidentServices, byComponent[1]: needs a component and a service (1–100 characters each)',
    ]);
    expect(problems({ incidentServices: 'checkout' })).toEqual([
      'field "incidentServices": must be an object',
    ]);
  });
});
