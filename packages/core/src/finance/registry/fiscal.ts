import { z } from 'zod';
import { FINANCE_CALCULATOR_LABELS as L } from '../../vocabulary/labels';
import { debtRatio, debtServiceRatio, revenueGrowthRate, structureShare } from '../fiscal';
import { PERCENT, quantity, withMoneyUnit } from './args';
import { define } from './define';

/**
 * 财政绩效评价工作方案 二、评价指标体系: it names 收入增长率, the 结构 shares, 债务规模 and 偿债能力
 * without formulas, so the usual ones are used and the help texts say so. Every one is a ratio of
 * two amounts in the same unit (`moneyUnit` converts both alike).
 */

const SOURCE = {
  zh: '《财政绩效评价工作方案》二、评价指标体系',
  en: 'Fiscal performance evaluation plan, II',
};
const USUAL = { zh: '原文未给公式，按通行算法', en: 'the source gives no formula; the usual one' };
const MONEY = {
  zh: '金额可按 moneyUnit 以元、万元或亿元填写',
  en: 'Money may be given in yuan, 10k yuan or 100m yuan (moneyUnit)',
};

const debtHelp = (zh: string, en: string) => ({
  zh: `${zh}（${SOURCE.zh} 3. 债务评价指标“债务规模：评估政府债务的规模和债务负担”；${USUAL.zh}）。${MONEY.zh}。单位：%。`,
  en: `${en} (${SOURCE.en}.3, debt scale; ${USUAL.en}). ${MONEY.en}. Unit: %.`,
});

export const fiscalCalculators = {
  revenue_growth_rate: define({
    label: L.revenue_growth_rate,
    help: {
      zh: `收入增长率 = (本年收入 − 上年收入) / 上年收入 × 100%（${SOURCE.zh} 1. 收入评价指标“比较与上年度相比，财政收入的增长情况”；${USUAL.zh}）。可为负数。${MONEY.zh}。单位：%。`,
      en: `Revenue growth rate = (this year − last year) / last year × 100% (${SOURCE.en}.1, revenue; ${USUAL.en}). May be negative. ${MONEY.en}. Unit: %.`,
    },
    args: z.object(withMoneyUnit({ current: quantity, previous: quantity })).strict(),
    unitOfMeasure: PERCENT,
    moneyArgs: ['current', 'previous'],
    compute: (a) => revenueGrowthRate(a.current, a.previous, 'percent'),
  }),
  structure_share: define({
    label: L.structure_share,
    help: {
      zh: `结构比重 = 该项金额 / 合计 × 100%（${SOURCE.zh}：财政收入结构、政府支出结构、债务结构“……中的比重”；${USUAL.zh}）。该项不得大于合计。${MONEY.zh}。单位：%。`,
      en: `Structure share = the part / the total × 100% (${SOURCE.en}: revenue, expenditure and debt structure; ${USUAL.en}). The part cannot exceed the total. ${MONEY.en}. Unit: %.`,
    },
    args: z.object(withMoneyUnit({ part: quantity, total: quantity })).strict(),
    unitOfMeasure: PERCENT,
    moneyArgs: ['part', 'total'],
    compute: (a) => structureShare(a.part, a.total, 'percent'),
  }),
  debt_ratio: define({
    label: L.debt_ratio,
    help: debtHelp(
      '债务率 = 债务余额 / 综合财力 × 100%',
      'Debt ratio = debt balance / fiscal capacity × 100%',
    ),
    args: z.object(withMoneyUnit({ debtBalance: quantity, fiscalCapacity: quantity })).strict(),
    unitOfMeasure: PERCENT,
    moneyArgs: ['debtBalance', 'fiscalCapacity'],
    compute: (a) => debtRatio(a.debtBalance, a.fiscalCapacity, 'fiscal_capacity', 'percent'),
  }),
  debt_to_gdp: define({
    label: L.debt_to_gdp,
    help: debtHelp(
      '负债率 = 债务余额 / 地区生产总值 × 100%',
      'Debt-to-GDP ratio = debt balance / GDP × 100%',
    ),
    args: z.object(withMoneyUnit({ debtBalance: quantity, gdp: quantity })).strict(),
    unitOfMeasure: PERCENT,
    moneyArgs: ['debtBalance', 'gdp'],
    compute: (a) => debtRatio(a.debtBalance, a.gdp, 'gdp', 'percent'),
  }),
  debt_to_revenue: define({
    label: L.debt_to_revenue,
    help: debtHelp(
      '债务收入比 = 债务余额 / 一般公共预算收入 × 100%',
      'Debt-to-revenue ratio = debt balance / general budget revenue × 100%',
    ),
    args: z.object(withMoneyUnit({ debtBalance: quantity, revenue: quantity })).strict(),
    unitOfMeasure: PERCENT,
    moneyArgs: ['debtBalance', 'revenue'],
    compute: (a) => debtRatio(a.debtBalance, a.revenue, 'revenue', 'percent'),
  }),
  debt_service_ratio: define({
    label: L.debt_service_ratio,
    help: {
      zh: `偿债率 = 当年还本付息额 / 综合财力 × 100%（${SOURCE.zh} 3. 债务评价指标“偿债能力：评估政府偿还债务的能力和稳定性”；${USUAL.zh}）。越低越好。${MONEY.zh}。单位：%。`,
      en: `Debt service ratio = principal and interest due this year / fiscal capacity × 100% (${SOURCE.en}.3, repayment capacity; ${USUAL.en}). Lower is better. ${MONEY.en}. Unit: %.`,
    },
    args: z.object(withMoneyUnit({ debtService: quantity, fiscalCapacity: quantity })).strict(),
    unitOfMeasure: PERCENT,
    moneyArgs: ['debtService', 'fiscalCapacity'],
    compute: (a) => debtServiceRatio(a.debtService, a.fiscalCapacity, 'percent'),
  }),
};
