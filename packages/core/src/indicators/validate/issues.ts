import Decimal from 'decimal.js';
import type { z } from 'zod';
import type { Bilingual } from '../../scoring/types';
import type { SYSTEM_CHECKS, systemIssueSchema } from '../views';

/** Which check produced an issue (the list lives with the view schemas, `views.ts`). */
export type SystemCheck = (typeof SYSTEM_CHECKS)[number];
export type SystemIssue = z.infer<typeof systemIssueSchema>;

/** Where the checks put what they find, in the order they find it. */
export class IssueList {
  readonly items: SystemIssue[] = [];
  add(check: SystemCheck, path: string, zh: string, en: string): void {
    this.items.push({ check, path, zh, en });
  }
}

/** Sums are compared with this absolute tolerance. */
export const WEIGHT_TOLERANCE = 1e-9;

// Decimal sums: 0.1 + 0.2 is 0.3, so sums are exact for the decimals an office types.
export const D = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -50,
  toExpPos: 50,
});
export type D = Decimal;

export const sum = (xs: readonly number[]): D => xs.reduce<D>((acc, x) => acc.plus(x), new D(0));

/** A number as people read it: at most 6 decimals, no exponent, no floating noise, no "-0". */
export const formatNumber = (x: number | D): string => {
  const d = new D(x).toDecimalPlaces(6);
  return d.isZero() ? '0' : d.toFixed();
};
export const signed = (x: D): string =>
  x.isPositive() && !x.isZero() ? `+${formatNumber(x)}` : formatNumber(x);

const LEVEL_NAMES: readonly Bilingual[] = [
  { zh: '一级指标', en: 'Dimension' },
  { zh: '二级指标', en: 'Indicator' },
  { zh: '三级指标', en: 'Sub-indicator' },
];
const levelName = (level: number): Bilingual =>
  LEVEL_NAMES[level - 1] ?? { zh: `第${level}级指标`, en: `Level-${level} node` };

/** 一级指标 D1「经济建设」 / Dimension D1 "经济建设". */
export const nodeLabel = (level: number, node: { code: string; name: string }): Bilingual => {
  const l = levelName(level);
  return { zh: `${l.zh} ${node.code}「${node.name}」`, en: `${l.en} ${node.code} "${node.name}"` };
};
