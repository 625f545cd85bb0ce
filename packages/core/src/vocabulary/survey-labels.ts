import type { IntegrityDecision, IntegritySignal } from '../surveys/integrity';
import type {
  AnswerChannel,
  InvitationStatus,
  SurveyAction,
  SurveyQuestionKind,
  SurveyStatus,
} from '../surveys/model';
import { type Labels, labels } from './label';

/** Labels of the survey enums (registered in VOCABULARY by ./labels). */

export const SURVEY_STATUS_LABELS: Labels<SurveyStatus> = labels({
  draft: { zh: '问卷编制中', en: 'Draft' },
  open: { zh: '问卷收集中', en: 'Open for answers' },
  closed: { zh: '问卷已截止', en: 'Closed' },
});
export const SURVEY_ACTION_LABELS: Labels<SurveyAction> = labels({
  open: { zh: '发布问卷，开始收集', en: 'Open for answers' },
  close: { zh: '截止收集', en: 'Close the survey' },
});
export const SURVEY_QUESTION_KIND_LABELS: Labels<SurveyQuestionKind> = labels({
  likert: { zh: '五级量表题', en: 'Five-level rating' },
  text: { zh: '文字题', en: 'Written answer' },
});
export const INVITATION_STATUS_LABELS: Labels<InvitationStatus> = labels({
  unused: { zh: '邀请码未使用', en: 'Not used yet' },
  used: { zh: '邀请码已使用', en: 'Used' },
});
export const ANSWER_CHANNEL_LABELS: Labels<AnswerChannel> = labels({
  invitation: { zh: '邀请码答卷（已核验）', en: 'By invitation (verified)' },
  open_link: { zh: '开放链接答卷', en: 'By the open link' },
});
export const INTEGRITY_SIGNAL_LABELS: Labels<IntegritySignal> = labels({
  duplicate_device: { zh: '同一设备重复答卷', en: 'Same device, several answers' },
  identical_pattern: { zh: '答卷选择完全相同', en: 'Identical answer patterns' },
  too_fast: { zh: '答卷用时过短', en: 'Implausibly fast' },
  network_burst: { zh: '同一网络集中提交', en: 'Burst from one network' },
});
export const INTEGRITY_DECISION_LABELS: Labels<IntegrityDecision> = labels({
  include: { zh: '计入结果', en: 'Count these answers' },
  exclude: { zh: '不计入结果', en: 'Leave these answers out' },
});
