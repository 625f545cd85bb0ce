/** The scoring engine (评分引擎): pure, deterministic, explained in Chinese and English. */
export * from './batch';
export { Dec, shown } from './decimal';
export { type Adjustment, computePeersOf, type ScoreOptions, scoreUnits } from './engine';
export { applyRule } from './rules';
export type { CalculatorRegistry, FormulaCalculator, RuleOutcome } from './rules/types';
export * from './types';
