import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarIssues, dayOfYearShare, daysInYear, shanghaiDay } from './calendar';
import { type Calendar, calendarSchema } from './model';

const good = (): Calendar =>
  calendarSchema.parse({
    planDeadline: '2025-03-31',
    progressPeriods: [
      { code: 'Q1', name: '一季度', ends: '2025-03-31', due: '2025-04-10' },
      { code: 'H1', name: '上半年', ends: '2025-06-30', due: '2025-07-10' },
      { code: 'Q3', name: '三季度', ends: '2025-09-30', due: '2025-09-30' },
    ],
    selfAssessment: { opens: '2025-12-15', closes: '2026-01-10' },
    verification: { opens: '2026-01-10', closes: '2026-01-31' },
    review: { opens: '2026-02-01', closes: '2026-02-28' },
    appeal: { opens: '2026-02-28', closes: '2026-03-10' },
  });

describe('shanghaiDay', () => {
  it('is the UTC day moved eight hours on', () => {
    expect(shanghaiDay(new Date('2025-03-31T15:59:59.999Z'))).toBe('2025-03-31');
    expect(shanghaiDay(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04-01');
    expect(shanghaiDay(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(shanghaiDay(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
  });
  it('agrees with Intl for Asia/Shanghai at any instant', () => {
    const fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(shanghaiDay(new Date(ms))).toBe(fmt.format(new Date(ms)));
      }),
    );
  });
});

describe('calendarIssues', () => {
  it('finds nothing wrong with a sound calendar', () => {
    expect(calendarIssues(good(), 2025)).toEqual([]);
  });

  it('wants the plan deadline within the year, naming it', () => {
    for (const planDeadline of ['2024-12-31', '2026-01-15']) {
      const issues = calendarIssues({ ...good(), planDeadline }, 2025);
      expect(issues[0]).toEqual({
        path: 'planDeadline',
        zh: `年度绩效计划报送截止日 ${planDeadline} 不在 2025 年内`,
        en: `The annual plan deadline ${planDeadline} is not in 2025`,
      });
    }
  });

  it('checks progress periods: unique codes, end in the year, due after the end, in order', () => {
    const cal = good();
    cal.progressPeriods = [
      { code: 'Q1', name: '一季度', ends: '2025-03-31', due: '2025-03-30' },
      { code: 'Q1', name: '重复', ends: '2025-06-30', due: '2025-07-10' },
      { code: 'Q4', name: '四季度', ends: '2026-01-31', due: '2026-02-10' },
      { code: 'Q3', name: '三季度', ends: '2025-09-30', due: '2025-10-10' },
    ];
    const issues = calendarIssues(cal, 2025);
    expect(issues.map((i) => i.path)).toEqual([
      'progressPeriods.0.due',
      'progressPeriods.1.code',
      'progressPeriods.2.ends',
      'progressPeriods.3.ends',
    ]);
    expect(issues[0]!.zh).toBe(
      '进度报送期次「一季度」（Q1）的报送日 2025-03-30 早于其所报期间的截止日 2025-03-31',
    );
    expect(issues[1]!.en).toBe('Progress period Q1 "重复" repeats the code of an earlier period');
    expect(issues[2]!.zh).toContain('2026-01-31 不在 2025 年内');
    expect(issues[3]!.zh).toContain('早于排在它前面的「四季度」（2026-01-31）');
  });

  it('accepts periods that end the same day, or are due the day they end', () => {
    const cal = good();
    cal.progressPeriods = [
      { code: 'A', name: 'A', ends: '2025-06-30', due: '2025-06-30' },
      { code: 'B', name: 'B', ends: '2025-06-30', due: '2025-07-01' },
    ];
    expect(calendarIssues(cal, 2025)).toEqual([]);
  });

  it('wants the self-assessment to open after the plan deadline', () => {
    const cal = good();
    cal.selfAssessment = { opens: '2025-03-31', closes: '2026-01-10' };
    expect(calendarIssues(cal, 2025)).toEqual([
      {
        path: 'selfAssessment.opens',
        zh: '自我测评开始日 2025-03-31 应晚于年度绩效计划报送截止日 2025-03-31',
        en: 'The self-assessment opening day 2025-03-31 must be after the annual plan deadline 2025-03-31',
      },
    ]);
  });

  it('wants each later step to start no earlier than the previous closes', () => {
    const cases: [string, Partial<Calendar>, string][] = [
      [
        'verification.opens',
        { verification: { opens: '2026-01-09', closes: '2026-01-31' } },
        '指标考核开始日 2026-01-09 不能早于自我测评截止日 2026-01-10',
      ],
      [
        'review.opens',
        { review: { opens: '2026-01-30', closes: '2026-02-28' } },
        '综合评议开始日 2026-01-30 不能早于指标考核截止日 2026-01-31',
      ],
      [
        'appeal.opens',
        { appeal: { opens: '2026-02-27', closes: '2026-03-10' } },
        '申诉开始日 2026-02-27 不能早于综合评议截止日 2026-02-28',
      ],
    ];
    for (const [path, patch, zh] of cases) {
      const issues = calendarIssues({ ...good(), ...patch }, 2025);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.path).toBe(path);
      expect(issues[0]!.zh).toBe(zh);
      expect(issues[0]!.en).toMatch(/must be no earlier than/);
    }
  });

  it('checks each window in itself too (closes not before it opens)', () => {
    const cal = good();
    cal.review = { opens: '2026-02-10', closes: '2026-02-05' };
    const issues = calendarIssues(cal, 2025);
    expect(issues.map((i) => i.path)).toEqual(['review.closes']);
    expect(issues[0]!.zh).toBe('综合评议截止日 2026-02-05 不能早于综合评议开始日 2026-02-10');
  });

  it('lets the self-assessment open in the year or the next, not later', () => {
    const inYear = { ...good(), selfAssessment: { opens: '2025-12-01', closes: '2025-12-31' } };
    expect(calendarIssues(inYear, 2025)).toEqual([]);
    const far: Calendar = {
      ...good(),
      selfAssessment: { opens: '2027-01-05', closes: '2027-01-10' },
      verification: { opens: '2027-01-10', closes: '2027-01-31' },
      review: { opens: '2027-02-01', closes: '2027-02-28' },
      appeal: { opens: '2027-03-01', closes: '2027-03-10' },
    };
    expect(calendarIssues(far, 2025)).toEqual([
      {
        path: 'selfAssessment.opens',
        zh: '自我测评开始日 2027-01-05 应在 2025 年或 2026 年内',
        en: 'The self-assessment should open in 2025 or 2026, not on 2027-01-05',
      },
    ]);
  });
});

describe('dayOfYearShare', () => {
  it('is the share elapsed at the end of the day', () => {
    expect(dayOfYearShare('2025-01-01', 2025)).toBeCloseTo(1 / 365, 12);
    expect(dayOfYearShare('2024-01-01', 2024)).toBeCloseTo(1 / 366, 12);
    expect(dayOfYearShare('2025-12-31', 2025)).toBe(1);
    expect(dayOfYearShare('2024-12-31', 2024)).toBe(1);
    expect(dayOfYearShare('2025-03-31', 2025)).toBeCloseTo(90 / 365, 12);
    expect(dayOfYearShare('2024-06-30', 2024)).toBeCloseTo(182 / 366, 12);
  });
  it('is clamped to [0, 1] outside the year', () => {
    expect(dayOfYearShare('2024-12-31', 2025)).toBe(0);
    expect(dayOfYearShare('2020-05-05', 2025)).toBe(0);
    expect(dayOfYearShare('2026-01-01', 2025)).toBe(1);
  });
  it('grows by one day in the year each day, within [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 0, max: 400 }), (year, offset) => {
        const d = new Date(Date.UTC(year, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const share = dayOfYearShare(d, year);
        expect(share).toBeGreaterThan(0);
        expect(share).toBeLessThanOrEqual(1);
        const expected = Math.min(1, (offset + 1) / daysInYear(year));
        expect(share).toBeCloseTo(expected, 12);
      }),
    );
  });
  it('knows leap years', () => {
    expect([2023, 2024, 2100, 2000].map(daysInYear)).toEqual([365, 366, 365, 366]);
  });
});
