import type { Bilingual } from '../scoring/types';
import type { GradeQuotas, StandardisationMethod } from './model';

/** The rules of a comparison in words, stated beside it (Chinese first). */

const METHOD: Record<StandardisationMethod, Bilingual> = {
  efficacy: {
    zh: '标准化方法：功效系数法。得分 = 60 + 40 ×（x − 组内最小值）÷（组内最大值 − 组内最小值）；逆向指标（越低越好）为 60 + 40 ×（组内最大值 − x）÷（组内最大值 − 组内最小值）；组内取值全部相同时均得 100 分。',
    en: 'Standardisation: efficacy coefficient. Score = 60 + 40 × (x − group min) ÷ (group max − group min); for a lower-is-better indicator 60 + 40 × (group max − x) ÷ (group max − group min); when every value in the group is equal, each scores 100.',
  },
  zscore: {
    zh: '标准化方法：Z 分数法。得分 =（x − 组内均值）÷ 组内总体标准差；逆向指标取相反数；标准差为 0 时均得 0 分。综合得分为 Z 分数的加权平均（0 即组内平均水平），按原值显示。',
    en: 'Standardisation: z-score. Score = (x − group mean) ÷ group population standard deviation, sign reversed for a lower-is-better indicator; 0 for everyone when the standard deviation is 0. The composite is the weighted mean of z-scores (0 = the group average), shown as is.',
  },
  percentile: {
    zh: '标准化方法：百分位法。得分 = 100 ×（B + 0.5 × E）÷ N，其中 B 为组内表现严格更差的地区数，E 为取值相同的地区数（含自身），N 为组内有该指标数据的地区数。',
    en: 'Standardisation: percentile rank. Score = 100 × (B + 0.5 × E) ÷ N, where B is the number of members strictly worse, E the number equal (itself included) and N the number of members with a value.',
  },
};

const pct = (x: number) => `${Number(x.toFixed(4))}%`;

export function explanation(method: StandardisationMethod, grades: GradeQuotas): Bilingual[] {
  const good = grades.excellent + grades.good;
  const fair = good + grades.fair;
  return [
    {
      zh: '只比较已对标的省级标准指标；各地区的取值为其对标指标按约定取值方式汇总并换算为标准计量单位后的数值。',
      en: "Only mapped standard indicators are compared; a region's value is its mapped leaf aggregated as mapped and converted into the standard's unit.",
    },
    METHOD[method],
    {
      zh: '每个指标只在组内有该指标数据的地区之间标准化。综合得分 = Σ（权重 × 得分）÷ Σ 权重，只计该地区有数据的指标（权重按其拥有的指标重新归一）；“权重覆盖率”为这些指标占本组总权重的比例。没有任何有权重指标的地区不参与排名。',
      en: "Each indicator is standardised only among the members that have it. Composite = Σ (weight × score) ÷ Σ weight over the indicators the region has (weights renormalised over them); 'weight coverage' is their share of the group's total weight. A region with no weighted indicator is not ranked.",
    },
    {
      zh: '综合得分以精确十进制计算，显示时四舍五入保留两位小数；排名采用竞争排名法（并列者同名次，其后名次顺延，如 1、2、2、4）。',
      en: 'Composites are computed in exact decimal arithmetic and shown rounded half up to 2 places; ranks are competition ranks (ties share a rank and the next rank is skipped: 1, 2, 2, 4).',
    },
    {
      zh: `等次按名次比例确定：参与排名的地区数为 n，优秀、良好、一般的累计名额分别为 n × ${pct(grades.excellent)}、n × ${pct(good)}、n × ${pct(fair)}（四舍五入取整）；名次不超过某一累计名额即得该等次，其余为较差；并列者名次相同，等次也相同。`,
      en: `Grades by rank quotas: with n regions ranked, the cumulative places of excellent, good and fair are n × ${pct(grades.excellent)}, n × ${pct(good)} and n × ${pct(fair)} (rounded half up); a rank within a cumulative count gets that grade, the rest are poor; tied regions share a rank and so a grade.`,
    },
    {
      zh: '增幅 =（本年值 − 上年值）÷ |上年值| × 100%，上年未共享或上年值为 0 时不计算；增幅按指标方向以同一方法标准化，并同样计算综合得分和排名，与水平排名并列显示。',
      en: "Improvement (增幅) = (this year's value − last year's) ÷ |last year's| × 100%, not computed when last year was not shared or is 0; it is standardised by the same method with the indicator's direction, and its composite and rank are shown beside the level's.",
    },
  ];
}
