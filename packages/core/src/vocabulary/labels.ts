import type { Role } from '../auth/roles';
import type { FinanceCalculatorName } from '../finance/registry';
import type { SystemAction } from '../indicators/lifecycle';
import type {
  DataSource,
  DefaultGradeCode,
  Direction,
  ExemptionPolicy,
  IndicatorType,
  LeafInput,
  LikertLevel,
  MeasuredParty,
  MissingPolicy,
  MoneyUnit,
  QualitativeGrade,
  QuotaRounding,
  RuleKind,
  SystemStatus,
  TieBreakKey,
  VetoEffect,
} from '../indicators/model';
import type { ProvenanceCover, ProvenanceKind, SourceDocument } from '../indicators/provenance';
import type { ActiveState, PlanStatus, TenantLevel, UnitType } from '../org/schemas';
import type { LeafStatus } from '../scoring/types';
import { type Label, type Labels, labels } from './label';

export * from './cycle-labels';
export * from './evaluation-labels';
export * from './evidence-labels';
export * from './expert-labels';
export type { Label, LabelLang, Labels } from './label';
export * from './meeting-labels';
export * from './province-labels';
export * from './survey-labels';

/**
 * The product's one vocabulary: the Chinese and English label of every value of every enum of the
 * domain, written once. Validation messages, the Excel export, the console and the API's messages
 * all take their words from here; the Excel import additionally accepts older or colloquial
 * spellings (its alias tables), but never writes them.
 *
 * Wording rule: the formal word a performance office (考核办) writes in its documents, the same for
 * the same thing everywhere (e.g. 目标完成率法, 分档计分, 数据提供部门 as both the role and the data
 * source, 提交备案 → 已提交备案). English is sentence case, as shown in the console.
 *
 * Each record is keyed by the enum's own type (derived from the const array or zod enum that
 * defines it), so a new enum value without a label is a type error. Only types are imported here:
 * the defining modules import these records at run time (the model's default grading, lifecycle
 * messages), never the other way round.
 */

// ─── Indicator systems (评估指标体系) ──────────────────────────────────────────────────────────

/** 评分方法: the scoring rule kinds. */
export const RULE_LABELS: Labels<RuleKind> = labels({
  target_completion: { zh: '目标完成率法', en: 'Target completion' },
  reverse: { zh: '逆向指标', en: 'Reverse indicator' },
  target_gap: { zh: '差额计分', en: 'Gap to target' },
  bands: { zh: '分档计分', en: 'Bands' },
  deduction: { zh: '扣分法', en: 'Deduction' },
  efficacy: { zh: '功效系数法', en: 'Efficacy coefficient' },
  rank: { zh: '排名法', en: 'Rank' },
  qualitative_grade: { zh: '定性等级', en: 'Qualitative grade' },
  expert: { zh: '专家评分', en: 'Expert scoring' },
  satisfaction: { zh: '满意度测评', en: 'Satisfaction survey' },
  composite: { zh: '综合得分', en: 'Composite' },
  formula: { zh: '公式指标', en: 'Formula' },
});

/** 指标方向. */
export const DIRECTION_LABELS: Labels<Direction> = labels({
  higher: { zh: '正向', en: 'Higher is better' },
  lower: { zh: '逆向', en: 'Lower is better' },
});

/** 指标类型. */
export const INDICATOR_TYPE_LABELS: Labels<IndicatorType> = labels({
  quantitative: { zh: '定量', en: 'Quantitative' },
  qualitative: { zh: '定性', en: 'Qualitative' },
});

/** 数据来源. `data_provider` is the same word as the role (ROLE_LABELS.data_provider). */
export const DATA_SOURCE_LABELS: Labels<DataSource> = labels({
  self_report: { zh: '单位自报', en: 'Self-reported' },
  data_provider: { zh: '数据提供部门', en: 'Data provider' },
  expert: { zh: '专家评审', en: 'Expert review' },
  survey: { zh: '问卷调查', en: 'Survey' },
});

/** 缺失数据处理: a leaf that applies to a unit has no data. */
export const MISSING_POLICY_LABELS: Labels<MissingPolicy> = labels({
  zero: { zh: '计零分', en: 'Zero points' },
  redistribute: { zh: '权重再分配', en: 'Redistribute weight' },
  exclude: { zh: '不计入', en: 'Exclude' },
});

/** 免考处理: the weight of a leaf a unit is exempted from (or that does not apply to it). */
export const EXEMPTION_POLICY_LABELS: Labels<ExemptionPolicy> = labels({
  redistribute: { zh: '权重再分配', en: 'Redistribute weight' },
  exclude: { zh: '不计入', en: 'Exclude' },
});

/** 一票否决的后果. */
export const VETO_EFFECT_LABELS: Labels<VetoEffect> = labels({
  fail: { zh: '定为不及格', en: 'Graded Fail' },
  bar_excellent: { zh: '不得评为优秀', en: 'Cannot be Excellent' },
});

/** 名额取整. */
export const QUOTA_ROUNDING_LABELS: Labels<QuotaRounding> = labels({
  floor: { zh: '向下取整', en: 'Round down' },
  round: { zh: '四舍五入', en: 'Round half up' },
  ceil: { zh: '向上取整', en: 'Round up' },
});

/** 同分排序, the fixed keys; `dimension:<code>` is labelled by `dimensionTieBreakLabel`. */
export const TIE_BREAK_LABELS: Labels<TieBreakKey> = labels({
  fewer_deductions: { zh: '扣分少者优先', en: 'Fewer deductions first' },
  more_bonus: { zh: '加分多者优先', en: 'More bonus first' },
});

/** The tie-break key `dimension:<code>`: the unit with more points in that dimension first. */
export const dimensionTieBreakLabel = (code: string): Label => ({
  zh: `一级指标 ${code} 得分高者优先`,
  en: `Higher dimension ${code} score first`,
});

/** 定性等级 A–D (优/良/中/差). */
export const QUALITATIVE_GRADE_LABELS: Labels<QualitativeGrade> = labels({
  A: { zh: '优', en: 'Excellent' },
  B: { zh: '良', en: 'Good' },
  C: { zh: '中', en: 'Fair' },
  D: { zh: '差', en: 'Poor' },
});

/** 满意度测评的五级量表. */
export const LIKERT_LABELS: Labels<LikertLevel> = labels({
  very_satisfied: { zh: '很满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  fair: { zh: '基本满意', en: 'Fairly satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  very_dissatisfied: { zh: '很不满意', en: 'Very dissatisfied' },
});

/** The default grade levels (等次); a system may name its own. */
export const GRADE_LEVEL_LABELS: Labels<DefaultGradeCode> = labels({
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
  fail: { zh: '不及格', en: 'Fail' },
});

/** 备案 status of a system version. */
export const SYSTEM_STATUS_LABELS: Labels<SystemStatus> = labels({
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交备案', en: 'Submitted for filing' },
  approved: { zh: '已备案', en: 'Approved' },
  retired: { zh: '已停用', en: 'Retired' },
});

/** 备案 actions (the console's buttons). */
export const SYSTEM_ACTION_LABELS: Labels<SystemAction> = labels({
  submit: { zh: '提交备案', en: 'Submit for filing' },
  approve: { zh: '备案通过', en: 'Approve' },
  return: { zh: '退回修改', en: 'Return for changes' },
  retire: { zh: '停用', en: 'Retire' },
});

// ─── Scoring (评分) ────────────────────────────────────────────────────────────────────────────

/** The kinds of data a unit's input for a leaf can be (a leaf input's `kind`). */
export const INPUT_KIND_LABELS: Labels<LeafInput['kind']> = labels({
  value: { zh: '数值', en: 'Value' },
  incidents: { zh: '扣分事项次数', en: 'Incident counts' },
  grade: { zh: '评定等级', en: 'Grade' },
  expert_scores: { zh: '专家评分', en: 'Expert scores' },
  survey: { zh: '问卷结果', en: 'Survey answers' },
  sources: { zh: '各来源得分', en: 'Source scores' },
  formula: { zh: '公式参数', en: 'Formula arguments' },
  exempt: { zh: '免考', en: 'Exemption' },
});

/** How a leaf was scored for a unit. */
export const LEAF_STATUS_LABELS: Labels<LeafStatus> = labels({
  scored: { zh: '已评分', en: 'Scored' },
  missing: { zh: '未提交数据', en: 'No data submitted' },
  exempt: { zh: '免考', en: 'Exempt' },
  not_applicable: { zh: '不适用', en: 'Not applicable' },
  invalid: { zh: '数据无效', en: 'Invalid input' },
});

/** The finance calculators a formula indicator can use (公式). */
export const FINANCE_CALCULATOR_LABELS: Labels<FinanceCalculatorName> = labels({
  fnpv: { zh: '财务净现值（FNPV）', en: 'Financial net present value (FNPV)' },
  present_value_of_investment: { zh: '项目总投资现值（PVI）', en: 'Present value of investment (PVI)' },
  npvr: { zh: '财务净现值率（NPVR）', en: 'Net present value ratio (NPVR)' },
  irr: { zh: '内部收益率（IRR）', en: 'Internal rate of return (IRR)' },
  static_payback: { zh: '静态投资回收期', en: 'Static payback period' },
  dynamic_payback: { zh: '动态投资回收期', en: 'Dynamic (discounted) payback period' },
  employment_per_investment: { zh: '单位投资就业人数', en: 'Employment per investment' },
  energy_per_net_output: { zh: '单位净产值综合能耗', en: 'Energy consumption per net output value' },
  land_per_investment: {
    zh: '单位投资占用耕地（亩/万元）',
    en: 'Cultivated land occupied per investment (mu per 10k yuan)',
  },
  water_per_product: { zh: '单位产品生产耗水量', en: 'Production water use per unit of product' },
  eqi: { zh: '环境质量指数', en: 'Environmental quality index (EQI)' },
  eqi_exceedances: { zh: '超标污染物种数', en: 'Pollutants over their limit' },
  input_output_ratio: { zh: '投入产出比（产出/投入）', en: 'Input-output ratio (output / input)' },
  benefit_cost_ratio: { zh: '效益成本比（成本效益法）', en: 'Benefit-cost ratio (cost-benefit method)' },
  change_rate: { zh: '变化率（对比分析法）', en: 'Change rate (before-and-after comparison)' },
  revenue_growth_rate: { zh: '收入增长率', en: 'Revenue growth rate' },
  structure_share: { zh: '结构比重', en: 'Structure share' },
  debt_ratio: { zh: '债务率（债务余额/综合财力）', en: 'Debt ratio (debt balance / fiscal capacity)' },
  debt_to_gdp: { zh: '负债率（债务余额/地区生产总值）', en: 'Debt-to-GDP ratio' },
  debt_to_revenue: { zh: '债务收入比（债务余额/一般公共预算收入）', en: 'Debt-to-revenue ratio' },
  debt_service_ratio: {
    zh: '偿债率（当年还本付息额/综合财力）',
    en: 'Debt service ratio (debt service / fiscal capacity)',
  },
});

/** Whose performance a leaf measures (评价对象). */
export const MEASURED_PARTY_LABELS: Labels<MeasuredParty> = labels({
  buyer: { zh: '购买主体（购买服务的部门）', en: 'Buyer (the purchasing department)' },
  provider: { zh: '承接主体（服务提供方）', en: 'Provider (the contracted organisation)' },
});

/** 金额单位 of a formula's money arguments. */
export const MONEY_UNIT_LABELS: Labels<MoneyUnit> = labels({
  yuan: { zh: '元', en: 'yuan' },
  ten_thousand_yuan: { zh: '万元', en: '10k yuan' },
  hundred_million_yuan: { zh: '亿元', en: '100m yuan' },
});

/** 出处: the source's own wording, or an example of the product. */
export const PROVENANCE_KIND_LABELS: Labels<ProvenanceKind> = labels({
  source: { zh: '原文', en: 'Source' },
  example: { zh: '示例', en: 'Example' },
});

/** What a 原文 node takes from the source beyond its name. */
export const PROVENANCE_COVER_LABELS: Labels<ProvenanceCover> = labels({
  weight: { zh: '权重', en: 'weight' },
  formula: { zh: '计算公式', en: 'formula' },
});

/** The documents of the seed collection, by their titles (《…》 added where cited). */
export const SOURCE_DOCUMENT_LABELS: Labels<SourceDocument> = labels({
  fiscal_evaluation: { zh: '财政绩效评价工作方案', en: 'Fiscal performance evaluation plan' },
  county_departments_2024: {
    zh: '2024县直部门绩效评估工作方案',
    en: '2024 county departments performance evaluation plan',
  },
  city_departments: {
    zh: '市直部门绩效评估和效能考评工作方案',
    en: 'City departments performance and efficiency evaluation plan',
  },
  local_annual: { zh: '地方年度绩效评估方案', en: 'Local annual performance evaluation plan' },
  investment_evaluation: {
    zh: '政府投资项目绩效评估',
    en: 'Performance evaluation of government investment projects',
  },
  implementation: { zh: '政府绩效评估的实施方案', en: 'Implementing government performance evaluation' },
  local_annual_models: { zh: '地方年度绩效评估方案范本（三篇）', en: 'Local annual evaluation plan models' },
  purchased_service: { zh: '政府购买服务绩效评价方案', en: 'Purchased public services evaluation plan' },
  management_and_appraisal: {
    zh: '政府绩效管理与考评实施方案',
    en: 'Government performance management and appraisal plan',
  },
  kpi: { zh: '政府KPI绩效考核方案', en: 'Government KPI appraisal plan' },
  central_investment_indicators: {
    zh: '中央政府投资项目预算绩效评价参考指标',
    en: 'Reference indicators for central-government investment projects',
  },
  appraisal: { zh: '政府绩效考核方案', en: 'Government performance appraisal plan' },
  service_window: { zh: '办事服务绩效评估方案', en: 'Public service window evaluation plan' },
  budget_purchased_service: {
    zh: '预算绩效管理政府购买服务绩效评价方案',
    en: 'Budget performance evaluation of purchased services',
  },
  evaluation_methods: { zh: '政府绩效评估', en: 'Government performance evaluation (methods)' },
  harbin_regulation: {
    zh: '哈尔滨市政府绩效管理条例（草案）',
    en: 'Harbin government performance management regulation (draft)',
  },
  department_projects: {
    zh: '政府部门项目绩效考核实施方案',
    en: 'Department project performance appraisal plan',
  },
});

// ─── Organisation and tenancy ──────────────────────────────────────────────────────────────────

/** Roles, as granted to users and shown beside their names. */
export const ROLE_LABELS: Labels<Role> = labels({
  platform_operator: { zh: '平台运营方', en: 'Platform operator' },
  tenant_admin: { zh: '绩效管理机构（考核办）', en: 'Performance office (admin)' },
  unit_user: { zh: '被考核单位', en: 'Evaluated unit' },
  data_provider: { zh: '数据提供部门', en: 'Data provider' },
  expert: { zh: '评审专家', en: 'Expert' },
  evaluator: { zh: '第三方评估机构', en: 'Third-party evaluator' },
  provincial_analyst: { zh: '省级分析人员', en: 'Provincial analyst' },
  observer: { zh: '观察员（人大、领导）', en: 'Observer' },
});

/** 单位类型. */
export const UNIT_TYPE_LABELS: Labels<UnitType> = labels({
  department: { zh: '政府部门', en: 'Department' },
  district_government: { zh: '区县（市）政府', en: 'District/county government' },
  service_window: { zh: '办事窗口', en: 'Service window' },
  service_provider: { zh: '服务承接主体', en: 'Service provider' },
  project: { zh: '政府投资项目', en: 'Investment project' },
});

/** A unit's or user's state (the boolean `active`, via `activeState`). */
export const ACTIVE_STATE_LABELS: Labels<ActiveState> = labels({
  active: { zh: '启用', en: 'Active' },
  inactive: { zh: '停用', en: 'Inactive' },
});

/** A tenant's administrative level. */
export const TENANT_LEVEL_LABELS: Labels<TenantLevel> = labels({
  province: { zh: '省级', en: 'Province' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
  district: { zh: '区级', en: 'District' },
});

/** A tenant's subscription (订阅状态). */
export const PLAN_STATUS_LABELS: Labels<PlanStatus> = labels({
  trial: { zh: '试用', en: 'Trial' },
  active: { zh: '正式订阅', en: 'Active' },
  suspended: { zh: '已暂停', en: 'Suspended' },
  ended: { zh: '已终止', en: 'Ended' },
});
