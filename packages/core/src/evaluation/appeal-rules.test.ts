import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Leaf, leafSchema } from '../indicators/model';
import {
  appealAlreadyOpen,
  appealBlockers,
  appealOutcome,
  appealWindowOpen,
  correctionIssues,
  INPUT_KIND_OF_RULE,
  outsideAppealWindow,
  sameOpenAppeal,
  totalChange,
  VALUE_RULES,
} from './appeal-rules';
import { type AppealStanding, appealCreateSchema, appealDecideSchema } from './appeals';

const leaf = (code: string, rule: unknown, over: Record<string, unknown> = {}): Leaf =>
  leafSchema.parse({
    code,
    name: `指标${code}`,
    weight: 10,
    type: 'quantitative',
    source: 'self_report',
    rule,
    ...over,
  });

const WINDOW = { opens: '2027-01-04', closes: '2027-01-15' };
const EV = 'evabcdefghijkl';

describe('an appeal as the unit writes it (schema)', () => {
  const base = { target: 'indicator', leaf: 'D1-1', reasons: '核验时未采纳我单位补报的统计数据。' };

  it('takes an indicator with its leaf, or the conclusion without one', () => {
    expect(appealCreateSchema.parse(base)).toMatchObject({ evidence: [] });
    expect(appealCreateSchema.safeParse({ ...base, target: 'conclusion', leaf: undefined }).success).toBe(
      true,
    );
  });

  it('names the leaf when an indicator appeal has none, or a conclusion appeal has one', () => {
    const none = appealCreateSchema.safeParse({ ...base, leaf: undefined });
    expect(none.error?.issues.map((i) => i.path.join('.'))).toEqual(['leaf']);
    const extra = appealCreateSchema.safeParse({ ...base, target: 'conclusion' });
    expect(extra.error?.issues.map((i) => i.path.join('.'))).toEqual(['leaf']);
  });

  it('wants reasons of 10 to 4000 characters (trimmed)', () => {
    expect(appealCreateSchema.safeParse({ ...base, reasons: '   太短的理由   ' }).success).toBe(false);
    expect(appealCreateSchema.safeParse({ ...base, reasons: '理'.repeat(10) }).success).toBe(true);
    expect(appealCreateSchema.safeParse({ ...base, reasons: '理'.repeat(4001) }).success).toBe(false);
  });

  it('takes evidence ids only, each once, at most 20; and no unknown fields', () => {
    expect(appealCreateSchema.safeParse({ ...base, evidence: [EV] }).success).toBe(true);
    expect(appealCreateSchema.safeParse({ ...base, evidence: ['up123'] }).success).toBe(false);
    expect(appealCreateSchema.safeParse({ ...base, evidence: [EV, EV] }).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => `ev${'a'.repeat(10)}${'abcdefghijklmnopqrstu'[i]}a`);
    expect(appealCreateSchema.safeParse({ ...base, evidence: many }).success).toBe(false);
    expect(appealCreateSchema.safeParse({ ...base, unit: 'JYJ' }).success).toBe(false);
  });
});

describe('the office’s decision (schema)', () => {
  it('needs a reason, and corrects nothing on a rejection', () => {
    expect(appealDecideSchema.safeParse({ version: 1, status: 'accepted', reason: ' ' }).success).toBe(false);
    expect(
      appealDecideSchema.safeParse({
        version: 1,
        status: 'rejected',
        reason: '理由',
        correction: { value: 3 },
      }).error?.issues[0]?.path,
    ).toEqual(['correction']);
    expect(
      appealDecideSchema.safeParse({
        version: 1,
        status: 'accepted',
        reason: '理由',
        correction: { value: 3 },
      }).success,
    ).toBe(true);
    expect(
      appealDecideSchema.safeParse({
        version: 1,
        status: 'accepted',
        reason: '理由',
        correction: { input: { kind: 'grade', grade: 'B' } },
      }).success,
    ).toBe(true);
    expect(appealDecideSchema.safeParse({ version: 1, status: 'withdrawn', reason: '理由' }).success).toBe(
      false,
    );
    expect(
      appealDecideSchema.safeParse({
        version: 1,
        status: 'accepted',
        reason: '理由',
        correction: { value: 1, x: 1 },
      }).success,
    ).toBe(false);
  });
});

describe('the appeal window', () => {
  it('is open from its first day to its last, both included', () => {
    expect(appealWindowOpen(WINDOW, '2027-01-03')).toBe(false);
    expect(appealWindowOpen(WINDOW, '2027-01-04')).toBe(true);
    expect(appealWindowOpen(WINDOW, '2027-01-15')).toBe(true);
    expect(appealWindowOpen(WINDOW, '2027-01-16')).toBe(false);
  });

  it('agrees with the calendar order of days (fast-check)', () => {
    const day = fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2035-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, today) => {
        const [opens, closes] = a <= b ? [a, b] : [b, a];
        const t = (d: string) => Date.parse(`${d}T00:00:00Z`);
        expect(appealWindowOpen({ opens, closes }, today)).toBe(
          t(opens) <= t(today) && t(today) <= t(closes),
        );
      }),
    );
  });

  it('says in both languages whether it has not begun or is over, with its days', () => {
    const early = outsideAppealWindow(WINDOW, '2027-01-01');
    expect(early).toMatchObject({ status: 409, code: 'outside_appeal_window' });
    expect(early.zh).toBe('申诉期为 2027-01-04 至 2027-01-15，尚未开始，不能提出申诉。');
    expect(early.en).toContain('not begun');
    const late = outsideAppealWindow(WINDOW, '2027-02-01');
    expect(late.zh).toContain('已经结束');
    expect(late.en).toContain('2027-01-04 to 2027-01-15');
  });

  it('lists every blocker: state, release, results, window', () => {
    const ok = { inReview: true, released: true, inResults: true, window: WINDOW, today: '2027-01-05' };
    expect(appealBlockers(ok)).toEqual([]);
    expect(appealBlockers({ ...ok, inReview: false, released: false, today: '2027-02-01' })).toHaveLength(3);
    expect(appealBlockers({ ...ok, inResults: false })[0]!.zh).toContain('不在已发布的结果中');
  });
});

describe('one open appeal per unit and indicator (or the conclusion)', () => {
  const open = { status: 'submitted' as const, target: 'indicator' as const, leaf: 'D1-1' };

  it('occupies the slot of the same leaf only while submitted', () => {
    expect(sameOpenAppeal(open, 'indicator', 'D1-1')).toBe(true);
    expect(sameOpenAppeal(open, 'indicator', 'D1-2')).toBe(false);
    expect(sameOpenAppeal(open, 'conclusion')).toBe(false);
    for (const status of ['accepted', 'rejected', 'withdrawn'] as const)
      expect(sameOpenAppeal({ ...open, status }, 'indicator', 'D1-1')).toBe(false);
    expect(sameOpenAppeal({ status: 'submitted', target: 'conclusion' }, 'conclusion')).toBe(true);
  });

  it('refuses with the open appeal named', () => {
    const e = appealAlreadyOpen({ id: 'apabcdefghijkl', target: 'indicator', leaf: 'D1-1' });
    expect(e).toMatchObject({ status: 409, code: 'appeal_open', detail: { appeal: 'apabcdefghijkl' } });
    expect(e.zh).toContain('D1-1');
    expect(appealAlreadyOpen({ id: 'apabcdefghijkl', target: 'conclusion' }).en).toContain('conclusion');
  });
});

describe('a correction fits the leaf it corrects', () => {
  const value = leaf('D1-1', { kind: 'target_completion' });
  const grade = leaf('D2-1', { kind: 'qualitative_grade' }, { type: 'qualitative' });
  const deduction = leaf('D2-2', {
    kind: 'deduction',
    items: [{ code: 'late', label: '逾期', pointsEach: 1 }],
  });
  const formula = leaf(
    'D4-1',
    // biome-ignore lint/suspicious/noThenProperty: a formula rule's field, never awaited
    { kind: 'formula', calculator: 'fnpv', then: { kind: 'target_completion' } },
    { officeParams: { target: 100 } },
  );

  it('maps every rule to an input kind, value rules to values', () => {
    for (const rule of VALUE_RULES) expect(INPUT_KIND_OF_RULE[rule]).toBe('value');
    expect(Object.values(INPUT_KIND_OF_RULE).filter((k) => k === 'value')).toHaveLength(VALUE_RULES.length);
  });

  it('takes a number for a value leaf and nothing else', () => {
    expect(correctionIssues(value, { value: 98.5 })).toEqual([]);
    expect(correctionIssues(value, { input: { kind: 'grade', grade: 'A' } })[0]!.path).toBe('correction');
  });

  it('takes an input of the rule’s kind, or an exemption, for other leaves', () => {
    expect(correctionIssues(grade, { input: { kind: 'grade', grade: 'B' } })).toEqual([]);
    expect(correctionIssues(grade, { input: { kind: 'exempt', reason: '年中划转职能' } })).toEqual([]);
    expect(correctionIssues(grade, { value: 3 })[0]!.path).toBe('correction');
    const wrong = correctionIssues(grade, { input: { kind: 'incidents', counts: {} } });
    expect(wrong[0]).toMatchObject({ path: 'correction.input.kind' });
    expect(wrong[0]!.zh).toContain('评定等级');
  });

  it('names incident items the deduction rule does not have', () => {
    expect(correctionIssues(deduction, { input: { kind: 'incidents', counts: { late: 0 } } })).toEqual([]);
    const issues = correctionIssues(deduction, {
      input: { kind: 'incidents', counts: { late: 1, lost: 2 } },
    });
    expect(issues.map((i) => i.path)).toEqual(['correction.input.counts.lost']);
  });

  it('refuses a formula argument or target the office fixed', () => {
    const issues = correctionIssues(formula, {
      input: { kind: 'formula', args: { netFlows: [-100, 120], ratePercent: 8 }, target: 90 },
    });
    expect(issues.map((i) => i.path).sort()).toEqual([
      'correction.input.args.ratePercent',
      'correction.input.target',
    ]);
    expect(
      correctionIssues(formula, { input: { kind: 'formula', args: { netFlows: [-100, 120] } } }),
    ).toEqual([]);
  });
});

describe('how the standing changed', () => {
  it('subtracts shown totals exactly, with a sign', () => {
    expect(totalChange('85.50', '86.75')).toBe('+1.25');
    expect(totalChange('86.75', '85.5')).toBe('-1.25');
    expect(totalChange('90', '90.00')).toBe('0.00');
    expect(totalChange('0.10', '0.30')).toBe('+0.20');
    expect(totalChange('-1.5', '2')).toBe('+3.5');
    expect(totalChange('x', '1')).toBeUndefined();
  });

  it('is exact for any hundredths (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        (a, b) => {
          const shown = (h: number) =>
            `${h < 0 ? '-' : ''}${Math.floor(Math.abs(h) / 100)}.${String(Math.abs(h) % 100).padStart(2, '0')}`;
          const d = b - a;
          expect(totalChange(shown(a), shown(b))).toBe(`${d > 0 ? '+' : ''}${d === 0 ? shown(0) : shown(d)}`);
        },
      ),
    );
  });

  const standing = (number: number, total: string, rank: number): AppealStanding => ({
    run: `rn${'a'.repeat(11)}${number}`,
    number,
    total,
    rank,
    of: 8,
    grade: 'good',
    gradeLabel: { zh: '良好', en: 'Good' },
  });

  it('shows an outcome only once a later run is released', () => {
    const before = standing(1, '84.00', 5);
    expect(appealOutcome(before, undefined)).toBeNull();
    expect(appealOutcome(before, before)).toBeNull();
    expect(appealOutcome(before, standing(2, '86.50', 3))).toMatchObject({
      totalChange: '+2.50',
      rankChange: 2,
    });
    expect(appealOutcome(before, standing(3, '83.00', 6))).toMatchObject({
      totalChange: '-1.00',
      rankChange: -1,
    });
  });
});
