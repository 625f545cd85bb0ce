import { LIGHT_LABELS } from '../vocabulary/cycle-labels';
import { dayOfYearShare } from './calendar';
import type { ProgressPeriod, WarningRule } from './model';
import type { Light, Warning } from './monitoring';
import type { PlanLeaf } from './plan-checks';
import type { PlanItem } from './plans';

/**
 * The progress warning (预警) of one indicator at one period (arts. 14, 22: 定期自查和监测).
 *
 * The path to the target: a running total (累计) should have reached the target times the share of
 * the year elapsed at the end of the period; a level (水平, e.g. a rate) should be at the target.
 * `ofPath` is progress as a share of that path (1 = on it): value ÷ expected where higher is
 * better, expected ÷ value where lower is (逆向, e.g. 事故数). Green from `rule.greenAtLeast`,
 * yellow from `rule.yellowAtLeast`, red below. One overdue milestone (due by the period's end, not
 * done) makes it at least yellow, two or more red. Every warning says why, with its numbers.
 */

const SEVERITY: Record<Light, number> = { none: 0, green: 1, yellow: 2, red: 3 };
const worse = (a: Light, b: Light): Light => (SEVERITY[b] > SEVERITY[a] ? b : a);

/** A value as shown: at most two decimals, no grouping. */
export const showNumber = (x: number): string => {
  // Integers as they are: scaling a huge one by 100 would lose digits.
  const r = Number.isInteger(x) ? x : Math.round(x * 100) / 100;
  return (Object.is(r, -0) ? 0 : r).toLocaleString('en-US', { maximumFractionDigits: 2, useGrouping: false });
};

/**
 * A share as a whole percent, with up to two decimals only where the whole percent would read
 * the same as a threshold it falls on the other side of (94.6% is not shown as 95% against 95%).
 */
const showPercent = (x: number, thresholds: readonly number[] = []): string => {
  for (let d = 0; d <= 2; d++) {
    const shown = (v: number) => (Math.round(v * 100 * 10 ** d) / 10 ** d).toFixed(d);
    const s = shown(x);
    if (d === 2 || thresholds.every((t) => x === t || shown(t) !== s)) return `${Number(s)}%`;
  }
  return `${Math.round(x * 100)}%`;
};

/** Progress against the path, with no regard to milestones. */
interface PathReading {
  light: Light;
  ofPath?: number;
  expected?: number;
  zh: string;
  en: string;
}

function readPath(
  item: PlanItem,
  leaf: PlanLeaf,
  value: number | undefined,
  share: number,
  rule: WarningRule,
): PathReading {
  const target = item.target ?? leaf.officeTarget;
  if (target === undefined)
    return {
      light: 'none',
      zh: '未设定数值目标，无法按进度判断',
      en: 'No numeric target, so progress cannot be read',
    };
  if (value === undefined) return { light: 'none', zh: '未报送进度值', en: 'No progress value was reported' };
  const cumulative = item.progress === 'cumulative';
  const lower = leaf.direction === 'lower';
  const t = showNumber(target);
  const v = showNumber(value);
  if (lower ? target < 0 : target <= 0)
    return {
      light: 'none',
      zh: `目标值 ${t} ${lower ? '小于' : '不大于'} 0，无法按比例判断进度`,
      en: `The target ${t} is ${lower ? 'below' : 'not above'} 0, so progress cannot be read as a share`,
    };
  const expected = cumulative ? target * share : target;
  const e = showNumber(expected);
  const sp = showPercent(share);
  const path = cumulative
    ? lower
      ? {
          zh: `按时间进度（${sp}）应控制在 ${e} 以内`,
          en: `by the time elapsed (${sp}) it should be at most ${e}`,
        }
      : { zh: `按时间进度（${sp}）应达 ${e}`, en: `by the time elapsed (${sp}) it should be ${e}` }
    : lower
      ? { zh: `应控制在目标值 ${t} 以内`, en: `it should be at most the target ${t}` }
      : { zh: `目标值 ${t}`, en: `the target is ${t}` };
  if (lower && value <= 0)
    return {
      light: 'green',
      expected,
      zh: `进度值 ${v}，${path.zh}，不高于应控制值`,
      en: `Progress ${v}; ${path.en}, and it is not above that`,
    };
  if (cumulative && !lower && expected <= 0)
    return {
      light: 'none',
      zh: '本期尚未开始，无法按时间进度判断',
      en: 'The period lies before the year, so there is no path yet',
    };
  // Rounded so that float noise (0.95 read as 0.9499999) does not change the light.
  const ofPath = Math.round((lower ? expected / value : value / expected) * 1e9) / 1e9;
  const light: Light =
    ofPath >= rule.greenAtLeast ? 'green' : ofPath >= rule.yellowAtLeast ? 'yellow' : 'red';
  const marks = [rule.greenAtLeast, rule.yellowAtLeast];
  const p = showPercent(ofPath, marks);
  const g = showPercent(rule.greenAtLeast);
  const y = showPercent(rule.yellowAtLeast);
  const reached = lower
    ? { zh: `应控制值与进度值之比为 ${p}`, en: `the allowed value is ${p} of the progress value` }
    : cumulative
      ? { zh: `达到应达值的 ${p}`, en: `that is ${p} of where it should be` }
      : { zh: `达到目标值的 ${p}`, en: `that is ${p} of the target` };
  const against =
    light === 'green'
      ? { zh: `不低于绿灯线 ${g}`, en: `at or above the green line ${g}` }
      : light === 'yellow'
        ? {
            zh: `低于绿灯线 ${g}、不低于黄灯线 ${y}`,
            en: `below the green line ${g}, at or above the yellow line ${y}`,
          }
        : { zh: `低于黄灯线 ${y}`, en: `below the yellow line ${y}` };
  return {
    light,
    ofPath,
    expected,
    zh: `进度值 ${v}，${path.zh}，${reached.zh}，${against.zh}`,
    en: `Progress ${v}; ${path.en}; ${reached.en}, ${against.en}`,
  };
}

export interface ProgressWarningInput {
  item: PlanItem;
  leaf: PlanLeaf;
  value?: number;
  period: ProgressPeriod;
  year: number;
  rule: WarningRule;
  /** Indices (in `item.milestones`) of milestones reported done; a milestone marked done in the plan counts too. */
  milestonesDone: ReadonlySet<number>;
}

/** The warning of one indicator of a unit's plan at the end of `period`. */
export function progressWarning(input: ProgressWarningInput): Warning {
  const { item, leaf, value, period, year, rule, milestonesDone } = input;
  const overdue = item.milestones.filter((m, j) => m.due <= period.ends && !m.done && !milestonesDone.has(j));
  const dueCount = item.milestones.filter((m) => m.due <= period.ends).length;
  // An indicator without a numeric target (定性, or a task) is followed by its milestones alone.
  const byMilestones = item.target === undefined && leaf.officeTarget === undefined && !leaf.needsNumber;
  const reading: PathReading = byMilestones
    ? dueCount > 0
      ? {
          light: 'green',
          zh: '不按数值监测，按节点判断',
          en: 'Not measured by a number; read by its milestones',
        }
      : {
          light: 'none',
          zh: '不按数值监测，且本期没有到期的节点',
          en: 'Not measured by a number, and no milestone is due by the end of the period',
        }
    : readPath(item, leaf, value, dayOfYearShare(period.ends, year), rule);

  const fromMilestones: Light = overdue.length >= 2 ? 'red' : overdue.length === 1 ? 'yellow' : 'none';
  const light = worse(reading.light, fromMilestones);
  const zh = [reading.zh];
  const en = [reading.en];
  if (overdue.length > 0) {
    const names = overdue.map((m) => `「${m.name}」`).join('、');
    zh.push(`${overdue.length} 个节点已到期未完成：${names}（逾期 1 个至少黄灯，2 个及以上红灯）`);
    en.push(
      `${overdue.length} milestone${overdue.length > 1 ? 's' : ''} overdue: ${overdue.map((m) => `"${m.name}"`).join(', ')} (one overdue makes it at least yellow, two or more red)`,
    );
  } else if (dueCount > 0) {
    zh.push(`到期的 ${dueCount} 个节点均已完成`);
    en.push(`all ${dueCount} milestone${dueCount > 1 ? 's' : ''} due are done`);
  }
  const w: Warning = {
    leaf: leaf.code,
    light,
    overdueMilestones: overdue.map((m) => m.name),
    reason: {
      zh: `${zh.join('；')}：${LIGHT_LABELS[light].zh}`,
      en: `${en.join('; ')}: ${LIGHT_LABELS[light].en}`,
    },
  };
  if (reading.ofPath !== undefined) w.ofPath = reading.ofPath;
  if (reading.expected !== undefined) w.expected = reading.expected;
  if (value !== undefined) w.actual = value;
  return w;
}

/** A unit's light: its worst indicator's (red > yellow > green); none when nothing can be read. */
export const unitLight = (warnings: readonly Warning[]): Light =>
  warnings.reduce<Light>((acc, w) => worse(acc, w.light), 'none');
