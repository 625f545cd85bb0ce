import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountInForce,
  MONEY_USES,
  RESULT_USE_KINDS,
  resultUseCreateSchema,
  resultUseIssues,
  resultUsePatchSchema,
  resultUseRevokeSchema,
} from './result-uses';

const USE = {
  kind: 'reward',
  description: '年度绩效评估优秀，通报表扬并给予绩效奖励。',
  amount: 12.5,
  document: '哈政办发〔2027〕3号',
  day: '2027-02-10',
};

describe('a use of results (schemas)', () => {
  it('takes a reward with its amount in 万元', () => {
    expect(resultUseCreateSchema.parse(USE)).toMatchObject({ amount: 12.5 });
  });

  it('puts an amount only on rewards and budget links', () => {
    const r = resultUseCreateSchema.safeParse({ ...USE, kind: 'accountability' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['amount']);
    expect(r.error?.issues[0]?.message).toContain('问责');
    expect(resultUseCreateSchema.safeParse({ ...USE, kind: 'budget' }).success).toBe(true);
    const { amount: _a, ...noAmount } = USE;
    expect(resultUseCreateSchema.safeParse({ ...noAmount, kind: 'cadre' }).success).toBe(true);
  });

  it('bounds the amount: not negative, at most two decimals, at most 10 000 000 万元', () => {
    for (const bad of [-1, 1.005, 10_000_000.01, Number.NaN])
      expect(resultUseCreateSchema.safeParse({ ...USE, amount: bad }).success, String(bad)).toBe(false);
    expect(resultUseCreateSchema.safeParse({ ...USE, amount: 0 }).success).toBe(true);
  });

  it('wants the description, the decision document and its day', () => {
    for (const k of ['description', 'document'] as const)
      expect(resultUseCreateSchema.safeParse({ ...USE, [k]: ' ' }).error?.issues[0]?.path).toEqual([k]);
    expect(resultUseCreateSchema.safeParse({ ...USE, day: '10/02/2027' }).success).toBe(false);
    expect(resultUsePatchSchema.safeParse({ version: 1, amount: null }).success).toBe(true);
    expect(resultUseRevokeSchema.safeParse({ version: 1, reason: '' }).success).toBe(false);
  });

  it('agrees with the rule for every kind and amount (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RESULT_USE_KINDS),
        fc.option(fc.integer({ min: 0, max: 1e6 })),
        (kind, a) => {
          const amount = a === null ? undefined : a / 100;
          const ok = amount === undefined || MONEY_USES.includes(kind);
          expect(resultUseIssues({ kind, amount })).toHaveLength(ok ? 0 : 1);
        },
      ),
    );
  });
});

describe('the amount in force', () => {
  it('adds the uses not revoked, exactly to the hundredth', () => {
    const revoked = { by: 'hrb-admin', at: '2027-03-01T00:00:00Z', reason: '文件撤回' };
    expect(amountInForce([{ amount: 0.1 }, { amount: 0.2 }, { amount: 5, revoked }, {}])).toBe(0.3);
  });
});
