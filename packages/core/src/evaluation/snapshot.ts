import type { Cycle } from '../cycles/model';
import type { ValueRecord } from '../cycles/verification';
import type { LeafInput, SystemContent, UnitInputs } from '../indicators/model';
import type { Determination, LeafProvenance } from './model';

/**
 * The frozen inputs of one run (the snapshot written to S3 by the batch's first step): the cycle's
 * systems and units, each unit's inputs as the engine takes them, where each input came from, and
 * the review meeting's adjustments. Everything after the freeze reads only this, so a resumed run
 * scores exactly what the first attempt froze, whatever changed in the cycle since.
 */
export interface Snapshot {
  cycle: { id: string; name: string; year: number; kind: Cycle['kind']; state: Cycle['state'] };
  bindings: {
    system: { id: string; version: number; name: string };
    content: SystemContent;
    groups: string[];
  }[];
  /** Units in the cycle, in code order. */
  units: { code: string; name: string; group: string }[];
  /** One per unit, in unit-code order. */
  inputs: UnitInputs[];
  /** unit → leaf → where its input came from (every applicable leaf, including those without input). */
  provenance: Record<string, Record<string, LeafProvenance>>;
  /** The concluded review meeting's adjustments by unit. */
  adjustments: Record<string, { points: number; reason: string }>;
  /** Accepted appeals whose corrections are in these inputs (ids). */
  appeals: string[];
}

/**
 * What the freeze step reads from the cycle (the API layer gathers it; `assembleSnapshot` turns it
 * into the snapshot). Feeds from the expert review and the surveys come as leaf inputs already
 * made by their own modules (experts/results, surveys/results): nothing here re-implements a rule.
 */
export interface RawCycleData {
  cycle: Pick<Cycle, 'id' | 'name' | 'year' | 'kind' | 'state' | 'targets'>;
  bindings: Snapshot['bindings'];
  units: Snapshot['units'];
  values: Pick<ValueRecord, 'unit' | 'leaf' | 'origin' | 'original' | 'value' | 'status' | 'reason'>[];
  /** Targets of the units' approved annual plans (绩效计划). */
  planTargets: { unit: string; leaf: string; target: number }[];
  determinations: Pick<Determination, 'unit' | 'leaves' | 'bonus' | 'vetoes' | 'note'>[];
  /** The expert review's final scores per item as a leaf input (closed rounds only). */
  experts: { unit: string; leaf: string; input: LeafInput; scores: number; rounds: number[] }[];
  /** Each survey's as-decided tally per unit and leaf as a leaf input. */
  surveys: {
    survey: string;
    title: string;
    status: string;
    unit: string;
    leaf: string;
    input: LeafInput;
    answers: number;
  }[];
  /** Concluded review meeting only. */
  adjustments: { unit: string; points: number; reason: string }[];
  /** Evidence documents per unit and leaf (their latest version). */
  evidence: { unit: string; leaf: string; id: string; name: string; version: number }[];
  /** Accepted appeals, with the leaf whose input they corrected (none for a conclusion appeal). */
  appeals: { id: string; unit: string; leaf?: string }[];
}
