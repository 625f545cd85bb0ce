import type { SystemContent } from '../indicators/model';
import type { Dec } from './decimal';
import type { PeerIndex } from './peers';
import type { Bilingual, CalculatorRegistry } from './rules/types';
import type { FlatTree } from './tree';
import type { BaseResult, BonusResult, NodeResult, PartyResult, StatisticResult, VetoResult } from './types';

/** Plain code-unit order: locale-independent, so every machine sorts the same way. */
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Everything computed once per run and shared by every unit. */
export interface Run {
  content: SystemContent;
  d: number;
  tree: FlatTree;
  peers: PeerIndex;
  calculators: CalculatorRegistry | undefined;
}

/** A unit scored, before ranking and grading (which need the whole group). */
export interface Scored {
  unit: string;
  group: string;
  dimensions: NodeResult[];
  dimShown: Map<string, Dec>;
  base: BaseResult;
  bonus: BonusResult;
  bonusShown: Dec;
  vetoes: VetoResult[];
  deductions: Dec;
  total: Dec;
  totalExact: Dec;
  /** The review meeting's adjustment, already in `total`. */
  adjustment?: { points: Dec; reason: string };
  warnings: Bilingual[];
  parties: PartyResult[];
  statistics: StatisticResult[];
}
