import {
  type AppealableLeaf,
  type AppealStanding,
  type EvidenceRecord,
  INPUT_KIND_OF_RULE,
  type Leaf,
  type NodeResult,
  type ResultRow,
  unitRunResultSchema,
} from '@jixiao/core';
import { evidenceOwnerPath, unitResultPath } from '@jixiao/data';
import { tenant } from '../cycles/context';
import type { Caller } from '../http/caller';

/**
 * What the released results say about a unit, read only through the cycle's released pointer: the
 * unit's standing (its row), the leaves of its result an appeal may name, and its documents.
 */

export const standingOf = (run: string, number: number, row: ResultRow): AppealStanding => ({
  run,
  number,
  total: row.total.shown,
  rank: row.rank,
  of: row.of,
  grade: row.grade,
  gradeLabel: { zh: row.gradeLabel.zh, en: row.gradeLabel.en },
});

/** The unit's standing in a run (undefined when the unit is not in it). */
export async function standingIn(
  caller: Caller,
  cycleId: string,
  run: { id: string; number: number },
  unit: string,
): Promise<AppealStanding | undefined> {
  const row = await caller.deps.data.evaluation.runs.row(tenant(caller), cycleId, run.id, unit);
  return row ? standingOf(run.id, run.number, row) : undefined;
}

/** Standings read once per (run, unit) while a list is answered. */
export function standingCache(caller: Caller, cycleId: string) {
  const seen = new Map<string, Promise<AppealStanding | undefined>>();
  return (run: { id: string; number: number }, unit: string) => {
    const k = `${run.id}#${unit}`;
    if (!seen.has(k)) seen.set(k, standingIn(caller, cycleId, run, unit));
    return seen.get(k)!;
  };
}

const itemsOf = (rule: Leaf['rule'] | undefined) =>
  rule?.kind === 'deduction' ? { items: rule.items.map((i) => ({ code: i.code, label: i.label })) } : {};

const leavesIn = (nodes: readonly NodeResult[]): Extract<NodeResult, { type: 'leaf' }>[] =>
  nodes.flatMap((n) => (n.type === 'leaf' ? [n] : leavesIn(n.children)));

/**
 * The leaves of the unit's result in the run (those that apply to it), in the system's order, with
 * what a correction of each gives (from the unit's system: a deduction leaf's items).
 */
export async function resultLeaves(
  caller: Caller,
  cycleId: string,
  run: string,
  unit: string,
  system: readonly Leaf[],
): Promise<AppealableLeaf[]> {
  const rules = new Map(system.map((l) => [l.code, l.rule]));
  const bytes = await caller.deps.data.blobs.get(tenant(caller), unitResultPath(cycleId, run, unit));
  if (!bytes) return [];
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return [];
  }
  const parsed = unitRunResultSchema.safeParse(json);
  if (!parsed.success) return [];
  return leavesIn(parsed.data.result.dimensions)
    .filter((l) => l.status !== 'not_applicable')
    .map((l) => ({
      code: l.code,
      name: l.name,
      rule: l.rule,
      status: l.status,
      value: l.value,
      points: l.points.shown,
      max: l.effectiveWeight.shown,
      input: INPUT_KIND_OF_RULE[l.rule],
      ...itemsOf(rules.get(l.code)),
    }));
}

/** The unit's documents of the cycle that have a confirmed version, by id. */
export async function unitDocuments(caller: Caller, cycleId: string, unit: string) {
  const docs = await caller.deps.data.cycleRecords.all<EvidenceRecord>(
    tenant(caller),
    cycleId,
    'EVID',
    evidenceOwnerPath({ unit }),
  );
  return new Map(
    docs
      .filter((d) => d.versions.length > 0)
      .sort((a, b) => (a.leaf ?? '').localeCompare(b.leaf ?? '') || a.createdAt.localeCompare(b.createdAt))
      .map((d) => [d.id, { id: d.id, title: d.title, ...(d.leaf ? { leaf: d.leaf } : {}) }]),
  );
}

/** Field issues for cited documents that are not the unit's (paths `body.evidence.<i>`). */
export function unknownDocuments(ids: readonly string[], docs: ReadonlyMap<string, unknown>) {
  return ids.flatMap((id, i) =>
    docs.has(id)
      ? []
      : [
          {
            path: `body.evidence.${i}`,
            zh: `佐证材料 ${id} 不是本单位在本考核周期的材料`,
            en: `Document ${id} is not one of the unit's documents of this cycle`,
          },
        ],
  );
}
