import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/** `npm start` shows a living year: the demo's 2025 cycle, replayed through the API, is well under way. */
let s: TestStack;
let admin: string;
let cycle: { id: string; state: string };

beforeAll(async () => {
  s = await startTestStack({ demoYear: true });
  admin = await s.token('230100', 'hrb-admin');
  const cycles = await s.call('GET', '/v1/cycles', { token: admin });
  cycle = cycles.body.items.find((c: { year: number }) => c.year === 2025);
});
afterAll(() => s.stop());

describe('the demo year', () => {
  it('is in verification, with every plan approved and published', async () => {
    expect(cycle.state).toBe('verification');
    const plans = await s.call('GET', `/v1/cycles/${cycle.id}/plans?limit=200`, { token: admin });
    expect(plans.body.items.length).toBe(13);
    expect(new Set(plans.body.items.map((p: { status: string }) => p.status))).toEqual(
      new Set(['published']),
    );
  });

  it('has units late and behind, and values corrected beside pending ones', async () => {
    const late = await s.call('GET', `/v1/cycles/${cycle.id}/overview?only=late&limit=200`, { token: admin });
    expect(late.body.items.map((r: { unit: string }) => r.unit)).toEqual(
      expect.arrayContaining(['MZJ', 'STHJJ', 'CGJ']),
    );
    const behind = await s.call('GET', `/v1/cycles/${cycle.id}/overview?only=behind&limit=200`, {
      token: admin,
    });
    expect(behind.body.items.map((r: { unit: string }) => r.unit)).toEqual(
      expect.arrayContaining(['GXJ', 'YJGLJ']),
    );
    const corrected = await s.call('GET', `/v1/cycles/${cycle.id}/values?status=corrected&limit=200`, {
      token: admin,
    });
    expect(corrected.body.items.length).toBeGreaterThan(0);
    for (const v of corrected.body.items) expect(v.original).not.toBe(v.value);
    const pending = await s.call('GET', `/v1/cycles/${cycle.id}/values?status=pending&limit=200`, {
      token: admin,
    });
    expect(pending.body.items.length).toBeGreaterThan(0);
  });

  it('keeps a verified audit trail of the whole year', async () => {
    const v = await s.call('GET', '/v1/audit/verify', { token: admin });
    expect(v.body).toMatchObject({ ok: true, alg: 'SM3' });
    expect(v.body.checked).toBeGreaterThan(150);
  });
});
