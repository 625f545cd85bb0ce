import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getJson, ObjectCache, putJson } from './objects';
import { MemoryObjects } from './testing';

describe('run objects', () => {
  it('writes JSON with its size and SHA-256, under the tenant, and reads it back', async () => {
    const blobs = new MemoryObjects();
    const text = JSON.stringify({ 单位: 'FGW', total: '91.25' });
    const o = await putJson(blobs, '230100', ['evaluations', 'cy', 'rn', 'digest.json'], text);
    const bytes = new TextEncoder().encode(text);
    expect(o).toEqual({
      key: 'evaluations/cy/rn/digest.json',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(blobs.objects.has('tenants/230100/evaluations/cy/rn/digest.json')).toBe(true);
    expect(await getJson(blobs, '230100', ['evaluations', 'cy', 'rn', 'digest.json'])).toEqual({
      单位: 'FGW',
      total: '91.25',
    });
    await expect(getJson(blobs, '230100', ['evaluations', 'cy', 'rn', 'groups.json'])).rejects.toMatchObject({
      name: 'RunIncomplete',
      message: expect.stringContaining('groups.json'),
    });
  });
});

describe('the cache of parsed objects', () => {
  it('loads an object once for callers at the same time', async () => {
    const cache = new ObjectCache();
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return { n: loads };
    };
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
  });

  it('does not keep a failed read, and lets the least recently used go first', async () => {
    const cache = new ObjectCache(2);
    await expect(cache.get('k', () => Promise.reject(new Error('SlowDown')))).rejects.toThrow('SlowDown');
    expect(await cache.get('k', async () => 1)).toBe(1);
    await cache.get('a', async () => 'a');
    await cache.get('k', async () => 2); // used again: stays
    await cache.get('b', async () => 'b'); // evicts a
    expect(await cache.get('k', async () => 3)).toBe(1);
    expect(await cache.get('a', async () => 'again')).toBe('again');
  });
});
