import type { AuditAction, AuditAlgorithm } from '../cycles/audit';
import type { CycleAction, CycleKind, CycleState, SpecialSubject } from '../cycles/model';
import type { CheckKind, FollowUpStatus, Light, ReportStatus } from '../cycles/monitoring';
import type {
  AnnualPlanStatus,
  LongTermPlanForm,
  PlanAction,
  ProgressMode,
  ReviewDecision,
} from '../cycles/plans';
import type { CommentStatus, OpinionStatus } from '../cycles/public-voice';
import type { SelfStatus } from '../cycles/self-assessment';
import type { ValueOrigin, ValueStatus } from '../cycles/verification';

import { type Labels, labels } from './label';

/** Labels of the evaluation cycle's enums (see ./labels for the wording rule). */

export const CYCLE_KIND_LABELS: Labels<CycleKind> = labels({
  annual: { zh: '年度绩效评估', en: 'Annual evaluation' },
  special: { zh: '专项绩效管理', en: 'Special evaluation' },
});
export const SPECIAL_SUBJECT_LABELS: Labels<SpecialSubject> = labels({
  policy: { zh: '法规、规章和政策的制定与实施', en: 'A regulation or policy' },
  project: { zh: '开发、建设项目的立项、审批与实施', en: 'A development or construction project' },
  welfare: { zh: '政府惠民行动计划的制定与实施', en: 'A public-welfare (惠民) programme' },
  other: { zh: '其他专项绩效管理事项', en: 'Another special matter' },
});
export const CYCLE_STATE_LABELS: Labels<CycleState> = labels({
  draft: { zh: '筹备', en: 'Draft' },
  planning: { zh: '绩效计划制定', en: 'Planning' },
  monitoring: { zh: '执行与日常监测', en: 'Monitoring' },
  self_assessment: { zh: '自我测评', en: 'Self-assessment' },
  verification: { zh: '指标考核', en: 'Verification' },
  review: { zh: '综合评议', en: 'Review' },
  closed: { zh: '已结束', en: 'Closed' },
});
export const CYCLE_ACTION_LABELS: Labels<CycleAction> = labels({
  open_planning: { zh: '启动绩效计划制定', en: 'Open planning' },
  start_monitoring: { zh: '进入执行与日常监测', en: 'Start monitoring' },
  open_self_assessment: { zh: '启动自我测评', en: 'Open self-assessment' },
  start_verification: { zh: '进入指标考核', en: 'Start verification' },
  start_review: { zh: '进入综合评议', en: 'Start review' },
  close: { zh: '结束考核周期', en: 'Close the cycle' },
  reopen: { zh: '重新开放环节', en: 'Reopen a step' },
});
export const LONG_TERM_PLAN_FORM_LABELS: Labels<LongTermPlanForm> = labels({
  own: { zh: '本单位编制', en: 'Own plan' },
  five_year_plan: { zh: '引用五年规划', en: 'Linked five-year plan' },
});
export const ANNUAL_PLAN_STATUS_LABELS: Labels<AnnualPlanStatus> = labels({
  draft: { zh: '编制中', en: 'Draft' },
  consultation: { zh: '公开征求意见中', en: 'Open for public comment' },
  submitted: { zh: '已报审', en: 'Submitted' },
  returned: { zh: '退回修改', en: 'Returned' },
  approved: { zh: '已批准', en: 'Approved' },
  published: { zh: '已公布', en: 'Published' },
});
export const REVIEW_DECISION_LABELS: Labels<ReviewDecision> = labels({
  approved: { zh: '同意', en: 'Approved' },
  returned: { zh: '退回', en: 'Returned' },
});
export const PROGRESS_MODE_LABELS: Labels<ProgressMode> = labels({
  cumulative: { zh: '累计值', en: 'Running total' },
  level: { zh: '水平值', en: 'Level' },
});
export const COMMENT_STATUS_LABELS: Labels<CommentStatus> = labels({
  pending: { zh: '待审核', en: 'Awaiting moderation' },
  published: { zh: '已公开', en: 'Published' },
  rejected: { zh: '不予公开', en: 'Not published' },
});
export const OPINION_STATUS_LABELS: Labels<OpinionStatus> = labels({
  received: { zh: '已收到', en: 'Received' },
  forwarded: { zh: '已转交单位', en: 'Forwarded to the unit' },
  answered: { zh: '单位已答复', en: 'Answered by the unit' },
  closed: { zh: '已办结', en: 'Closed' },
});
export const REPORT_STATUS_LABELS: Labels<ReportStatus> = labels({
  draft: { zh: '未报送', en: 'Not submitted' },
  submitted: { zh: '已报送', en: 'Submitted' },
});
export const LIGHT_LABELS: Labels<Light> = labels({
  green: { zh: '绿灯（正常）', en: 'Green (on track)' },
  yellow: { zh: '黄灯（滞后）', en: 'Yellow (behind)' },
  red: { zh: '红灯（严重滞后）', en: 'Red (far behind)' },
  none: { zh: '无法判断', en: 'Not assessable' },
});
export const CHECK_KIND_LABELS: Labels<CheckKind> = labels({
  spot_check: { zh: '察访核验', en: 'Spot check' },
  consultation: { zh: '诊断咨询', en: 'Expert consultation' },
});
export const FOLLOW_UP_STATUS_LABELS: Labels<FollowUpStatus> = labels({
  open: { zh: '跟进中', en: 'Open' },
  done: { zh: '已落实', en: 'Done' },
});
export const SELF_STATUS_LABELS: Labels<SelfStatus> = labels({
  draft: { zh: '填报中', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
});
export const VALUE_STATUS_LABELS: Labels<ValueStatus> = labels({
  pending: { zh: '待核验', en: 'Pending' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  corrected: { zh: '已更正', en: 'Corrected' },
});
export const VALUE_ORIGIN_LABELS: Labels<ValueOrigin> = labels({
  unit: { zh: '单位自报', en: 'Reported by the unit' },
  provider: { zh: '数据提供部门提供', en: 'Supplied by the data provider' },
});
export const AUDIT_ALGORITHM_LABELS: Labels<AuditAlgorithm> = labels({
  SM3: { zh: 'SM3 国密杂凑算法', en: 'SM3 (GB/T 32905)' },
});

export const PLAN_ACTION_LABELS: Labels<PlanAction> = labels({
  open_consultation: { zh: '公开征求意见', en: 'Open for public comment' },
  close_consultation: { zh: '结束征求意见', en: 'Close public comment' },
  submit: { zh: '报送审核', en: 'Submit for review' },
  review: { zh: '审核', en: 'Review' },
  publish: { zh: '向社会公布', en: 'Publish' },
  reopen: { zh: '退回重新修改', en: 'Reopen for changes' },
});

export const AUDIT_ACTION_LABELS: Labels<AuditAction> = labels({
  'cycle.create': { zh: '考核周期已开启', en: 'Cycle opened' },
  'cycle.update': { zh: '考核周期已修改', en: 'Cycle changed' },
  'cycle.transition': { zh: '考核周期已进入下一环节', en: 'Cycle moved to its next step' },
  'cycle.reopen': { zh: '环节已重新开放', en: 'Step reopened' },
  'longTermPlan.save': { zh: '中长期绩效计划已保存', en: 'Long-term plan saved' },
  'plan.save': { zh: '年度绩效计划已保存', en: 'Annual plan saved' },
  'plan.transition': { zh: '年度绩效计划状态已变更', en: 'Annual plan status changed' },
  'plan.review': { zh: '年度绩效计划已审核', en: 'Annual plan reviewed' },
  'comment.create': { zh: '已收到征求意见期间的公众意见', en: 'Public comment received' },
  'comment.moderate': { zh: '公众意见已审核或答复', en: 'Comment moderated or answered' },
  'opinion.create': { zh: '已收到对已公布计划的公众意见', en: 'Public opinion received' },
  'opinion.step': { zh: '公众意见已办理', en: 'Public opinion handled' },
  'progress.save': { zh: '进度已保存或报送', en: 'Progress saved' },
  'check.create': { zh: '察访核验或诊断咨询已记录', en: 'Check recorded' },
  'check.update': { zh: '察访核验或诊断咨询已更新', en: 'Check updated' },
  'self.save': { zh: '自评已保存', en: 'Self-assessment saved' },
  'self.submit': { zh: '自评已提交', en: 'Self-assessment submitted' },
  'self.reopen': { zh: '自评已重新开放', en: 'Self-assessment reopened' },
  'value.verify': { zh: '指标数据已核验', en: 'Value verified' },
  'value.supply': { zh: '数据提供部门已录入数据（一数一源）', en: 'Values supplied once by the provider' },
  'evidence.confirm': { zh: '佐证材料已上传并核验', en: 'Evidence uploaded and checked' },
  'evidence.discard': { zh: '未确认的上传已删除', en: 'Unconfirmed upload removed' },
  'evidence.lock': { zh: '佐证材料已锁定', en: 'Evidence locked' },
  'settings.evidence': { zh: '佐证材料设置已修改', en: 'Evidence settings changed' },
  'storage.quota': { zh: '存储配额已修改', en: 'Storage quota changed' },
  'expert.create': { zh: '专家已入库', en: 'Expert added to the pool' },
  'expert.update': { zh: '专家信息已修改', en: 'Expert changed' },
  'expert.assign': { zh: '专家已分配', en: 'Expert assigned' },
  'expert.unassign': { zh: '专家分配已撤销', en: 'Expert assignment withdrawn' },
  'expert.recuse': { zh: '专家已申请回避', en: 'Expert recused' },
  'expert.score': { zh: '专家已评分', en: 'Expert scored' },
  'expert.round': { zh: '专家评审轮次已变更', en: 'Expert review round changed' },
  'survey.create': { zh: '满意度问卷已创建', en: 'Survey created' },
  'survey.update': { zh: '满意度问卷已修改', en: 'Survey changed' },
  'survey.transition': { zh: '满意度测评状态已变更', en: 'Survey status changed' },
  'survey.invite': { zh: '已生成测评邀请', en: 'Survey invitations issued' },
  'survey.integrity': { zh: '已对可疑答卷作出处理决定', en: 'Decision on flagged answers' },
  'meeting.save': { zh: '评议会记录已保存', en: 'Review meeting saved' },
  'meeting.conclude': { zh: '评议会已结束并锁定', en: 'Review meeting concluded' },
  'evaluation.start': { zh: '年终评估计算已发起', en: 'Evaluation run started' },
  'evaluation.resume': { zh: '年终评估计算已续算', en: 'Evaluation run resumed' },
  'evaluation.fail': { zh: '年终评估计算中断', en: 'Evaluation run stopped' },
  'evaluation.ready': { zh: '年终评估计算完成，待审核', en: 'Evaluation run ready for review' },
  'evaluation.release': { zh: '考核结果已发布', en: 'Results released' },
  'determination.save': { zh: '年终认定已保存', en: 'Determinations saved' },
  'appeal.submit': { zh: '申诉已提交', en: 'Appeal submitted' },
  'appeal.withdraw': { zh: '申诉已撤回', en: 'Appeal withdrawn' },
  'appeal.decide': { zh: '申诉已复核', en: 'Appeal decided' },
  'rectification.create': { zh: '整改任务已下达', en: 'Rectification task created' },
  'rectification.update': { zh: '整改任务已修改', en: 'Rectification task changed' },
  'rectification.progress': { zh: '整改进展已报送', en: 'Rectification progress reported' },
  'rectification.carry_over': { zh: '整改任务已结转至本年度', en: 'Rectification tasks carried over' },
  'resultUse.create': { zh: '结果运用已登记', en: 'Use of results recorded' },
  'resultUse.update': { zh: '结果运用已修改', en: 'Use of results changed' },
  'publication.publish': { zh: '绩效结果已公开', en: 'Results published' },
  'publication.withdraw': { zh: '已撤回公开的绩效结果', en: 'Published results withdrawn' },
  'share.create': { zh: '考核结果已共享给上级', en: 'Results shared with the office above' },
  'share.withdraw': { zh: '已撤回共享的考核结果', en: 'Shared results withdrawn' },
  'mapping.save': { zh: '指标对标已保存', en: 'Indicator mapping saved' },
  'standard.save': { zh: '标准指标已保存', en: 'Standard indicator saved' },
  'standard.delete': { zh: '标准指标已删除', en: 'Standard indicator deleted' },
  'peerGroup.save': { zh: '分类考核组已保存', en: 'Peer group saved' },
  'peerGroup.delete': { zh: '分类考核组已删除', en: 'Peer group deleted' },
  'guidance.send': { zh: '指导文件已下发', en: 'Guidance sent' },
});
