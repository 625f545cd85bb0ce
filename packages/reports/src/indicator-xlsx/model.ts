/**
 * The one place this package reaches the indicator model (the lead's contract in @jixiao/core) and
 * its vocabulary: every enum label the workbook writes comes from core.
 */
import { type Label, PROVENANCE_COVER_LABELS } from '@jixiao/core';

export {
  type Branch,
  CODE_PATTERN,
  DATA_SOURCE_LABELS,
  DATA_SOURCES,
  type DataSource,
  DEFAULT_GRADING,
  DIRECTION_LABELS,
  DIRECTIONS,
  dimensionTieBreakLabel,
  EXEMPTION_POLICIES,
  EXEMPTION_POLICY_LABELS,
  INDICATOR_TYPE_LABELS,
  INDICATOR_TYPES,
  type IndicatorNode,
  type IndicatorType,
  isBranch,
  isEnumValue,
  type Label,
  type Labels,
  type Leaf,
  LIKERT_LABELS,
  LIKERT_LEVELS,
  MEASURED_PARTIES,
  MEASURED_PARTY_LABELS,
  type MeasuredParty,
  MISSING_POLICIES,
  MISSING_POLICY_LABELS,
  type OfficeParams,
  PROVENANCE_COVER_LABELS,
  PROVENANCE_COVERS,
  PROVENANCE_KIND_LABELS,
  PROVENANCE_KINDS,
  type Provenance,
  type ProvenanceCover,
  type ProvenanceKind,
  QUOTA_ROUNDING_LABELS,
  QUOTA_ROUNDINGS,
  RULE_KINDS,
  RULE_LABELS,
  type RuleKind,
  type ScoringRule,
  SOURCE_DOCUMENT_LABELS,
  SOURCE_DOCUMENTS,
  type SourceDocument,
  type StatisticItem,
  SYSTEM_STATUS_LABELS,
  type SystemContent,
  systemContentSchema,
  TIE_BREAK_LABELS,
  VETO_EFFECT_LABELS,
  VETO_EFFECTS,
  zodIssuesToFields,
} from '@jixiao/core';

/**
 * 权重, the word for a node's weight (headers, messages): the vocabulary's, where the same word
 * names what a 原文 node may take from the source (PROVENANCE_COVER_LABELS.weight), so that the
 * word is written once.
 */
export const WEIGHT_WORD: Label = PROVENANCE_COVER_LABELS.weight;
