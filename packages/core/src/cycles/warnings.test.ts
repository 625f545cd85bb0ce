import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProgressPeriod, WarningRule } from './model';
import type { Light, Warning } from './monitoring';
import type { PlanLeaf } from './plan-checks';
import { type PlanItem, planItemSchema } from './plans';
import { type ProgressWarningInput, progressWarning, showNumber, unitLight } from './warnings';

const leaf: PlanLeaf = {
  code: 'C1',
  name: '开工项目数',
  type: 'quantitative',
  direction: 'higher',
  weight: 10,
  needsNumber: true,
  source: 'self_report',
  evidenceRequired: false,
};
const rule: WarningRule = { greenAtLeast: 0.95, yellowAtLeast: 0.8 };
/** 2024 is a leap year: 1 July ends day 183 of 366, exactly half the year. */
const half: ProgressPeriod = { code: 'H1', name: '上半年', ends: '2024-07-01', due: '2024-07-10' };
const item = (over: Partial<PlanItem> = {}): PlanItem =>
  planItemSchema.parse({
    leaf: 'C1',
    basis: 'b',
    standard: 's',
    measures: 'm',
    owner: 'o',
    target: 100,
    ...over,
  });
const warn = (over: Partial<ProgressWarningInput> = {}): Warning =>
  progressWarning({ item: item(), leaf, period: half, year: 2024, rule, milestonesDone: new Set(), ...over });

describe('progressWarning: higher is better', () => {
  it('reads a running total against the time path and says so with its numbers', () => {
    const w = warn({ value: 41.5 });
    expect(w).toEqual({
      leaf: 'C1',
      light: 'yellow',
      ofPath: 0.83,
      expected: 50,
      actual: 41.5,
      overdueMilestones: [],
      reason: {
        zh: '进度值 41.5，按时间进度（50%）应达 50，达到应达值的 83%，低于绿灯线 95%、不低于黄灯线 80%：黄灯（滞后）',
        en: 'Progress 41.5; by the time elapsed (50%) it should be 50; that is 83% of where it should be, below the green line 95%, at or above the yellow line 80%: Yellow (behind)',
      },
    });
  });

  it('is green on the green line and red below the yellow one', () => {
    expect(warn({ value: 47.5 }).light).toBe('green');
    expect(warn({ value: 47.5 }).reason.zh).toContain('达到应达值的 95%，不低于绿灯线 95%：绿灯（正常）');
    expect(warn({ value: 40 }).light).toBe('yellow');
    const red = warn({ value: 39.99 });
    expect(red.light).toBe('red');
    expect(red.reason.zh).toContain('达到应达值的 79.98%，低于黄灯线 80%：红灯（严重滞后）');
  });

  it('shows a decimal where a whole percent would read as the threshold it misses', () => {
    const w = warn({ value: 47.3 });
    expect(w.light).toBe('yellow');
    expect(w.reason.zh).toContain('达到应达值的 94.6%，低于绿灯线 95%');
  });

  it('reads a level (a rate) against the target itself', () => {
    const w = warn({ item: item({ target: 90, progress: 'level' }), value: 88 });
    expect(w.light).toBe('green');
    expect(w.expected).toBe(90);
    expect(w.reason.zh).toBe('进度值 88，目标值 90，达到目标值的 98%，不低于绿灯线 95%：绿灯（正常）');
  });

  it("uses the office's target where the plan gives none", () => {
    const w = warn({ item: item({ target: undefined }), leaf: { ...leaf, officeTarget: 10 }, value: 5 });
    expect(w.expected).toBe(5);
    expect(w.light).toBe('green');
  });

  it('reads the whole target at the end of the year', () => {
    const dec: ProgressPeriod = { code: 'Y', name: '全年', ends: '2025-12-31', due: '2026-01-10' };
    const w = warn({ period: dec, year: 2025, value: 96 });
    expect(w.expected).toBe(100);
    expect(w.reason.zh).toContain('按时间进度（100%）应达 100');
  });

  it('rounds values to two decimals in words, keeping the exact numbers in fields', () => {
    const w = warn({ item: item({ target: 10 / 3 }), value: 1.23456 });
    expect(w.reason.zh).toContain('进度值 1.23，按时间进度（50%）应达 1.67');
    expect(w.actual).toBe(1.23456);
    expect(showNumber(-0.001)).toBe('0');
    expect(showNumber(1e21)).toBe('1000000000000000000000');
  });
});

describe('progressWarning: lower is better (逆向)', () => {
  const lower: PlanLeaf = { ...leaf, code: 'C9', name: '安全事故数', direction: 'lower' };
  it('reads the allowed share of the path over the value', () => {
    const w = warn({ leaf: lower, item: item({ leaf: 'C9', target: 10 }), value: 6 });
    expect(w.expected).toBe(5);
    expect(w.ofPath).toBeCloseTo(5 / 6, 9);
    expect(w.light).toBe('yellow');
    expect(w.reason.zh).toBe(
      '进度值 6，按时间进度（50%）应控制在 5 以内，应控制值与进度值之比为 83%，低于绿灯线 95%、不低于黄灯线 80%：黄灯（滞后）',
    );
    expect(warn({ leaf: lower, item: item({ target: 10 }), value: 5 }).light).toBe('green');
  });
  it('is green at zero, and red for any incident against a target of zero', () => {
    const zero = warn({ leaf: lower, item: item({ target: 0, progress: 'level' }), value: 0 });
    expect(zero.light).toBe('green');
    expect(zero.ofPath).toBeUndefined();
    expect(zero.reason.zh).toBe('进度值 0，应控制在目标值 0 以内，不高于应控制值：绿灯（正常）');
    const one = warn({ leaf: lower, item: item({ target: 0, progress: 'level' }), value: 1 });
    expect(one.light).toBe('red');
    expect(one.ofPath).toBe(0);
  });
  it('cannot read a negative target', () => {
    const w = warn({ leaf: lower, item: item({ target: -1 }), value: 1 });
    expect(w.light).toBe('none');
    expect(w.reason.zh).toBe('目标值 -1 小于 0，无法按比例判断进度：无法判断');
  });
});

describe('progressWarning: when it cannot be read', () => {
  it('says no value was reported', () => {
    const w = warn({});
    expect(w).toMatchObject({ light: 'none', overdueMilestones: [] });
    expect(w.reason).toEqual({
      zh: '未报送进度值：无法判断',
      en: 'No progress value was reported: Not assessable',
    });
    expect(w.actual).toBeUndefined();
  });
  it('says there is no numeric target', () => {
    expect(warn({ item: item({ target: undefined }), value: 3 }).reason.zh).toBe(
      '未设定数值目标，无法按进度判断：无法判断',
    );
  });
  it('cannot read a share of a target at or below zero where higher is better', () => {
    for (const progress of ['cumulative', 'level'] as const) {
      const w = warn({ item: item({ target: 0, progress }), value: 3 });
      expect(w.light).toBe('none');
      expect(w.reason.zh).toContain('目标值 0 不大于 0');
    }
  });
  it('has no path for a period before the year', () => {
    const early: ProgressPeriod = { code: 'X', name: 'X', ends: '2023-12-31', due: '2024-01-05' };
    expect(warn({ period: early, value: 3 }).light).toBe('none');
  });
});

describe('progressWarning: milestones', () => {
  const m = (name: string, due: string, done = false) => ({ name, due, owner: 'o', standard: 's', done });
  const withMilestones = item({
    milestones: [
      m('招标', '2024-03-31'),
      m('开工', '2024-06-30'),
      m('竣工', '2024-12-31'),
      m('验收', '2024-07-01', true),
    ],
  });

  it('one overdue milestone makes a green at least yellow, and names it', () => {
    const w = warn({ item: withMilestones, value: 60, milestonesDone: new Set([0]) });
    expect(w.light).toBe('yellow');
    expect(w.overdueMilestones).toEqual(['开工']);
    expect(w.reason.zh).toBe(
      '进度值 60，按时间进度（50%）应达 50，达到应达值的 120%，不低于绿灯线 95%；1 个节点已到期未完成：「开工」（逾期 1 个至少黄灯，2 个及以上红灯）：黄灯（滞后）',
    );
    expect(w.reason.en).toContain('1 milestone overdue: "开工"');
  });
  it('two or more make it red', () => {
    const w = warn({ item: withMilestones, value: 60 });
    expect(w.light).toBe('red');
    expect(w.overdueMilestones).toEqual(['招标', '开工']);
  });
  it('do not lighten a worse light', () => {
    expect(warn({ item: withMilestones, value: 10, milestonesDone: new Set([0]) }).light).toBe('red');
  });
  it('count as done when reported or marked in the plan; later ones are not due', () => {
    const w = warn({ item: withMilestones, value: 60, milestonesDone: new Set([0, 1]) });
    expect(w.light).toBe('green');
    expect(w.reason.zh).toContain('到期的 3 个节点均已完成');
  });
  it('speak even without a value', () => {
    expect(warn({ item: withMilestones }).light).toBe('red');
    expect(warn({ item: withMilestones, milestonesDone: new Set([0]) }).light).toBe('yellow');
  });
  it('follow an indicator without a numeric target', () => {
    const qual: PlanLeaf = { ...leaf, type: 'qualitative', needsNumber: false };
    const words = (milestones: ReturnType<typeof m>[]) =>
      item({ target: undefined, targetText: '建成', milestones });
    const green = warn({ leaf: qual, item: words([m('方案', '2024-05-01', true)]) });
    expect(green.light).toBe('green');
    expect(green.reason.zh).toBe('不按数值监测，按节点判断；到期的 1 个节点均已完成：绿灯（正常）');
    expect(warn({ leaf: qual, item: words([m('方案', '2024-05-01')]) }).light).toBe('yellow');
    const none = warn({ leaf: qual, item: words([m('方案', '2024-09-01')]) });
    expect(none.light).toBe('none');
    expect(none.reason.zh).toBe('不按数值监测，且本期没有到期的节点：无法判断');
  });
});

describe('progressWarning: properties', () => {
  const order: Record<Light, number> = { none: 0, green: 1, yellow: 2, red: 3 };
  it('a higher value is never a worse light where higher is better, and a better one where lower is', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.constantFrom('cumulative' as const, 'level' as const),
        (target, a, b, progress) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const at = (value: number, l: PlanLeaf) =>
            warn({ item: item({ target, progress }), leaf: l, value }).light;
          expect(order[at(hi, leaf)]).toBeLessThanOrEqual(order[at(lo, leaf)]);
          const rev = { ...leaf, direction: 'lower' as const };
          expect(order[at(lo, rev)]).toBeLessThanOrEqual(order[at(hi, rev)]);
        },
      ),
    );
  });
  it('the light matches ofPath against the rule, and the reason ends with the light', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 300, noNaN: true }), (value) => {
        const w = warn({ value });
        expect(w.light).toBe(w.ofPath! >= 0.95 ? 'green' : w.ofPath! >= 0.8 ? 'yellow' : 'red');
        expect(
          w.reason.zh.endsWith(
            w.light === 'green' ? '绿灯（正常）' : w.light === 'yellow' ? '黄灯（滞后）' : '红灯（严重滞后）',
          ),
        ).toBe(true);
      }),
    );
  });
});

describe('unitLight', () => {
  const w = (light: Light) => ({ light }) as Warning;
  it('is the worst light, none only when nothing can be read', () => {
    expect(unitLight([])).toBe('none');
    expect(unitLight([w('none'), w('none')])).toBe('none');
    expect(unitLight([w('none'), w('green')])).toBe('green');
    expect(unitLight([w('green'), w('yellow'), w('none')])).toBe('yellow');
    expect(unitLight([w('yellow'), w('red'), w('green')])).toBe('red');
  });
});
