import {
  COMPARISON_GRADE_LABELS,
  type ComparisonGrade,
  type Coverage,
  isEnumValue,
  TENANT_LEVEL_LABELS,
} from '@jixiao/core';
import { useView } from '../../context';
import { type Lang, t } from '../../i18n';

/** How the comparison's pages write their numbers (as the console writes them elsewhere). */

/** A share in percent with one decimal at most: 0.4512 → "45.1%". */
export const percent = (f: number): string => `${Math.round(f * 1000) / 10}%`;

/** The share of the tenant's points its mapped leaves carry (0 when it has no points). */
export const coverageShare = (c: Coverage): number =>
  c.totalPoints > 0 ? c.mappedPoints / c.totalPoints : 0;

/** 覆盖本地 45% 的分值（3 / 12 个末级指标）. */
export const coverageText = (lang: Lang, c: Coverage): string =>
  `${t(lang, 'srCoverageText', { pct: percent(coverageShare(c)) })}${t(lang, 'srCoverageLeaves', {
    mapped: c.mappedLeaves,
    total: c.totalLeaves,
  })}`;

/** A number with at most two decimals, grouped the zh-CN way (12,345.67); a dash for none. */
const two = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const fixed2 = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : two.format(n);

/** A composite of the fast path, as the exact ones are shown: two decimals (63 → "63.00"). */
export const dp2 = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : n.toFixed(2);

/** A signed percentage change (+3.2% / −1.5%). */
export const change = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : ''}${fixed2(Math.abs(n))}%`;

/** A tenant level (市级 / 县级 …) from the vocabulary; another value as it is. */
export const levelText = (lang: Lang, level: string): string =>
  isEnumValue('tenantLevel', level) ? TENANT_LEVEL_LABELS[level][lang] : level;

const GRADE_CLASS: Record<ComparisonGrade, string> = {
  excellent: 'grade g0',
  good: 'grade g1',
  fair: 'grade g2',
  poor: 'grade g-last',
};

/** 优秀 / 良好 / 一般 / 较差 as a badge in words; 未排名 when the tenant has no rank. */
export function ComparisonGradeBadge(props: { grade: ComparisonGrade | null }) {
  const { lang } = useView();
  if (!props.grade) return <span class="muted">{t(lang, 'cmUnranked')}</span>;
  return (
    <span class={GRADE_CLASS[props.grade]} data-grade={props.grade}>
      {COMPARISON_GRADE_LABELS[props.grade][lang]}
    </span>
  );
}
