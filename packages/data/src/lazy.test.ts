import { describe, expect, it } from 'vitest';
import { lazy } from './lazy';

describe('lazy', () => {
  it('makes the value once and shares it', async () => {
    let made = 0;
    const get = lazy(async () => ++made);
    expect(await Promise.all([get(), get()])).toEqual([1, 1]);
    expect(await get()).toBe(1);
  });

  it('forgets a failed make, so the next call tries again', async () => {
    let calls = 0;
    const get = lazy(async () => {
      calls++;
      if (calls === 1) throw new Error('module not found');
      return 'client';
    });
    await expect(get()).rejects.toThrow('module not found');
    expect(await get()).toBe('client');
    expect(calls).toBe(2);
  });
});
