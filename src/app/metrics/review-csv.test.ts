import { describe, expect, it } from 'vitest';
import { csvField, csvText } from './review-csv';

describe('CSV by RFC 4180', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['@team', "'@team"],
    ['-rf', "'-rf"],
  ])('writes the text %j as %j', (text, expected) => {
    expect(csvField(text)).toBe(expected);
  });

  it('writes numbers as computed (negative ones too) and null as an empty field', () => {
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(0.8571)).toBe('0.8571');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('true');
  });

  it('ends every record with CRLF, the last one included', () => {
    expect(
      csvText([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
  });
});
