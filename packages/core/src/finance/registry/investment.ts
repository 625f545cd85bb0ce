import { z } from 'zod';
import { FINANCE_CALCULATOR_LABELS as L } from '../../vocabulary/labels';
import { irr } from '../irr';
import { type CashFlow, fnpv, npvrOfFlows, presentValueOfInvestment } from '../npv';
import { dynamicPayback, type PaybackResult, staticPayback } from '../payback';
import { type FinanceResult, financeError, ok } from '../result';
import {
  amount,
  flows,
  fraction,
  PERCENT,
  quantity,
  ratePercent,
  TEN_THOUSAND_YUAN,
  withMoneyUnit,
  YEARS,
} from './args';
import { define } from './define';

/**
 * 财务效益指标 of 中央政府投资项目预算绩效评价参考指标 (FNPV, PVI, NPVR) and the indicators that
 * 政府投资项目绩效评估 names under 指标法 (投资回收期, 内部收益率). Rates in and out are percent.
 */

const SOURCE = {
  zh: '《中央政府投资项目预算绩效评价参考指标》二、财务效益指标',
  en: 'Reference indicators for central-government investment projects, II. financial benefit indicators',
};
const NAMED = {
  zh: '《政府投资项目绩效评估》二、1. 指标法列出的常用指标；原文未给公式，按通行定义',
  en: 'named in "Performance evaluation of government investment projects", II.1 indicator method; the source gives no formula, so the usual definition',
};
const RATE = {
  zh: 'i 为考核办规定的基准折现率（ratePercent，按百分数，8 表示 8%，由考核办设定）',
  en: 'i is the benchmark discount rate the office sets (ratePercent, in percent: 8 means 8%; office-set)',
};
const MONEY = {
  zh: '金额可按 moneyUnit 以元、万元或亿元填写，按万元计算',
  en: 'money may be given in yuan, 10k yuan or 100m yuan (moneyUnit) and is computed in 10k yuan',
};

const OFFICE_RATE = ['ratePercent'] as const;
const FLOW_ARGS = ['netFlows', 'inflows', 'outflows'] as const;

const sameYears = {
  message: '现金流入与流出的年数必须相同 / Inflows and outflows must cover the same number of years',
  path: ['outflows'],
};
const coverSameYears = (a: { inflows: number[]; outflows: number[] }) =>
  a.inflows.length === a.outflows.length;

/** The two ways to give cash flows: net flows (any sign), or inflows and outflows (each ≥ 0, same years). */
const netFlowsShape = withMoneyUnit({ netFlows: flows(amount) });
const inOutShape = withMoneyUnit({ inflows: flows(quantity), outflows: flows(quantity) });

const cashFlowsOf = (
  a: { netFlows: number[] } | { inflows: number[]; outflows: number[] },
): readonly number[] | readonly CashFlow[] =>
  'netFlows' in a ? a.netFlows : a.inflows.map((inflow, t) => ({ inflow, outflow: a.outflows[t] ?? 0 }));

const paybackYears = (r: FinanceResult<PaybackResult>): FinanceResult<number> => {
  if (!r.ok) return r;
  return r.value.kind === 'paid_back'
    ? ok(r.value.years)
    : financeError(
        'never_pays_back',
        '在计算期内累计净现金流量始终为负，投资无法回收。',
        'The cumulative net cash flow stays negative over the whole period: the investment never pays back.',
      );
};

const PAYBACK_FORMULA = {
  zh: '回收期 = 累计净现金流量开始出现正值的年份数 − 1 + 上年累计净现金流量的绝对值 / 当年净现金流量，从第 1 年年初起算',
  en: 'payback = (first year the cumulative net flow turns non-negative) − 1 + |previous cumulative| / that year’s flow, counted from the start of year 1',
};

export const investmentCalculators = {
  fnpv: define({
    label: L.fnpv,
    help: {
      zh: `财务净现值 FNPV = Σ(CIt − COt)(1 + i)^−t，t = 1…n（${SOURCE.zh}（一）的计算式）：第 1 年的现金流量折现一期。${RATE.zh}。填各年净现金流量 netFlows，或各年现金流入 inflows 与现金流出 outflows；${MONEY.zh}。单位：万元。`,
      en: `Financial net present value FNPV = Σ(CIt − COt)(1 + i)^−t, t = 1…n (${SOURCE.en} (1)): year 1 is discounted once. ${RATE.en}. Give yearly net flows (netFlows), or inflows and outflows; ${MONEY.en}. Unit: 10k yuan.`,
    },
    args: z.union([
      z.object({ ...netFlowsShape, ratePercent }).strict(),
      z
        .object({ ...inOutShape, ratePercent })
        .strict()
        .refine(coverSameYears, sameYears),
    ]),
    unitOfMeasure: TEN_THOUSAND_YUAN,
    officeArgs: OFFICE_RATE,
    moneyArgs: FLOW_ARGS,
    compute: (a) => fnpv(cashFlowsOf(a), fraction(a.ratePercent)),
  }),
  present_value_of_investment: define({
    label: L.present_value_of_investment,
    help: {
      zh: `项目总投资现值 PVI = Σ It(1 + i)^−t，t = 1…n，与财务净现值同一折现约定；是财务净现值率的分母（${SOURCE.zh}（二））。${RATE.zh}；${MONEY.zh}。单位：万元。`,
      en: `Present value of investment PVI = Σ It(1 + i)^−t, t = 1…n, discounted as the FNPV; the denominator of the NPVR (${SOURCE.en} (2)). ${RATE.en}; ${MONEY.en}. Unit: 10k yuan.`,
    },
    args: z.object(withMoneyUnit({ investments: flows(quantity), ratePercent })).strict(),
    unitOfMeasure: TEN_THOUSAND_YUAN,
    officeArgs: OFFICE_RATE,
    moneyArgs: ['investments'],
    compute: (a) => presentValueOfInvestment(a.investments, fraction(a.ratePercent)),
  }),
  npvr: define({
    label: L.npvr,
    help: {
      zh: `财务净现值率 NPVR = FNPV / PVI × 100%（${SOURCE.zh}（二））：用同一组现金流量、同一折现率算出财务净现值，再除以各年投资 investments 的现值，表示单位投资现值能够获得的净收益现值。原文标题中的“（现值指数）”不是教科书上的现值指数 PI（PI = 1 + NPVR）；这里计算的是原文公式给出的 NPVR。${RATE.zh}；${MONEY.zh}。单位：%。`,
      en: `Net present value ratio NPVR = FNPV / PVI × 100% (${SOURCE.en} (2)): the FNPV of the cash flows and the present value of the yearly investments, both at the same rate — the net present value earned per unit of invested present value. The source's heading adds "(现值指数)", but that is not the textbook profitability index PI (PI = 1 + NPVR); this computes the NPVR of the source's formula. ${RATE.en}; ${MONEY.en}. Unit: %.`,
    },
    args: z.union([
      z.object({ ...netFlowsShape, investments: flows(quantity), ratePercent }).strict(),
      z
        .object({ ...inOutShape, investments: flows(quantity), ratePercent })
        .strict()
        .refine(coverSameYears, sameYears),
    ]),
    unitOfMeasure: PERCENT,
    officeArgs: OFFICE_RATE,
    moneyArgs: [...FLOW_ARGS, 'investments'],
    compute: (a) => npvrOfFlows(cashFlowsOf(a), a.investments, fraction(a.ratePercent), 'percent'),
  }),
  irr: define({
    label: L.irr,
    help: {
      zh: `内部收益率 IRR：使 Σ(CIt − COt)(1 + IRR)^−t = 0 的折现率，与财务净现值同一折现约定（${NAMED.zh}）。现金流量多次变号、有多个内部收益率时报错并列出，建议改用财务净现值；${MONEY.zh}。单位：%。`,
      en: `Internal rate of return: the rate at which Σ(CIt − COt)(1 + IRR)^−t = 0, discounted as the FNPV (${NAMED.en}). Cash flows with several IRRs are an error that lists them (use the FNPV instead); ${MONEY.en}. Unit: %.`,
    },
    args: z.object(withMoneyUnit({ netFlows: flows(amount) })).strict(),
    unitOfMeasure: PERCENT,
    moneyArgs: ['netFlows'],
    compute: (a) => {
      const r = irr(a.netFlows);
      if (!r.ok) return r;
      const v = r.value;
      if (v.kind === 'unique') return ok(v.rate * 100);
      if (v.kind === 'none') return financeError('no_irr', v.zh, v.en);
      const list = v.rates.map((x) => `${+(x * 100).toPrecision(6)}%`).join('、');
      return financeError(
        'multiple_irr',
        `现金流量多次变号，存在多个内部收益率（${list}），无法确定唯一值；建议改用财务净现值。`,
        `The cash flows change sign more than once and have several IRRs (${list.replaceAll('、', ', ')}); none is "the" IRR — use the FNPV instead.`,
        { rates: v.rates.map((x) => x * 100) },
      );
    },
  }),
  static_payback: define({
    label: L.static_payback,
    help: {
      zh: `静态投资回收期：${PAYBACK_FORMULA.zh}（投资回收期为${NAMED.zh}）。计算期内始终未回收时报错；${MONEY.zh}。单位：年。`,
      en: `Static payback period: ${PAYBACK_FORMULA.en} (the payback period is ${NAMED.en}). Never paying back within the period is an error; ${MONEY.en}. Unit: years.`,
    },
    args: z.object(withMoneyUnit({ netFlows: flows(amount) })).strict(),
    unitOfMeasure: YEARS,
    moneyArgs: ['netFlows'],
    compute: (a) => paybackYears(staticPayback(a.netFlows)),
  }),
  dynamic_payback: define({
    label: L.dynamic_payback,
    help: {
      zh: `动态投资回收期：对按基准折现率折现后的净现金流量 (CIt − COt)(1 + i)^−t，${PAYBACK_FORMULA.zh}（投资回收期为${NAMED.zh}）。${RATE.zh}；${MONEY.zh}。单位：年。`,
      en: `Dynamic (discounted) payback period: on the discounted net flows (CIt − COt)(1 + i)^−t, ${PAYBACK_FORMULA.en} (the payback period is ${NAMED.en}). ${RATE.en}; ${MONEY.en}. Unit: years.`,
    },
    args: z.object(withMoneyUnit({ netFlows: flows(amount), ratePercent })).strict(),
    unitOfMeasure: YEARS,
    officeArgs: OFFICE_RATE,
    moneyArgs: ['netFlows'],
    compute: (a) => paybackYears(dynamicPayback(a.netFlows, fraction(a.ratePercent))),
  }),
};
