/**
 * Finance calculators from the seed (中央政府投资项目预算绩效评价参考指标, 财政绩效评价工作方案):
 * FNPV, NPVR, IRR, paybacks, the social-benefit and resource ratios, EQI, the evaluation methods'
 * ratios (投入产出比, 成本效益, 对比分析) and the fiscal ratios, the money-unit conversion, and
 * the FINANCE_CALCULATORS registry that formula indicators and the API call by name. Helpers with
 * generic names (ok, finite, the input checks, quantityRatio) stay internal to this folder.
 */
export * from './discount';
export * from './employment';
export * from './eqi';
export * from './evaluation';
export * from './fiscal';
export * from './irr';
export * from './money';
export * from './npv';
export * from './payback';
export * from './registry';
export * from './resource-use';
export {
  type FinanceError,
  type FinanceErrorCode,
  type FinanceErrorDetail,
  type FinanceOk,
  type FinanceResult,
  type FinanceText,
  financeError,
  type RatioUnit,
} from './result';
