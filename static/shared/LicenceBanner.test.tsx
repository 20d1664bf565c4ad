import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { LICENCE_INACTIVE_MESSAGE, LICENCE_INACTIVE_TITLE } from '../../src/contract/licence';
import { forgeFixture } from '../../test/fixtures/forge/load';
import { ChangesFieldset, LicenceBanner } from './LicenceBanner';
import { markLicenceInactive, setViewerLicence } from './licence';

const view = () =>
  renderToStaticMarkup(
    <>
      <LicenceBanner />
      <ChangesFieldset>
        <button type="button">Apply</button>
      </ChangesFieldset>
    </>,
  );

afterEach(() => setViewerLicence({}));

describe('the licence banner', () => {
  it('shows nothing and disables nothing without a licence (development) or with an active one', () => {
    setViewerLicence({});
    expect(view()).toBe(
      '<fieldset class="licence-fieldset"><button type="button">Apply</button></fieldset>',
    );
    setViewerLicence({
      license: { ...forgeFixture('functions/view-licence').payload, active: true },
    });
    expect(view()).not.toContain('licence-banner');
  });

  it('shows the one message and disables the changes for the documented inactive licence', () => {
    setViewerLicence({ license: forgeFixture('functions/view-licence').payload });
    const html = view();
    expect(html).toContain(LICENCE_INACTIVE_TITLE);
    expect(html).toContain(LICENCE_INACTIVE_MESSAGE);
    expect(html).toContain('<fieldset class="licence-fieldset" disabled="">');
  });

  it('turns read-only when the backend refuses a change for the licence', () => {
    setViewerLicence({});
    markLicenceInactive();
    expect(view()).toContain('disabled=""');
  });
});
