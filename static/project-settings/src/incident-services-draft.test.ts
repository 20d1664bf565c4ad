import { describe, expect, it } from 'vitest';
import { configOf } from './draft';
import { formReducer, initialForm, type FormAction } from './form-state';
import { settingsView } from './testing/settings-view';

const savedAfter = (...actions: FormAction[]) => {
  const state = actions.reduce(formReducer, initialForm(settingsView()));
  return configOf(state.draft, state.view.config).incidentServices;
};

describe('the incident services in the settings form', () => {
  it('saves "Component = service" lines as the backend’s list, and a blank default as none', () => {
    expect(
      savedAfter({
        type: 'incidentServices',
        patch: { byComponent: 'Payments = checkout\n\n  Search=search  \nWeb', otherwise: ' ' },
      }),
    ).toEqual({
      byComponent: [
        { component: 'Payments', service: 'checkout' },
        { component: 'Search', service: 'search' },
        // No "=": sent with an empty service, so the backend names the line.
        { component: 'Web', service: '' },
      ],
      otherwise: null,
    });
  });

  it('keeps the default service as typed', () => {
    expect(savedAfter({ type: 'incidentServices', patch: { otherwise: 'checkout ' } })).toEqual({
      byComponent: [],
      otherwise: 'checkout',
    });
  });
});
