import type {
  ComparisonGrade,
  MappingAggregate,
  ShareRecipientKind,
  ShareStatus,
  StandardisationMethod,
} from '../province/model';
import { type Labels, labels } from './label';

/** Labels of cross-region comparison's enums (registered in VOCABULARY by ./by-name). */

/** 标准化方法. */
export const STANDARDISATION_METHOD_LABELS: Labels<StandardisationMethod> = labels({
  efficacy: { zh: '功效系数法', en: 'Efficacy coefficient' },
  zscore: { zh: 'Z 分数法', en: 'Z-score' },
  percentile: { zh: '百分位法', en: 'Percentile rank' },
});

/** 取值方式 (a tenant's value from its units' values of the mapped leaf). */
export const MAPPING_AGGREGATE_LABELS: Labels<MappingAggregate> = labels({
  mean: { zh: '各单位平均值', en: 'Mean over units' },
  sum: { zh: '各单位合计', en: 'Sum over units' },
  unit: { zh: '指定单位的值', en: "One unit's value" },
});

/** 共享对象. */
export const SHARE_RECIPIENT_KIND_LABELS: Labels<ShareRecipientKind> = labels({
  province: { zh: '省级绩效管理机构', en: 'Provincial office' },
  city: { zh: '市级绩效管理机构', en: 'City office' },
});

/** 共享状态. */
export const SHARE_STATUS_LABELS: Labels<ShareStatus> = labels({
  shared: { zh: '已共享', en: 'Shared' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  replaced: { zh: '已被同年度其他周期替换', en: 'Replaced by another cycle of the year' },
});

/** 比较等次 (by rank quotas in the peer group). */
export const COMPARISON_GRADE_LABELS: Labels<ComparisonGrade> = labels({
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  poor: { zh: '较差', en: 'Poor' },
});
