/**
 * The indicator system (评估指标体系): a versioned tree dimension (一级指标) → indicator (二级) →
 * optional sub-indicator (三级). Weights are points: a leaf scores 0..weight, siblings' weights sum
 * to their parent's, dimensions sum to the system's total (usually 100). Bonus (加分) and veto
 * (一票否决) items sit beside the tree, outside the base total.
 *
 * These schemas are the contract for storage, the API, the Excel round trip and the scoring engine.
 * Structural checks that need the whole tree (sums, unique codes, bands, groups) live in
 * `../validate`, which explains each problem in Chinese and English with the node's path.
 */
// One module per part: the enums, the scoring rules, the tree, the items beside it, the stored
// system, and the inputs a unit supplies. `text`, `points` and the other building blocks stay inside.

export * from './beside';
export {
  DATA_SOURCES,
  type DataSource,
  DIRECTIONS,
  type Direction,
  EXEMPTION_POLICIES,
  type ExemptionPolicy,
  INDICATOR_TYPES,
  type IndicatorType,
  MEASURED_PARTIES,
  type MeasuredParty,
  MISSING_POLICIES,
  type MissingPolicy,
  MONEY_UNITS,
  type MoneyUnit,
} from './primitives';
export * from './rules';
export * from './system';
export * from './tree';
export * from './unit-inputs';
