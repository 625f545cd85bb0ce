import { FINANCE_CALCULATOR_LABELS } from '../vocabulary/labels';
import { quantityRatio } from './ratio';
import type { FinanceResult } from './result';

/**
 * 资源利用指标 from the seed (投资项目社会评价设置的节约各项资源指标). Units are whatever the
 * indicator declares; the usual ones are given with each function. Lower is better for all three.
 */

/**
 * 项目的单位净产值综合能耗 = 项目的年综合能耗 / 项目的净产值
 * e.g. tonnes of standard coal equivalent (吨标准煤) per 万元 of net output value.
 * A zero or negative net output makes the ratio meaningless and is an error, not a huge number.
 */
export const energyPerNetOutput = (
  annualEnergyConsumption: number,
  netOutputValue: number,
): FinanceResult<number> =>
  quantityRatio(annualEnergyConsumption, netOutputValue, {
    result: FINANCE_CALCULATOR_LABELS.energy_per_net_output,
    numerator: { zh: '年综合能耗', en: 'Annual comprehensive energy consumption' },
    numeratorField: 'annualEnergyConsumption',
    denominator: { zh: '项目净产值', en: 'Net output value' },
    denominatorField: 'netOutputValue',
  });

/**
 * 单位投资占用耕地 = 项目占用耕地面积（亩）/ 项目总投资（万元） → 亩/万元.
 * The seed says 耕地 (cultivated land), not all land; the indicator should be fed accordingly.
 */
export const landPerInvestment = (cultivatedLandMu: number, totalInvestment: number): FinanceResult<number> =>
  quantityRatio(cultivatedLandMu, totalInvestment, {
    result: FINANCE_CALCULATOR_LABELS.land_per_investment,
    numerator: { zh: '占用耕地面积（亩）', en: 'Cultivated land occupied (mu)' },
    numeratorField: 'cultivatedLandMu',
    denominator: { zh: '项目总投资（万元）', en: 'Total investment (10k yuan)' },
    denominatorField: 'totalInvestment',
  });

/**
 * 单位产品生产耗水量 = 项目年生产耗水量 / 主要产品生产量, e.g. m³ per tonne of product.
 */
export const waterPerProduct = (
  annualProductionWaterUse: number,
  mainProductOutput: number,
): FinanceResult<number> =>
  quantityRatio(annualProductionWaterUse, mainProductOutput, {
    result: FINANCE_CALCULATOR_LABELS.water_per_product,
    numerator: { zh: '年生产耗水量', en: 'Annual production water use' },
    numeratorField: 'annualProductionWaterUse',
    denominator: { zh: '主要产品生产量', en: 'Main product output' },
    denominatorField: 'mainProductOutput',
  });
