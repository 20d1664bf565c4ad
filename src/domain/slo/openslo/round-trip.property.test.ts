/**
 * Issue 20, item 4: every file Ballast accepts exports to an equivalent file. Files are generated
 * across the supported surface (testing/openslo-arbitraries.ts); each must be accepted, and
 * parse → export → parse must give the same bundle, and exporting that again the same text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOpenSlo } from './parse';
import { openSloFile } from './testing/openslo-arbitraries';
import { writeOpenSlo } from './write';

describe('OpenSLO round trip (property)', () => {
  it('accepts every generated file, and parse → export → parse is the same bundle', () => {
    fc.assert(
      fc.property(openSloFile, (text) => {
        const first = parseOpenSlo(text);
        expect(first.ok ? [] : first.issues).toEqual([]);
        if (!first.ok) return;
        const exported = writeOpenSlo(first.bundle);
        const second = parseOpenSlo(exported);
        expect(second.ok ? second.bundle : second.issues).toEqual(first.bundle);
        if (second.ok) expect(writeOpenSlo(second.bundle)).toBe(exported);
      }),
      { numRuns: 200 },
    );
  });
});
