/** The one place this package reaches the indicator model (the lead's contract in @jixiao/core). */
export {
  type Branch,
  CODE_PATTERN,
  DEFAULT_GRADING,
  type IndicatorNode,
  isBranch,
  type Leaf,
  type RuleKind,
  type ScoringRule,
  SYSTEM_STATUS_LABELS,
  type SystemContent,
  systemContentSchema,
  zodIssuesToFields,
} from '@jixiao/core';
