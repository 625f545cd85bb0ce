import { describe, expect, it } from 'vitest';
import { ROLES } from '../auth/roles';
import { AUDIT_ACTIONS, AUDIT_ALGORITHMS } from '../cycles/audit';
import { CYCLE_ACTIONS, CYCLE_KINDS, CYCLE_STATES, SPECIAL_SUBJECTS } from '../cycles/model';
import { CHECK_KINDS, FOLLOW_UP_STATUSES, LIGHTS, REPORT_STATUSES } from '../cycles/monitoring';
import {
  ANNUAL_PLAN_STATUSES,
  LONG_TERM_PLAN_FORMS,
  PLAN_ACTIONS,
  PROGRESS_MODES,
  REVIEW_DECISIONS,
} from '../cycles/plans';
import { COMMENT_STATUSES, OPINION_STATUSES } from '../cycles/public-voice';
import { SELF_STATUSES } from '../cycles/self-assessment';
import { VALUE_ORIGINS, VALUE_STATUSES } from '../cycles/verification';
import {
  APPEAL_STATUSES,
  APPEAL_TARGETS,
  CHANGE_CAUSES,
  INPUT_ORIGINS,
  RECTIFICATION_ACTIONS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  RESULT_STAGES,
  RESULT_USE_KINDS,
  RUN_KINDS,
  RUN_STATUSES,
  RUN_STEPS,
  RUN_TRIGGERS,
} from '../evaluation';
import { EVIDENCE_KINDS } from '../evidence/kinds';
import { UPLOAD_STATUSES } from '../evidence/model';
import { DETECTED_CONTENTS } from '../evidence/sniff';
import { CALIBRATION_FLAGS, EXPERT_TENDENCIES } from '../experts/calibration';
import { ASSIGNMENT_STATUSES, ROUND_STATUSES } from '../experts/model';
import { WORKBOOK_LAYOUTS } from '../files/media-types';
import { FINANCE_CALCULATOR_NAMES } from '../finance/registry';
import { SYSTEM_ACTIONS } from '../indicators/lifecycle';
import {
  DATA_SOURCES,
  DEFAULT_GRADE_CODES,
  DEFAULT_GRADING,
  DIRECTIONS,
  EXEMPTION_POLICIES,
  INDICATOR_TYPES,
  LIKERT_LEVELS,
  leafInputSchema,
  MEASURED_PARTIES,
  MISSING_POLICIES,
  MONEY_UNITS,
  QUALITATIVE_GRADES,
  QUOTA_ROUNDINGS,
  RULE_KINDS,
  SYSTEM_STATUSES,
  TIE_BREAK_KEYS,
  VETO_EFFECTS,
} from '../indicators/model';
import { PROVENANCE_COVERS, PROVENANCE_KINDS, SOURCE_DOCUMENTS } from '../indicators/provenance';
import { MEETING_ROLES, MEETING_STATUSES } from '../meeting/model';
import { ACTIVE_STATES, PLAN_STATUSES, TENANT_LEVELS, UNIT_TYPES } from '../org/schemas';
import {
  COMPARISON_GRADES,
  MAPPING_AGGREGATES,
  SHARE_RECIPIENT_KINDS,
  SHARE_STATUSES,
  STANDARDISATION_METHODS,
} from '../province/model';
import { PUBLICATION_STATUSES } from '../publication/model';
import { POSITION_VERDICTS, REPORT_FORMATS, REPORT_KINDS } from '../reports/model';
import { LEAF_STATUSES } from '../scoring/types';
import { INTEGRITY_DECISIONS, INTEGRITY_SIGNALS } from '../surveys/integrity';
import {
  ANSWER_CHANNELS,
  INVITATION_STATUSES,
  SURVEY_ACTIONS,
  SURVEY_QUESTION_KINDS,
  SURVEY_STATUSES,
} from '../surveys/model';
import {
  DATA_SOURCE_LABELS,
  dimensionTieBreakLabel,
  type EnumName,
  type EnumValues,
  isEnumValue,
  labelOf,
  ROLE_LABELS,
  RULE_LABELS,
  VOCABULARY,
} from '.';

/** Each enum's values, from the const array (or zod enum) that defines it. */
const VALUES: { [N in EnumName]: readonly EnumValues[N][] } = {
  rule: RULE_KINDS,
  direction: DIRECTIONS,
  indicatorType: INDICATOR_TYPES,
  dataSource: DATA_SOURCES,
  missingPolicy: MISSING_POLICIES,
  exemptionPolicy: EXEMPTION_POLICIES,
  vetoEffect: VETO_EFFECTS,
  quotaRounding: QUOTA_ROUNDINGS,
  tieBreak: TIE_BREAK_KEYS,
  qualitativeGrade: QUALITATIVE_GRADES,
  likert: LIKERT_LEVELS,
  gradeLevel: DEFAULT_GRADE_CODES,
  systemStatus: SYSTEM_STATUSES,
  systemAction: SYSTEM_ACTIONS,
  inputKind: leafInputSchema.options.map((o) => o.shape.kind.value),
  leafStatus: LEAF_STATUSES,
  financeCalculator: FINANCE_CALCULATOR_NAMES,
  measuredParty: MEASURED_PARTIES,
  moneyUnit: MONEY_UNITS,
  provenanceKind: PROVENANCE_KINDS,
  provenanceCover: PROVENANCE_COVERS,
  sourceDocument: SOURCE_DOCUMENTS,
  role: ROLES,
  unitType: UNIT_TYPES,
  activeState: ACTIVE_STATES,
  tenantLevel: TENANT_LEVELS,
  planStatus: PLAN_STATUSES,
  cycleKind: CYCLE_KINDS,
  specialSubject: SPECIAL_SUBJECTS,
  cycleState: CYCLE_STATES,
  cycleAction: CYCLE_ACTIONS,
  planAction: PLAN_ACTIONS,
  longTermPlanForm: LONG_TERM_PLAN_FORMS,
  annualPlanStatus: ANNUAL_PLAN_STATUSES,
  reviewDecision: REVIEW_DECISIONS,
  progressMode: PROGRESS_MODES,
  commentStatus: COMMENT_STATUSES,
  opinionStatus: OPINION_STATUSES,
  reportStatus: REPORT_STATUSES,
  light: LIGHTS,
  checkKind: CHECK_KINDS,
  followUpStatus: FOLLOW_UP_STATUSES,
  selfStatus: SELF_STATUSES,
  valueStatus: VALUE_STATUSES,
  valueOrigin: VALUE_ORIGINS,
  auditAlgorithm: AUDIT_ALGORITHMS,
  auditAction: AUDIT_ACTIONS,
  evidenceKind: EVIDENCE_KINDS,
  uploadStatus: UPLOAD_STATUSES,
  detectedContent: DETECTED_CONTENTS,
  assignmentStatus: ASSIGNMENT_STATUSES,
  roundStatus: ROUND_STATUSES,
  calibrationFlag: CALIBRATION_FLAGS,
  expertTendency: EXPERT_TENDENCIES,
  meetingRole: MEETING_ROLES,
  meetingStatus: MEETING_STATUSES,
  surveyStatus: SURVEY_STATUSES,
  surveyAction: SURVEY_ACTIONS,
  surveyQuestionKind: SURVEY_QUESTION_KINDS,
  invitationStatus: INVITATION_STATUSES,
  answerChannel: ANSWER_CHANNELS,
  integritySignal: INTEGRITY_SIGNALS,
  integrityDecision: INTEGRITY_DECISIONS,
  runKind: RUN_KINDS,
  runStep: RUN_STEPS,
  runStatus: RUN_STATUSES,
  runTrigger: RUN_TRIGGERS,
  resultStage: RESULT_STAGES,
  inputOrigin: INPUT_ORIGINS,
  appealTarget: APPEAL_TARGETS,
  appealStatus: APPEAL_STATUSES,
  rectificationStatus: RECTIFICATION_STATUSES,
  rectificationSource: RECTIFICATION_SOURCES,
  rectificationAction: RECTIFICATION_ACTIONS,
  resultUseKind: RESULT_USE_KINDS,
  changeCause: CHANGE_CAUSES,
  reportKind: REPORT_KINDS,
  reportFormat: REPORT_FORMATS,
  workbookLayout: WORKBOOK_LAYOUTS,
  positionVerdict: POSITION_VERDICTS,
  publicationStatus: PUBLICATION_STATUSES,
  standardisationMethod: STANDARDISATION_METHODS,
  mappingAggregate: MAPPING_AGGREGATES,
  shareRecipientKind: SHARE_RECIPIENT_KINDS,
  shareStatus: SHARE_STATUSES,
  comparisonGrade: COMPARISON_GRADES,
};

const NAMES = Object.keys(VALUES) as EnumName[];

describe('the vocabulary', () => {
  it('covers every enum by name', () => {
    expect(Object.keys(VOCABULARY).sort()).toEqual([...NAMES].sort());
  });

  it.each(NAMES)('%s: every value has a non-empty zh and en label, and nothing else', (name) => {
    const labels: Readonly<Record<string, { zh: string; en: string }>> = VOCABULARY[name];
    expect(Object.keys(labels).sort()).toEqual([...VALUES[name]].sort());
    for (const value of VALUES[name]) {
      const label = labels[value];
      expect(label?.zh.trim(), `${name}.${value}.zh`).not.toBe('');
      expect(label?.en.trim(), `${name}.${value}.en`).not.toBe('');
      expect(label?.zh, `${name}.${value}.zh has no outer spaces`).toBe(label?.zh.trim());
    }
  });

  it.each(NAMES)('%s: zh labels are unique within the enum (and so are en labels)', (name) => {
    const labels = Object.values<{ zh: string; en: string }>(VOCABULARY[name]);
    const zh = labels.map((l) => l.zh);
    const en = labels.map((l) => l.en.toLowerCase());
    expect(zh.filter((w, i) => zh.indexOf(w) !== i)).toEqual([]);
    expect(en.filter((w, i) => en.indexOf(w) !== i)).toEqual([]);
  });

  it('is frozen: no caller can change a word for everyone', () => {
    expect(Object.isFrozen(VOCABULARY)).toBe(true);
    for (const name of NAMES) {
      expect(Object.isFrozen(VOCABULARY[name])).toBe(true);
      for (const label of Object.values<object>(VOCABULARY[name])) expect(Object.isFrozen(label)).toBe(true);
    }
  });

  it('uses one wording for the same thing', () => {
    expect(RULE_LABELS.target_completion.zh).toBe('目标完成率法');
    expect(RULE_LABELS.bands.zh).toBe('分档计分');
    // The data source and the role are the same department.
    expect(DATA_SOURCE_LABELS.data_provider).toEqual(ROLE_LABELS.data_provider);
    // The default grading is labelled from the vocabulary, by copy (a system's labels are its own).
    for (const level of DEFAULT_GRADING.levels) {
      expect(isEnumValue('gradeLevel', level.code)).toBe(true);
      if (isEnumValue('gradeLevel', level.code))
        expect(level.label).toEqual(VOCABULARY.gradeLevel[level.code]);
    }
  });

  it('labelOf, isEnumValue and the tie-break template', () => {
    expect(labelOf('rule', 'bands', 'zh')).toBe('分档计分');
    expect(labelOf('dataSource', 'data_provider', 'en')).toBe('Data provider');
    expect(isEnumValue('role', 'expert')).toBe(true);
    expect(isEnumValue('role', 'constructor')).toBe(false);
    expect(isEnumValue('role', '__proto__')).toBe(false);
    expect(dimensionTieBreakLabel('JJ')).toEqual({
      zh: '一级指标 JJ 得分高者优先',
      en: 'Higher dimension JJ score first',
    });
  });
});
