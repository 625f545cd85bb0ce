import * as cycle from './cycle-labels';
import * as evaluation from './evaluation-labels';
import * as evidence from './evidence-labels';
import * as experts from './expert-labels';
import type { LabelLang, Labels } from './label';
import {
  ACTIVE_STATE_LABELS,
  DATA_SOURCE_LABELS,
  DIRECTION_LABELS,
  EXEMPTION_POLICY_LABELS,
  FINANCE_CALCULATOR_LABELS,
  GRADE_LEVEL_LABELS,
  INDICATOR_TYPE_LABELS,
  INPUT_KIND_LABELS,
  LEAF_STATUS_LABELS,
  LIKERT_LABELS,
  MEASURED_PARTY_LABELS,
  MISSING_POLICY_LABELS,
  MONEY_UNIT_LABELS,
  PLAN_STATUS_LABELS,
  PROVENANCE_COVER_LABELS,
  PROVENANCE_KIND_LABELS,
  QUALITATIVE_GRADE_LABELS,
  QUOTA_ROUNDING_LABELS,
  ROLE_LABELS,
  RULE_LABELS,
  SOURCE_DOCUMENT_LABELS,
  SYSTEM_ACTION_LABELS,
  SYSTEM_STATUS_LABELS,
  TENANT_LEVEL_LABELS,
  TIE_BREAK_LABELS,
  UNIT_TYPE_LABELS,
  VETO_EFFECT_LABELS,
} from './labels';
import * as meeting from './meeting-labels';
import * as province from './province-labels';
import * as reports from './report-labels';
import * as survey from './survey-labels';

/**
 * Every labelled enum by name (the vocabulary's registry; the records themselves: ./labels). The
 * type of each enum's values is read from its record (keyed by the enum's own type), so it is
 * written nowhere else.
 */
const REGISTRY = {
  rule: RULE_LABELS,
  direction: DIRECTION_LABELS,
  indicatorType: INDICATOR_TYPE_LABELS,
  dataSource: DATA_SOURCE_LABELS,
  missingPolicy: MISSING_POLICY_LABELS,
  exemptionPolicy: EXEMPTION_POLICY_LABELS,
  vetoEffect: VETO_EFFECT_LABELS,
  quotaRounding: QUOTA_ROUNDING_LABELS,
  tieBreak: TIE_BREAK_LABELS,
  qualitativeGrade: QUALITATIVE_GRADE_LABELS,
  likert: LIKERT_LABELS,
  gradeLevel: GRADE_LEVEL_LABELS,
  systemStatus: SYSTEM_STATUS_LABELS,
  systemAction: SYSTEM_ACTION_LABELS,
  inputKind: INPUT_KIND_LABELS,
  leafStatus: LEAF_STATUS_LABELS,
  financeCalculator: FINANCE_CALCULATOR_LABELS,
  measuredParty: MEASURED_PARTY_LABELS,
  moneyUnit: MONEY_UNIT_LABELS,
  provenanceKind: PROVENANCE_KIND_LABELS,
  provenanceCover: PROVENANCE_COVER_LABELS,
  sourceDocument: SOURCE_DOCUMENT_LABELS,
  role: ROLE_LABELS,
  unitType: UNIT_TYPE_LABELS,
  activeState: ACTIVE_STATE_LABELS,
  tenantLevel: TENANT_LEVEL_LABELS,
  planStatus: PLAN_STATUS_LABELS,
  cycleKind: cycle.CYCLE_KIND_LABELS,
  specialSubject: cycle.SPECIAL_SUBJECT_LABELS,
  cycleState: cycle.CYCLE_STATE_LABELS,
  cycleAction: cycle.CYCLE_ACTION_LABELS,
  planAction: cycle.PLAN_ACTION_LABELS,
  longTermPlanForm: cycle.LONG_TERM_PLAN_FORM_LABELS,
  annualPlanStatus: cycle.ANNUAL_PLAN_STATUS_LABELS,
  reviewDecision: cycle.REVIEW_DECISION_LABELS,
  progressMode: cycle.PROGRESS_MODE_LABELS,
  commentStatus: cycle.COMMENT_STATUS_LABELS,
  opinionStatus: cycle.OPINION_STATUS_LABELS,
  reportStatus: cycle.REPORT_STATUS_LABELS,
  light: cycle.LIGHT_LABELS,
  checkKind: cycle.CHECK_KIND_LABELS,
  followUpStatus: cycle.FOLLOW_UP_STATUS_LABELS,
  selfStatus: cycle.SELF_STATUS_LABELS,
  valueStatus: cycle.VALUE_STATUS_LABELS,
  valueOrigin: cycle.VALUE_ORIGIN_LABELS,
  auditAlgorithm: cycle.AUDIT_ALGORITHM_LABELS,
  auditAction: cycle.AUDIT_ACTION_LABELS,
  evidenceKind: evidence.EVIDENCE_KIND_LABELS,
  uploadStatus: evidence.UPLOAD_STATUS_LABELS,
  detectedContent: evidence.DETECTED_CONTENT_LABELS,
  assignmentStatus: experts.ASSIGNMENT_STATUS_LABELS,
  roundStatus: experts.ROUND_STATUS_LABELS,
  calibrationFlag: experts.CALIBRATION_FLAG_LABELS,
  expertTendency: experts.EXPERT_TENDENCY_LABELS,
  meetingRole: meeting.MEETING_ROLE_LABELS,
  meetingStatus: meeting.MEETING_STATUS_LABELS,
  surveyStatus: survey.SURVEY_STATUS_LABELS,
  surveyAction: survey.SURVEY_ACTION_LABELS,
  surveyQuestionKind: survey.SURVEY_QUESTION_KIND_LABELS,
  invitationStatus: survey.INVITATION_STATUS_LABELS,
  answerChannel: survey.ANSWER_CHANNEL_LABELS,
  integritySignal: survey.INTEGRITY_SIGNAL_LABELS,
  integrityDecision: survey.INTEGRITY_DECISION_LABELS,
  runKind: evaluation.RUN_KIND_LABELS,
  runStep: evaluation.RUN_STEP_LABELS,
  runStatus: evaluation.RUN_STATUS_LABELS,
  runTrigger: evaluation.RUN_TRIGGER_LABELS,
  resultStage: evaluation.RESULT_STAGE_LABELS,
  inputOrigin: evaluation.INPUT_ORIGIN_LABELS,
  appealTarget: evaluation.APPEAL_TARGET_LABELS,
  appealStatus: evaluation.APPEAL_STATUS_LABELS,
  rectificationStatus: evaluation.RECTIFICATION_STATUS_LABELS,
  rectificationSource: evaluation.RECTIFICATION_SOURCE_LABELS,
  rectificationAction: evaluation.RECTIFICATION_ACTION_LABELS,
  resultUseKind: evaluation.RESULT_USE_KIND_LABELS,
  changeCause: evaluation.CHANGE_CAUSE_LABELS,
  reportKind: reports.REPORT_KIND_LABELS,
  reportFormat: reports.REPORT_FORMAT_LABELS,
  workbookLayout: reports.WORKBOOK_LAYOUT_LABELS,
  positionVerdict: reports.POSITION_VERDICT_LABELS,
  publicationStatus: reports.PUBLICATION_STATUS_LABELS,
  standardisationMethod: province.STANDARDISATION_METHOD_LABELS,
  mappingAggregate: province.MAPPING_AGGREGATE_LABELS,
  shareRecipientKind: province.SHARE_RECIPIENT_KIND_LABELS,
  shareStatus: province.SHARE_STATUS_LABELS,
  comparisonGrade: province.COMPARISON_GRADE_LABELS,
};

type ValuesOf<L> = L extends Labels<infer T> ? T : never;

/** Every labelled enum by name, with the type of its values. */
export type EnumValues = { [N in keyof typeof REGISTRY]: ValuesOf<(typeof REGISTRY)[N]> };
export type EnumName = keyof EnumValues;

/** The whole vocabulary, by enum name. */
export const VOCABULARY: { readonly [N in EnumName]: Labels<EnumValues[N]> } = Object.freeze(REGISTRY);

/** The label of one enum value in one language: `labelOf('rule', 'bands', 'zh')` → 分档计分. */
export const labelOf = <N extends EnumName>(name: N, value: EnumValues[N], lang: LabelLang): string =>
  VOCABULARY[name][value][lang];

/** Whether a string from outside (a token, a query, an API answer) is a value of the enum. */
export const isEnumValue = <N extends EnumName>(name: N, value: string): value is EnumValues[N] =>
  Object.hasOwn(VOCABULARY[name], value);
