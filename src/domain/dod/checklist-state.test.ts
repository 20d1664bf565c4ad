import { describe, expect, it } from 'vitest';
import { newChecklist, parseChecklistState, setManualItem } from './checklist-state';
import { aState, aTemplate } from './testing/generators';

const template = aTemplate();
const tick = { done: true, by: 'acc-ana', at: '2026-03-02T10:00:00Z' };

describe('checklist state', () => {
  it('starts empty, following the template version', () => {
    expect(newChecklist(aTemplate({ version: 4 }))).toEqual({
      schemaVersion: 1,
      templateId: 'team-feature',
      templateVersion: 4,
      items: {},
    });
  });

  it('records who ticked a manual item and when', () => {
    expect(setManualItem(newChecklist(template), template, 'code-reviewed', tick)).toEqual({
      ok: true,
      state: { ...newChecklist(template), items: { 'code-reviewed': tick } },
    });
  });

  it('records an untick with who and when, replacing the tick', () => {
    const untick = { done: false, by: 'acc-bo', at: '2026-03-03T09:00:00Z' };
    const result = setManualItem(
      aState({ 'code-reviewed': true }),
      template,
      'code-reviewed',
      untick,
    );
    expect(result.ok && result.state.items['code-reviewed']).toEqual(untick);
  });

  it.each([
    ['an unknown item', 'nope', '"nope" is not an item of the template "Team feature DoD"'],
    [
      'an auto item',
      'estimated',
      '"Estimate set" is checked automatically and cannot be ticked by hand',
    ],
  ])('refuses to tick %s', (_name, itemId, error) => {
    expect(setManualItem(newChecklist(template), template, itemId, tick)).toEqual({
      ok: false,
      error,
    });
  });

  it('parses a stored state', () => {
    const stored: unknown = JSON.parse(JSON.stringify(aState({ 'code-reviewed': true })));
    expect(parseChecklistState(stored)).toEqual({
      ok: true,
      state: aState({ 'code-reviewed': true }),
    });
  });

  it.each<[string, unknown, string[]]>([
    [
      'a missing template version',
      { schemaVersion: 1, templateId: 't', items: {} },
      [
        'checklist state, field templateVersion: Invalid input: expected number, received undefined',
      ],
    ],
    [
      'a tick without a valid time',
      {
        schemaVersion: 1,
        templateId: 't',
        templateVersion: 1,
        items: { a: { done: true, by: 'x', at: 'yesterday' } },
      },
      ['checklist state, field items.a.at: Invalid ISO datetime'],
    ],
  ])('refuses a stored state with %s, naming the field', (_name, raw, errors) => {
    expect(parseChecklistState(raw)).toEqual({ ok: false, errors });
  });
});
