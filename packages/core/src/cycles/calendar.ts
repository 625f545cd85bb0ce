import type { Calendar } from './model';

/**
 * Calendar rules of a cycle. Days are Asia/Shanghai calendar days (`YYYY-MM-DD`), compared as
 * strings (that order is the calendar's). China keeps UTC+8 all year (no daylight saving), so the
 * day is the UTC day of the instant moved eight hours on.
 */

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day in Asia/Shanghai at `now`. */
export function shanghaiDay(now: Date): string {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** A problem with a calendar: where (a path into the calendar) and what, in both languages. */
export interface CalendarIssue {
  zh: string;
  en: string;
  path: string;
}

const yearOf = (day: string): number => Number(day.slice(0, 4));

/** The steps of the year-end chain, in the order their days must come. */
const CHAIN: readonly { path: string; zh: string; en: string; day: (c: Calendar) => string }[] = [
  {
    path: 'planDeadline',
    zh: '年度绩效计划报送截止日',
    en: 'the annual plan deadline',
    day: (c) => c.planDeadline,
  },
  {
    path: 'selfAssessment.opens',
    zh: '自我测评开始日',
    en: 'the self-assessment opening day',
    day: (c) => c.selfAssessment.opens,
  },
  {
    path: 'selfAssessment.closes',
    zh: '自我测评截止日',
    en: 'the self-assessment closing day',
    day: (c) => c.selfAssessment.closes,
  },
  {
    path: 'verification.opens',
    zh: '指标考核开始日',
    en: 'the verification opening day',
    day: (c) => c.verification.opens,
  },
  {
    path: 'verification.closes',
    zh: '指标考核截止日',
    en: 'the verification closing day',
    day: (c) => c.verification.closes,
  },
  { path: 'review.opens', zh: '综合评议开始日', en: 'the review opening day', day: (c) => c.review.opens },
  { path: 'review.closes', zh: '综合评议截止日', en: 'the review closing day', day: (c) => c.review.closes },
  { path: 'appeal.opens', zh: '申诉开始日', en: 'the appeal opening day', day: (c) => c.appeal.opens },
];

/**
 * Everything wrong with a cycle's calendar for `year`, in the order of the calendar:
 * - the plan deadline falls within the year;
 * - progress periods have unique codes, end within the year, are due no earlier than they end,
 *   and are listed in the order they end;
 * - the steps follow one another: plan deadline < self-assessment opens ≤ closes ≤ verification
 *   opens ≤ closes ≤ review opens ≤ closes ≤ appeal opens (a step may start the day the previous
 *   one closes, but the year-end work starts after the plans are in);
 * - the self-assessment opens in the year or the next (year-end work runs over December/January).
 */
export function calendarIssues(cal: Calendar, year: number): CalendarIssue[] {
  const out: CalendarIssue[] = [];
  if (yearOf(cal.planDeadline) !== year)
    out.push({
      path: 'planDeadline',
      zh: `年度绩效计划报送截止日 ${cal.planDeadline} 不在 ${year} 年内`,
      en: `The annual plan deadline ${cal.planDeadline} is not in ${year}`,
    });

  const seen = new Set<string>();
  cal.progressPeriods.forEach((p, i) => {
    const at = `progressPeriods.${i}`;
    const label = {
      zh: `进度报送期次「${p.name}」（${p.code}）`,
      en: `Progress period ${p.code} "${p.name}"`,
    };
    if (seen.has(p.code))
      out.push({
        path: `${at}.code`,
        zh: `${label.zh}的代码与前面的期次重复`,
        en: `${label.en} repeats the code of an earlier period`,
      });
    seen.add(p.code);
    if (yearOf(p.ends) !== year)
      out.push({
        path: `${at}.ends`,
        zh: `${label.zh}的截止日 ${p.ends} 不在 ${year} 年内`,
        en: `${label.en} ends ${p.ends}, which is not in ${year}`,
      });
    if (p.due < p.ends)
      out.push({
        path: `${at}.due`,
        zh: `${label.zh}的报送日 ${p.due} 早于其所报期间的截止日 ${p.ends}`,
        en: `${label.en} is due ${p.due}, before the period it reports on ends (${p.ends})`,
      });
    const prev = cal.progressPeriods[i - 1];
    if (prev && p.ends < prev.ends)
      out.push({
        path: `${at}.ends`,
        zh: `${label.zh}截止于 ${p.ends}，早于排在它前面的「${prev.name}」（${prev.ends}）；期次应按截止日先后排列`,
        en: `${label.en} ends ${p.ends}, before the period listed ahead of it, ${prev.code} (${prev.ends}); list periods in the order they end`,
      });
  });

  for (let i = 1; i < CHAIN.length; i++) {
    const a = CHAIN[i - 1]!;
    const b = CHAIN[i]!;
    const da = a.day(cal);
    const db = b.day(cal);
    // The plan deadline must come strictly before the year-end work; the later steps may touch.
    const strict = i === 1;
    if (strict ? db <= da : db < da)
      out.push({
        path: b.path,
        zh: `${b.zh} ${db} ${strict ? '应晚于' : '不能早于'}${a.zh} ${da}`,
        en: `${cap(b.en)} ${db} must be ${strict ? 'after' : 'no earlier than'} ${a.en} ${da}`,
      });
  }

  const opens = cal.selfAssessment.opens;
  if (yearOf(opens) !== year && yearOf(opens) !== year + 1)
    out.push({
      path: 'selfAssessment.opens',
      zh: `自我测评开始日 ${opens} 应在 ${year} 年或 ${year + 1} 年内`,
      en: `The self-assessment should open in ${year} or ${year + 1}, not on ${opens}`,
    });
  return out;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const utc = (day: string): number =>
  Date.UTC(yearOf(day), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** Days in `year` (365 or 366). */
export const daysInYear = (year: number): number =>
  (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;

/**
 * The share of `year` elapsed at the END of `day`: Jan 1 → 1/365 (1/366 in a leap year), Dec 31 → 1.
 * Days before the year give 0, after it 1. This is the time path a cumulative target is read on.
 */
export function dayOfYearShare(day: string, year: number): number {
  const elapsed = (utc(day) - Date.UTC(year, 0, 1)) / DAY_MS + 1;
  return Math.min(1, Math.max(0, elapsed / daysInYear(year)));
}
