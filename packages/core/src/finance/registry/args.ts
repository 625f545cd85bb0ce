import { z } from 'zod';
import { MONEY_UNITS } from '../../indicators/model';
import { MONEY_UNIT_LABELS } from '../../vocabulary/labels';
import type { FinanceText } from '../result';

/**
 * The argument schemas the calculators share, and their bounds: money and quantities |x| ≤ 1e15
 * (in any unit: far beyond any real project); at most 200 yearly flows (the leaf-input schema's
 * array limit); discount rates −99% … 1000%.
 */

export const MAX_AMOUNT = 1e15;
export const MAX_YEARS = 200;
export const MAX_POLLUTANTS = 100;

/** Any finite amount (a net flow, a value that may be negative). */
export const amount = z
  .number()
  .min(-MAX_AMOUNT, '金额超出范围 / Amount out of range')
  .max(MAX_AMOUNT, '金额超出范围 / Amount out of range');

/** A non-negative amount or quantity. */
export const quantity = z
  .number()
  .min(0, '不能为负数 / Cannot be negative')
  .max(MAX_AMOUNT, '数值超出范围 / Value out of range');

/** The discount rate in percent (8 = 8%), named so that nobody passes 0.08 by habit. */
export const ratePercent = z
  .number()
  .min(-99, '折现率不能低于 −99% / The rate cannot be below −99%')
  .max(1000, '折现率不能高于 1000% / The rate cannot exceed 1000%');

export const fraction = (percent: number) => percent / 100;

/** Yearly series, year t = 1..n (see ../discount). */
export const flows = (item: z.ZodNumber) =>
  z
    .array(item)
    .min(1, '至少需要一年的数据 / At least one year is required')
    .max(MAX_YEARS, `最多 ${MAX_YEARS} 年 / At most ${MAX_YEARS} years`);

/** 金额单位: the money arguments' unit, 万元 when absent (see ../money). */
export const moneyUnit = z
  .enum(MONEY_UNITS)
  .optional()
  .meta({ description: '金额单位 / unit of the money arguments (default ten_thousand_yuan, 万元)' });

/** A calculator's argument shape plus the optional `moneyUnit` of its money arguments. */
export const withMoneyUnit = <T extends z.ZodRawShape>(shape: T) => ({ ...shape, moneyUnit });

export const PERCENT: FinanceText = { zh: '%', en: '%' };
/** Money results are in 万元 (the money unit's own label). */
export const TEN_THOUSAND_YUAN: FinanceText = MONEY_UNIT_LABELS.ten_thousand_yuan;
export const YEARS: FinanceText = { zh: '年', en: 'years' };
