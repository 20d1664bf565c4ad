import { describe, expect, it } from 'vitest';
import { issueKeysIn, listedKeys } from './issue-keys';

describe('the Jira keys a release carries', () => {
  it.each([
    ['SHOP-12: fix the basket total (SHOP-7)', ['SHOP-12', 'SHOP-7']],
    ['Merge branch feature/SHOP-40-coupons\n\nRefs SHOP-40, OPS_2-9', ['SHOP-40', 'OPS_2-9']],
    ['encode as UTF-8', ['UTF-8']],
    ['shop-12 is not a key, nor is S-1, SHOP-0 or XSHOP-12x', []],
    ['SHOP-12SHOP-13 and a-SHOP-14', []],
  ])('reads %j as %j', (text, keys) => {
    expect(issueKeysIn(text)).toEqual(keys);
  });

  it('takes a --keys list by commas or spaces and names what is not a key', () => {
    expect(listedKeys('SHOP-1, SHOP-2 SHOP-1')).toEqual({
      keys: ['SHOP-1', 'SHOP-2'],
      invalid: [],
    });
    expect(listedKeys('SHOP-1,shop-2,SHOP-3x')).toEqual({
      keys: ['SHOP-1'],
      invalid: ['shop-2', 'SHOP-3x'],
    });
  });
});
