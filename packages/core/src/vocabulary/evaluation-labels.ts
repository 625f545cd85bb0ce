import type {
  AppealStatus,
  AppealTarget,
  ChangeCause,
  InputOrigin,
  RectificationAction,
  RectificationSource,
  RectificationStatus,
  ResultStage,
  ResultUseKind,
  RunKind,
  RunStatus,
  RunStep,
  RunTrigger,
} from '../evaluation';
import { type Labels, labels } from './label';

/** Labels of the year-end evaluation's enums (registered in VOCABULARY by ./by-name). */

/** 计算类型. */
export const RUN_KIND_LABELS: Labels<RunKind> = labels({
  official: { zh: '正式计算', en: 'Official run' },
  trial: { zh: '预览试算', en: 'Trial run' },
});

/** 计算步骤 (the state machine's tasks). */
export const RUN_STEP_LABELS: Labels<RunStep> = labels({
  freeze: { zh: '冻结数据并生成快照', en: 'Freeze inputs and snapshot them' },
  peers: { zh: '计算同组统计量', en: 'Peer statistics per group' },
  score: { zh: '逐单位计分', en: 'Score each unit' },
  rank: { zh: '组内排名与定级', en: 'Rank and grade within groups' },
  write: { zh: '写入结果', en: 'Write results' },
  report: { zh: '生成评估报告', en: 'Render reports' },
  ready: { zh: '提交考核办审核', en: 'Ready for the office’s review' },
});

/** 计算状态. */
export const RUN_STATUS_LABELS: Labels<RunStatus> = labels({
  running: { zh: '计算中', en: 'Running' },
  failed: { zh: '计算中断', en: 'Stopped' },
  ready: { zh: '待审核', en: 'Ready for review' },
  released: { zh: '已发布', en: 'Released' },
  superseded: { zh: '已被替代', en: 'Superseded' },
});

/** 计算起因. */
export const RUN_TRIGGER_LABELS: Labels<RunTrigger> = labels({
  office: { zh: '考核办发起', en: 'Started by the office' },
  appeals: { zh: '申诉复核后重算', en: 'Re-run after appeals' },
});

/** 考核环节 (stages that combine at system level). */
export const RESULT_STAGE_LABELS: Labels<ResultStage> = labels({
  indicators: { zh: '指标考核', en: 'Indicator assessment' },
  satisfaction: { zh: '满意度测评', en: 'Satisfaction survey' },
  experts: { zh: '专家评议', en: 'Expert review' },
});

/** 数据来源 (of a leaf's input in the breakdown). */
export const INPUT_ORIGIN_LABELS: Labels<InputOrigin> = labels({
  verified: { zh: '单位自报，已核实', en: 'Reported by the unit, verified' },
  corrected: { zh: '核验更正', en: 'Corrected in verification' },
  unverified: { zh: '单位自报，尚未核实', en: 'Reported by the unit, not yet verified' },
  supplied: { zh: '数据提供部门报送（一数一源）', en: 'Supplied by the data provider' },
  determination: { zh: '考核办年终认定', en: 'Determined by the office' },
  experts: { zh: '专家评议', en: 'Expert review' },
  survey: { zh: '满意度测评', en: 'Satisfaction survey' },
  appeal: { zh: '申诉复核更正', en: 'Corrected on appeal' },
  none: { zh: '无数据', en: 'No data' },
});

/** 申诉事项. */
export const APPEAL_TARGET_LABELS: Labels<AppealTarget> = labels({
  indicator: { zh: '具体指标', en: 'An indicator' },
  conclusion: { zh: '考核结论', en: 'The conclusion' },
});

/** 申诉状态. */
export const APPEAL_STATUS_LABELS: Labels<AppealStatus> = labels({
  submitted: { zh: '已提交，待复核', en: 'Submitted, awaiting review' },
  accepted: { zh: '复核采纳', en: 'Accepted' },
  rejected: { zh: '复核驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
});

/** 整改状态. */
export const RECTIFICATION_STATUS_LABELS: Labels<RectificationStatus> = labels({
  open: { zh: '待整改', en: 'Open' },
  in_progress: { zh: '整改中', en: 'In progress' },
  done: { zh: '已完成，待确认', en: 'Done, awaiting confirmation' },
  closed: { zh: '已销号', en: 'Closed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
});

/** 整改任务操作 (the office's, besides editing). */
export const RECTIFICATION_ACTION_LABELS: Labels<RectificationAction> = labels({
  close: { zh: '确认销号', en: 'Confirm and close' },
  cancel: { zh: '撤销任务', en: 'Cancel the task' },
  reopen: { zh: '重新打开', en: 'Reopen' },
});

/** 问题来源. */
export const RECTIFICATION_SOURCE_LABELS: Labels<RectificationSource> = labels({
  results: { zh: '考核结果', en: 'Evaluation results' },
  appeal: { zh: '申诉复核发现', en: 'Found in an appeal' },
  check: { zh: '察访核验', en: 'Spot check' },
  meeting: { zh: '评议会意见', en: 'Review meeting' },
  carried_over: { zh: '上年度结转', en: 'Carried over from last year' },
  other: { zh: '其他', en: 'Other' },
});

/** 结果运用方式. */
export const RESULT_USE_KIND_LABELS: Labels<ResultUseKind> = labels({
  reward: { zh: '奖励', en: 'Reward' },
  accountability: { zh: '问责', en: 'Accountability' },
  budget: { zh: '预算安排挂钩', en: 'Budget link' },
  cadre: { zh: '干部考核参考', en: 'Input to cadre evaluation' },
  provider_favour: { zh: '优先选择承接主体', en: 'Favour the service provider' },
  provider_exclude: { zh: '取消承接资格', en: 'Exclude the service provider' },
  other: { zh: '其他', en: 'Other' },
});

/** 变化原因 (comparing two runs). */
export const CHANGE_CAUSE_LABELS: Labels<ChangeCause> = labels({
  input: { zh: '本单位数据变化', en: 'The unit’s input changed' },
  peers: { zh: '同组其他单位数据变化', en: 'Peers’ values changed' },
  rule: { zh: '指标体系或评分规则变化', en: 'The system or its rules changed' },
  added: { zh: '新增指标', en: 'Indicator added' },
  removed: { zh: '不再考核的指标', en: 'Indicator removed' },
});
