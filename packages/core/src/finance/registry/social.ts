import { z } from 'zod';
import { FINANCE_CALCULATOR_LABELS as L } from '../../vocabulary/labels';
import { employmentPerInvestment } from '../employment';
import { environmentalQualityIndex, eqiExceedances } from '../eqi';
import { energyPerNetOutput, landPerInvestment, waterPerProduct } from '../resource-use';
import { amount, MAX_POLLUTANTS, quantity, withMoneyUnit } from './args';
import { define } from './define';

/**
 * 社会效益指标 of 中央政府投资项目预算绩效评价参考指标: 就业效益 (一), 资源利用 (二), 环境影响 (三),
 * each with the seed's own formula, plus the exceedance count that guards the EQI's average.
 */

const SOURCE = {
  zh: '《中央政府投资项目预算绩效评价参考指标》一、社会效益指标',
  en: 'Reference indicators for central-government investment projects, I. social benefit indicators',
};
const INVESTMENT_IN_WAN = {
  zh: '投资可按 moneyUnit 以元、万元或亿元填写，按万元计算',
  en: 'Investment may be given in yuan, 10k yuan or 100m yuan (moneyUnit) and is computed in 10k yuan',
};

const pollutants = z
  .object({
    emitted: z
      .array(quantity)
      .min(1, '至少一种污染物 / At least one pollutant')
      .max(MAX_POLLUTANTS)
      .meta({ description: 'Qi: 各种有害物质的排放量' }),
    maxAllowed: z
      .array(quantity)
      .min(1, '至少一种污染物 / At least one pollutant')
      .max(MAX_POLLUTANTS)
      .meta({ description: 'Qio: 国家规定的最大允许排放量（与 Qi 同单位、同顺序）' }),
  })
  .strict()
  .refine((a) => a.emitted.length === a.maxAllowed.length, {
    message: '排放量与允许排放量的项数必须相同 / Emissions and limits must have the same length',
    path: ['maxAllowed'],
  });

const pairs = (a: { emitted: number[]; maxAllowed: number[] }) =>
  a.emitted.map((emitted, i) => ({ emitted, maxAllowed: a.maxAllowed[i] ?? 0 }));

export const socialCalculators = {
  employment_per_investment: define({
    label: L.employment_per_investment,
    help: {
      zh: `单位投资就业人数 = 新增总就业人数（包括本项目与相关项目）/ 项目总投资（包括直接投资与间接投资）（${SOURCE.zh}（一）就业效益指标）。${INVESTMENT_IN_WAN.zh}。单位：人/万元。`,
      en: `Employment per investment = new jobs (this project and related projects) / total investment (direct and indirect) (${SOURCE.en} (1), employment). ${INVESTMENT_IN_WAN.en}. Unit: persons per 10k yuan.`,
    },
    args: z
      .object(
        withMoneyUnit({
          directJobs: quantity,
          relatedJobs: quantity.optional(),
          directInvestment: quantity,
          indirectInvestment: quantity.optional(),
        }),
      )
      .strict(),
    unitOfMeasure: { zh: '人/万元', en: 'persons per 10k yuan' },
    moneyArgs: ['directInvestment', 'indirectInvestment'],
    compute: (a) => employmentPerInvestment(a),
  }),
  energy_per_net_output: define({
    label: L.energy_per_net_output,
    help: {
      zh: `项目的单位净产值综合能耗 = 项目的年综合能耗 / 项目的净产值（${SOURCE.zh}（二）资源利用指标 1.）。能耗按吨标准煤填写；净产值可按 moneyUnit 以元、万元或亿元填写，按万元计算。越低越好。单位：吨标准煤/万元。`,
      en: `Energy per net output = annual comprehensive energy consumption / net output value (${SOURCE.en} (2).1, resource use). Energy in tonnes of standard coal equivalent; the net output may be given in yuan, 10k yuan or 100m yuan (moneyUnit) and is computed in 10k yuan. Lower is better. Unit: tce per 10k yuan.`,
    },
    args: z.object(withMoneyUnit({ annualEnergyConsumption: quantity, netOutputValue: amount })).strict(),
    unitOfMeasure: { zh: '吨标准煤/万元', en: 'tce per 10k yuan' },
    moneyArgs: ['netOutputValue'],
    compute: (a) => energyPerNetOutput(a.annualEnergyConsumption, a.netOutputValue),
  }),
  land_per_investment: define({
    label: L.land_per_investment,
    help: {
      zh: `单位投资占用耕地 = 项目占用耕地面积（亩）/ 项目总投资（万元）（${SOURCE.zh}（二）资源利用指标 2.）。只计占用的耕地，不是全部用地。${INVESTMENT_IN_WAN.zh}。越低越好。单位：亩耕地/万元。`,
      en: `Cultivated land per investment = cultivated land (耕地) occupied, in mu / total investment, in 10k yuan (${SOURCE.en} (2).2, resource use). Only cultivated land counts, not all land used. ${INVESTMENT_IN_WAN.en}. Lower is better. Unit: mu of cultivated land per 10k yuan.`,
    },
    args: z.object(withMoneyUnit({ cultivatedLandMu: quantity, totalInvestment: quantity })).strict(),
    unitOfMeasure: { zh: '亩耕地/万元', en: 'mu of cultivated land per 10k yuan' },
    moneyArgs: ['totalInvestment'],
    compute: (a) => landPerInvestment(a.cultivatedLandMu, a.totalInvestment),
  }),
  water_per_product: define({
    label: L.water_per_product,
    help: {
      zh: `单位产品生产耗水量 = 项目年生产耗水量 / 主要产品生产量（${SOURCE.zh}（二）资源利用指标 3.）。耗水量按立方米填写，产品按其计量单位。越低越好。单位：立方米/单位产品。`,
      en: `Production water use per unit of product = annual production water use / main product output (${SOURCE.en} (2).3, resource use). Water in m³, output in its own unit. Lower is better. Unit: m³ per unit of product.`,
    },
    args: z.object({ annualProductionWaterUse: quantity, mainProductOutput: quantity }).strict(),
    unitOfMeasure: { zh: '立方米/单位产品', en: 'm³ per unit of product' },
    compute: (a) => waterPerProduct(a.annualProductionWaterUse, a.mainProductOutput),
  }),
  eqi: define({
    label: L.eqi,
    help: {
      zh: `环境质量指数 EQI = Σ(Qi / Qio) / n（${SOURCE.zh}（三）环境影响指标）：Qi 为第 i 种有害物质的排放量（emitted），Qio 为国家规定的该物质最大允许排放量（maxAllowed，同单位、同顺序），n 为项目排出的有害物质种类数——只计排放量大于 0 的物质，列出但未排放（Qi = 0）的不计入 n；没有任何排放时 EQI 为 0。任一 Qio 为 0 时无法计算，报错。≤ 1 表示平均在允许范围内；平均值可能掩盖单项超标，请同时使用“超标污染物种数”。单位：无量纲。`,
      en: `Environmental quality index EQI = Σ(Qi / Qio) / n (${SOURCE.en} (3), environmental impact): Qi the emission of substance i (emitted), Qio its national maximum allowed emission (maxAllowed, same unit and order), n the number of substances the project emits — only those with Qi > 0; a listed substance with Qi = 0 is not emitted and not in n; with nothing emitted the EQI is 0. A Qio of 0 cannot be computed and is an error. ≤ 1 means within the limits on average; the average can hide one pollutant over its limit, so use "pollutants over their limit" too. Dimensionless.`,
    },
    args: pollutants,
    unitOfMeasure: { zh: '无量纲', en: 'dimensionless' },
    compute: (a) => environmentalQualityIndex(pairs(a)),
  }),
  eqi_exceedances: define({
    label: L.eqi_exceedances,
    help: {
      zh: `超标污染物种数 = 排放量超过国家最大允许排放量（Qi / Qio > 1）的有害物质种数，参数与环境质量指数相同。原文没有这一项：环境质量指数是平均值，低于 1 时仍可能有一种污染物超标，此项把它单独计出。建议分档计分：0 种得满分，1 种及以上不得分。单位：种。`,
      en: `Pollutants over their limit = how many substances emit more than their national maximum (Qi / Qio > 1); same arguments as the EQI. Not in the source: the EQI is an average, and can be below 1 while one pollutant is over its limit; this counts those. Score with bands: 0 is full marks, 1 or more is 0. Unit: substances.`,
    },
    args: pollutants,
    unitOfMeasure: { zh: '种', en: 'substances' },
    compute: (a) => eqiExceedances(pairs(a)),
  }),
};
