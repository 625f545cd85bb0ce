import type { MoneyUnit } from '../indicators/model';

/**
 * Money arrives in 元, 万元 or 亿元 (a formula input's `moneyUnit`) and every calculator computes in
 * 万元, so that 人/万元, 亩/万元 and 吨标准煤/万元 are right whatever unit the unit reported in.
 * 元 is divided by 10 000 rather than multiplied by 0.0001 (not exact in binary): one rounding.
 */
export function toTenThousandYuan(amount: number, unit: MoneyUnit = 'ten_thousand_yuan'): number {
  switch (unit) {
    case 'yuan':
      return amount / 10_000;
    case 'hundred_million_yuan':
      return amount * 10_000;
    case 'ten_thousand_yuan':
      return amount;
  }
}
