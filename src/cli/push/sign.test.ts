import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, signature, signedHeaders } from './sign';

describe('push API signing', () => {
  it('computes HMAC-SHA256 as RFC 4231 test case 2 says', () => {
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('signs "<timestamp>.<body>" as v1=<hex> (vector from `openssl dgst -sha256 -hmac`)', () => {
    expect(signature('whsec_ballast_test', 1_700_000_000, '{"batchId":"x"}')).toBe(
      'v1=60b21dbee5c1590f3f8e711d81391b7b198358e9c98742b9517866f10cc0145f',
    );
  });

  it('sends the timestamp in whole Unix seconds, the same one it signed', () => {
    expect(signedHeaders('whsec_ballast_test', 1_700_000_000_999, '{"batchId":"x"}')).toEqual({
      'x-ballast-timestamp': '1700000000',
      'x-ballast-signature': 'v1=60b21dbee5c1590f3f8e711d81391b7b198358e9c98742b9517866f10cc0145f',
    });
  });

  it('gives another signature when one byte of the body changes', () => {
    expect(signature('s', 1, '{"a":1}')).not.toBe(signature('s', 1, '{"a":2}'));
  });
});
