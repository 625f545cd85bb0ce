import { absolutePresentValueAt, presentValueAt } from './discount';
import { type FinanceResult, financeError, finite, ok, type RatioUnit, ratioScale } from './result';
import { requireFinite, requireNumbers, requirePositiveDenominator, requireRate } from './validate';

/** One year's cash flow: CI_t (现金流入量) and CO_t (现金流出量), both as non-negative amounts. */
export interface CashFlow {
  readonly inflow: number;
  readonly outflow: number;
}

const FNPV = { zh: '财务净现值', en: 'FNPV' };

const isCashFlows = (flows: readonly number[] | readonly CashFlow[]): flows is readonly CashFlow[] =>
  flows.length > 0 && typeof flows[0] === 'object';

/** CI_t − CO_t for each year, after checking both are finite and non-negative. */
export function netFlowsOf(cashflows: readonly CashFlow[]): FinanceResult<number[]> {
  if (!Array.isArray(cashflows) || cashflows.length === 0)
    return financeError('invalid_input', '现金流量不能为空。', 'The cash flows cannot be empty.', {
      field: 'cashflows',
    });
  const inflows = cashflows.map((c) => c?.inflow);
  const outflows = cashflows.map((c) => c?.outflow);
  const e =
    requireNumbers(inflows, { zh: '现金流入量', en: 'Cash inflow' }, 'inflow', { nonNegative: true }) ??
    requireNumbers(outflows, { zh: '现金流出量', en: 'Cash outflow' }, 'outflow', { nonNegative: true });
  if (e) return e;
  return ok(cashflows.map((c) => c.inflow - c.outflow));
}

/** Validates net flows (any sign, finite, non-empty) or turns {inflow, outflow} pairs into them. */
export function toNetFlows(flows: readonly number[] | readonly CashFlow[]): FinanceResult<readonly number[]> {
  if (isCashFlows(flows)) return netFlowsOf(flows);
  const e = requireNumbers(flows, { zh: '净现金流量', en: 'Net cash flows' }, 'netFlows');
  return e ?? ok(flows);
}

/**
 * 财务净现值 FNPV = Σ_{t=1..n} (CI_t − CO_t)(1 + i)^−t, exactly as the seed writes it: the first
 * element is year 1 and is discounted once (see ./discount). `rate` is a decimal fraction.
 */
export function fnpv(flows: readonly number[] | readonly CashFlow[], rate: number): FinanceResult<number> {
  const net = toNetFlows(flows);
  if (!net.ok) return net;
  const e = requireRate(rate);
  if (e) return e;
  return finite(presentValueAt(net.value, rate), FNPV);
}

/**
 * 项目总投资现值 PVI = Σ_{t=1..n} I_t (1 + i)^−t, same convention as FNPV; investments are
 * non-negative amounts.
 */
export function presentValueOfInvestment(
  investments: readonly number[],
  rate: number,
): FinanceResult<number> {
  const e =
    requireNumbers(investments, { zh: '投资额', en: 'Investment' }, 'investments', { nonNegative: true }) ??
    requireRate(rate);
  if (e) return e;
  return finite(presentValueAt(investments, rate), { zh: '总投资现值', en: 'Present value of investment' });
}

/**
 * 财务净现值率 NPVR = NPV / PVI × 100%: a decimal fraction by default (0.1646), or percent (16.46)
 * with `unit = 'percent'`. PVI must be positive. The seed heads it "财务净现值率(现值指数)", but
 * what it computes is NPV / PVI, not the textbook profitability index PI = PV(inflows) / PVI
 * (= 1 + NPVR when the investments are the only outflows): this is the seed's formula.
 */
export function npvr(
  npv: number,
  presentValueOfInvestment: number,
  unit: RatioUnit = 'fraction',
): FinanceResult<number> {
  const e =
    requirePositiveDenominator(
      presentValueOfInvestment,
      { zh: '项目总投资现值', en: 'The present value of investment' },
      'presentValueOfInvestment',
    ) ?? requireFinite(npv, { zh: '财务净现值', en: 'The NPV' }, 'npv');
  if (e) return e;
  return finite((npv * ratioScale(unit)) / presentValueOfInvestment, { zh: '财务净现值率', en: 'NPVR' });
}

/**
 * NPVR straight from the flows: FNPV(flows) / PVI(investments), both at the same `rate`, so the
 * NPV in the ratio is exactly the FNPV of the same project (never a separately typed-in figure).
 */
export function npvrOfFlows(
  flows: readonly number[] | readonly CashFlow[],
  investments: readonly number[],
  rate: number,
  unit: RatioUnit = 'fraction',
): FinanceResult<number> {
  const npv = fnpv(flows, rate);
  if (!npv.ok) return npv;
  const pvi = presentValueOfInvestment(investments, rate);
  if (!pvi.ok) return pvi;
  return npvr(npv.value, pvi.value, unit);
}

/** |FNPV| relative to Σ|discounted terms|: how close to zero an NPV is, judged at its own scale. */
export function relativeNpv(netFlows: readonly number[], rate: number): number {
  const scale = absolutePresentValueAt(netFlows, rate);
  return scale === 0 ? 0 : Math.abs(presentValueAt(netFlows, rate)) / scale;
}
