import { describe, expect, it } from 'vitest';
import { memoryKv } from '../testing/memory-key-value-store';
import { claimPush, contentDigest, releasePushClaim } from './push-claim';

const request = (digest: string) => ({
  key: 'sli-batch:b1',
  digest,
  what: 'batch "b1"',
  field: 'batchId',
});

describe('claimPush', () => {
  it('claims a free id once; the same content is then a duplicate, other content a CONFLICT naming the id', async () => {
    const kv = memoryKv();
    const token = await claimPush(kv, request('d1'));
    expect(token).toEqual(expect.any(String));
    kv.data.set('sli-batch:b1', { digest: 'd1', state: 'stored' });
    expect(await claimPush(kv, request('d1'))).toBeNull();
    await expect(claimPush(kv, request('d2'))).rejects.toMatchObject({
      code: 'CONFLICT',
      options: { field: 'batchId' },
    });
    await expect(claimPush(kv, request('d2'))).rejects.toThrow(
      'batch "b1" was already pushed with different data',
    );
  });

  it('answers a duplicate only once the claimer has stored its data', async () => {
    const kv = memoryKv();
    kv.data.set('sli-batch:b1', { digest: 'd1', state: 'storing', token: 'other' });
    let polls = 0;
    const sleep = () => {
      polls += 1;
      if (polls === 3) kv.data.set('sli-batch:b1', { digest: 'd1', state: 'stored' });
      return Promise.resolve();
    };
    expect(await claimPush(kv, request('d1'), { sleep })).toBeNull();
    expect(polls).toBe(3);
  });

  it('takes the id over when the claimer gave it back (its storing failed)', async () => {
    const kv = memoryKv();
    kv.data.set('sli-batch:b1', { digest: 'd1', state: 'storing', token: 'other' });
    const sleep = () => {
      kv.data.delete('sli-batch:b1');
      return Promise.resolve();
    };
    expect(await claimPush(kv, request('d1'), { sleep })).toEqual(expect.any(String));
    expect(kv.data.get('sli-batch:b1')).toMatchObject({ digest: 'd1', state: 'storing' });
  });

  it('refuses retryably when the claimer is still storing after the wait', async () => {
    const kv = memoryKv();
    kv.data.set('sli-batch:b1', { digest: 'd1', state: 'storing', token: 'other' });
    await expect(
      claimPush(kv, request('d1'), { waitMs: 0, sleep: () => Promise.resolve() }),
    ).rejects.toMatchObject({ code: 'CONFLICT', options: { retryable: true, field: 'batchId' } });
  });

  it('releases only its own claim', async () => {
    const kv = memoryKv();
    const token = (await claimPush(kv, request('d1')))!;
    await releasePushClaim(kv, 'sli-batch:b1', 'someone-else');
    expect(kv.data.has('sli-batch:b1')).toBe(true);
    await releasePushClaim(kv, 'sli-batch:b1', token);
    expect(kv.data.has('sli-batch:b1')).toBe(false);
  });
});

describe('contentDigest', () => {
  it('is the same for the same content whatever the key order, and differs for other content', () => {
    expect(contentDigest({ a: 1, b: [{ x: 1, y: 2 }] })).toBe(
      contentDigest({ b: [{ y: 2, x: 1 }], a: 1 }),
    );
    expect(contentDigest({ a: 1 })).not.toBe(contentDigest({ a: 2 }));
    expect(contentDigest([1, 2])).not.toBe(contentDigest([2, 1]));
  });
});
