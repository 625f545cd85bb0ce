import { z } from 'zod';
import { FINANCE_CALCULATOR_LABELS as L } from '../../vocabulary/labels';
import { benefitCostRatio, changeRate, inputOutputRatio } from '../evaluation';
import { amount, flows, fraction, PERCENT, quantity, ratePercent, withMoneyUnit } from './args';
import { define } from './define';

/**
 * The evaluation methods the seed names without a formula: 投入产出比, 成本效益法, 对比分析法.
 * Each help text says which document names it and that the formula is the usual one.
 */

const MONEY = {
  zh: '金额可按 moneyUnit 以元、万元或亿元填写',
  en: 'money may be given in yuan, 10k yuan or 100m yuan (moneyUnit)',
};
const TIMES = { zh: '倍', en: 'times' };

export const evaluationCalculators = {
  input_output_ratio: define({
    label: L.input_output_ratio,
    help: {
      zh: `投入产出比 = 产出 / 投入（《政府投资项目绩效评估》二、4. 效果评估法“投入产出比”；《政府购买服务绩效评价方案》3.3 输出指标“服务的投入产出比”；原文未给公式）。习惯写作“1:x”，这里取 x，即每 1 份投入的产出，越高越好。产出与投入须同一口径，通常均为金额（${MONEY.zh}，两者按同一单位换算）。单位：倍。`,
      en: `Input-output ratio = output / input ("Performance evaluation of government investment projects", II.4 effect evaluation, "投入产出比"; "Purchased public services evaluation plan", 3.3 output indicators, "服务的投入产出比"; the source gives no formula). Often written "1:x"; this is x, the output per unit of input — higher is better. Output and input must be measured alike, usually both money (${MONEY.en}, both converted alike). Unit: times.`,
    },
    args: z.object(withMoneyUnit({ output: quantity, input: quantity })).strict(),
    unitOfMeasure: TIMES,
    moneyArgs: ['output', 'input'],
    compute: (a) => inputOutputRatio(a.output, a.input),
  }),
  benefit_cost_ratio: define({
    label: L.benefit_cost_ratio,
    help: {
      zh: `效益成本比 = Σ Bt(1 + i)^−t / Σ Ct(1 + i)^−t，t = 1…n，与财务净现值同一折现约定（《政府绩效评估》二、2. 成本效益法“考察……成本与效益的关系”；原文未给公式，按通行的效益成本比）。benefits 与 costs 为同一组年份的各年效益与成本（没有的年份填 0）；i 为考核办规定的基准折现率（ratePercent，按百分数，由考核办设定）；${MONEY.zh}。大于 1 表示效益超过成本。单位：倍。`,
      en: `Benefit-cost ratio = Σ Bt(1 + i)^−t / Σ Ct(1 + i)^−t, t = 1…n, discounted as the FNPV ("Government performance evaluation (methods)", II.2 cost-benefit method; the source gives no formula, this is the usual ratio). benefits and costs are yearly amounts over the same years (0 where none); i is the benchmark discount rate the office sets (ratePercent, in percent; office-set); ${MONEY.en}. Above 1, the benefits outweigh the costs. Unit: times.`,
    },
    args: z
      .object(withMoneyUnit({ benefits: flows(quantity), costs: flows(quantity), ratePercent }))
      .strict()
      .refine((a) => a.benefits.length === a.costs.length, {
        message:
          '效益与成本的年数必须相同（没有的年份填 0） / Benefits and costs must cover the same years (0 where none)',
        path: ['costs'],
      }),
    unitOfMeasure: TIMES,
    officeArgs: ['ratePercent'],
    moneyArgs: ['benefits', 'costs'],
    compute: (a) => benefitCostRatio(a.benefits, a.costs, fraction(a.ratePercent)),
  }),
  change_rate: define({
    label: L.change_rate,
    help: {
      zh: '变化率 = (当期值 − 基期值) / |基期值| × 100%（《政府投资项目绩效评估》二、3. 对比分析法“对比项目实施前后的数据”；原文未给公式）。baseline 为实施前（基期），current 为实施后（当期），任意同一计量单位；除以基期值的绝对值，使增加总为正数。基期值为 0 时无法计算，报错（可改用差额计分）。单位：%。',
      en: 'Change rate = (current − baseline) / |baseline| × 100% ("Performance evaluation of government investment projects", II.3 comparison before and after; the source gives no formula). baseline is before the project, current after it, in any one unit; dividing by |baseline| keeps a rise positive. A baseline of 0 has no rate and is an error (score the difference with a target gap instead). Unit: %.',
    },
    args: z.object({ baseline: amount, current: amount }).strict(),
    unitOfMeasure: PERCENT,
    compute: (a) => changeRate(a.baseline, a.current, 'percent'),
  }),
};
