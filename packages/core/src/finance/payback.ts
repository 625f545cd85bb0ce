import { discountFactor } from './discount';
import { type CashFlow, toNetFlows } from './npv';
import { type FinanceResult, financeError, ok } from './result';
import { requireRate } from './validate';

/**
 * 投资回收期 (payback period), in years from the start of year 1 (the t = 1..n convention of
 * ./discount: flows[k] is year k + 1), with the usual Chinese textbook interpolation
 *
 *   回收期 = 累计净现金流量开始出现正值的年份数 − 1 + 上年累计净现金流量的绝对值 / 当年净现金流量
 *   P = (T − 1) + |C_{T−1}| / f_T
 *
 * where T is the first year whose cumulative flow C_T is ≥ 0 after having been negative (C_{T−1} < 0).
 * "≥ 0" rather than "> 0": a cumulative that lands exactly on zero at the end of year T has paid back
 * in exactly T years, which is what the formula gives (T − 1 + f_T / f_T). The interpolation assumes
 * the year's flow accrues evenly. Only the FIRST crossing counts (开始出现), even if later outflows
 * (e.g. a major overhaul) push the cumulative negative again.
 *
 * The dynamic (discounted) period applies the same rule to f_t (1 + i)^−t.
 */
export type PaybackResult =
  | {
      readonly kind: 'paid_back';
      /** Interpolated payback period in years. */
      readonly years: number;
      /** T: the year (1-based) in which the cumulative flow turns non-negative. */
      readonly year: number;
    }
  | {
      readonly kind: 'never';
      /** The cumulative (discounted) flow at the end of the last year, < 0. */
      readonly finalCumulative: number;
    };

export function staticPayback(flows: readonly number[] | readonly CashFlow[]): FinanceResult<PaybackResult> {
  const net = toNetFlows(flows);
  if (!net.ok) return net;
  return paybackOf(net.value);
}

export function dynamicPayback(
  flows: readonly number[] | readonly CashFlow[],
  rate: number,
): FinanceResult<PaybackResult> {
  const net = toNetFlows(flows);
  if (!net.ok) return net;
  const e = requireRate(rate);
  if (e) return e;
  const discounted = net.value.map((f, k) => f * discountFactor(rate, k + 1));
  if (!discounted.every(Number.isFinite))
    return financeError(
      'not_finite',
      '折现后的现金流量超出数值范围（溢出），请检查折现率。',
      'The discounted cash flows are out of numeric range (overflow); check the discount rate.',
    );
  return paybackOf(discounted);
}

function paybackOf(flows: readonly number[]): FinanceResult<PaybackResult> {
  if (!flows.some((f) => f < 0))
    return financeError(
      'invalid_input',
      '现金流量中没有投资（负的净现金流量），投资回收期无意义。',
      'The cash flows contain no investment (no negative net flow), so a payback period is meaningless.',
      { field: 'netFlows' },
    );
  let previous = 0;
  for (let k = 0; k < flows.length; k++) {
    const flow = flows[k] as number;
    const cumulative = previous + flow;
    // previous < 0 ≤ cumulative implies flow = cumulative − previous > 0: no division by zero.
    if (previous < 0 && cumulative >= 0)
      return ok({ kind: 'paid_back', years: k + -previous / flow, year: k + 1 });
    previous = cumulative;
  }
  return ok({ kind: 'never', finalCumulative: previous });
}
