import { describe, expect, it } from 'vitest';
import { boundedCodes } from './dev-issuer-codes';

const clock = () => {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describe('the dev issuer code store', () => {
  it('gives a grant once', () => {
    const codes = boundedCodes<string>({ max: 10, ttlMs: 60_000 });
    codes.put('c1', 'hrb-admin');
    expect(codes.take('c1')).toBe('hrb-admin');
    expect(codes.take('c1')).toBeUndefined();
    expect(codes.take('never-issued')).toBeUndefined();
  });

  it('lets a code live for the TTL and not a millisecond longer, and forgets expired ones', () => {
    const c = clock();
    const codes = boundedCodes<string>({ max: 10, ttlMs: 60_000, now: c.now });
    codes.put('a', 'A');
    codes.put('b', 'B');
    c.advance(59_999);
    expect(codes.take('a')).toBe('A');
    c.advance(1);
    expect(codes.take('b')).toBeUndefined();
    codes.put('x', 'X');
    c.advance(60_000);
    expect(codes.size).toBe(0);
  });

  it('holds at most max codes, dropping the oldest first', () => {
    const codes = boundedCodes<number>({ max: 3, ttlMs: 60_000 });
    for (let i = 0; i < 10_000; i++) codes.put(`c${i}`, i);
    expect(codes.size).toBe(3);
    expect(codes.take('c9996')).toBeUndefined();
    expect([codes.take('c9997'), codes.take('c9998'), codes.take('c9999')]).toEqual([9997, 9998, 9999]);
  });
});
