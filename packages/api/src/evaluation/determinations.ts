import {
  type Assignment,
  type Cycle,
  can,
  contentOf,
  type Determination,
  type DeterminationPut,
  type DeterminationView,
  errors,
  financeOfficeArgs,
  type InputOrigin,
  type Leaf,
  leavesOf,
  type RuleKind,
  type Survey,
  type ValueRecord,
} from '@jixiao/core';
import { loadCycle, recordAudit, tenant, type UnitInCycle, unitInCycle } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { changedFields, cycleRef, unitRef } from '../monitoring/shared';
import { determinationIssues } from './determination-checks';

/**
 * The office's year-end determinations (年终认定) of one unit: qualitative grades, incidents counted
 * against deduction rules, a formula's arguments, exemptions (免考), bonus points and vetoes. Recorded
 * in verification or review; the batch reads them as the unit's inputs, ahead of every other source.
 */

const DETERMINATION = { zh: '年终认定', en: 'Determinations' };
const WRITE_STATES = ['verification', 'review'] as const;
const FIELDS = ['leaves', 'bonus', 'vetoes', 'note'] as const;

/** Rules whose input only the office's determination gives. */
const DETERMINED_ONLY: readonly RuleKind[] = ['qualitative_grade', 'deduction', 'formula'];
const FROM_EXPERTS: readonly RuleKind[] = ['expert', 'composite'];

const applicableLeaves = (u: UnitInCycle): Leaf[] =>
  leavesOf(contentOf(u.system).dimensions).filter(
    (l) => !l.appliesTo?.length || l.appliesTo.includes(u.group),
  );

const readDetermination = (caller: Caller, cycle: Cycle, unit: string) =>
  caller.deps.data.cycleRecords.get<Determination>(tenant(caller), cycle.id, 'DETERM', [unit]);

/**
 * Where the batch would take each leaf's input from if the office determined nothing: the expert
 * review (an active assignment covers it), a survey rating the unit with a question on the leaf,
 * or the value record as verified, corrected (on appeal, if an accepted appeal names it) or still
 * pending; else nothing.
 */
async function defaultOrigins(caller: Caller, cycle: Cycle, unit: string) {
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const [values, assignments, surveys, appeals] = await Promise.all([
    records.all<ValueRecord>(t, cycle.id, 'VAL', [unit]),
    records.all<Assignment>(t, cycle.id, 'EXPASSIGN'),
    records.all<Survey>(t, cycle.id, 'SURVEY'),
    records.all<{ status: string; leaf?: string }>(t, cycle.id, 'APPEAL', [unit]),
  ]);
  const valueByLeaf = new Map(values.map((v) => [v.leaf, v]));
  const rated = new Set(
    assignments.filter((a) => a.unit === unit && a.status !== 'recused').flatMap((a) => a.leaves),
  );
  const surveyed = new Set(
    surveys
      .filter((s) => s.status !== 'draft' && s.units.includes(unit))
      .flatMap((s) => s.questions.flatMap((q) => (q.leaf ? [q.leaf] : []))),
  );
  const appealed = new Set(appeals.filter((a) => a.status === 'accepted' && a.leaf).map((a) => a.leaf));
  return (leaf: Leaf): InputOrigin => {
    const kind = leaf.rule.kind;
    if (DETERMINED_ONLY.includes(kind)) return 'none';
    if (FROM_EXPERTS.includes(kind)) return rated.has(leaf.code) ? 'experts' : 'none';
    if (kind === 'satisfaction') return surveyed.has(leaf.code) ? 'survey' : 'none';
    const v = valueByLeaf.get(leaf.code);
    if (!v || v.value === undefined) return 'none';
    if (v.status === 'corrected') return appealed.has(leaf.code) ? 'appeal' : 'corrected';
    if (v.status === 'pending') return 'unverified';
    return v.origin === 'provider' ? 'supplied' : 'verified';
  };
}

async function view(
  caller: Caller,
  cycle: Cycle,
  u: UnitInCycle,
  record: Determination | undefined,
): Promise<DeterminationView> {
  const leaves = applicableLeaves(u);
  const origin = await defaultOrigins(caller, cycle, u.unit.code);
  const content = contentOf(u.system);
  return {
    cycle: cycleRef(cycle),
    unit: unitRef(u.unit),
    determination: record
      ? {
          leaves: record.leaves ?? {},
          bonus: record.bonus ?? {},
          vetoes: record.vetoes ?? {},
          note: record.note ?? '',
          version: record.version,
          updatedAt: record.updatedAt,
        }
      : null,
    leaves: leaves.map((l) => ({
      code: l.code,
      name: l.name,
      rule: l.rule.kind,
      source: l.source,
      origin: origin(l),
    })),
    bonusItems: content.bonusItems.map((b) => ({ code: b.code, name: b.name, maxPoints: b.maxPoints })),
    vetoItems: content.vetoItems.map((v) => ({ code: v.code, name: v.name, effect: v.effect })),
    editable:
      can(caller.identity, 'evaluation:run') && (WRITE_STATES as readonly string[]).includes(cycle.state),
  };
}

export async function getDetermination(caller: Caller, cycleId: string, unit: string) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  return view(caller, cycle, u, await readDetermination(caller, cycle, u.unit.code));
}

/** Saves the unit's determinations whole: created without `version`, changed with it. */
export async function putDetermination(
  caller: Caller,
  cycleId: string,
  unit: string,
  input: DeterminationPut,
) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  requireState(cycle, WRITE_STATES, { zh: '记录年终认定', en: 'record year-end determinations' });
  const issues = determinationIssues(contentOf(u.system), applicableLeaves(u), input, financeOfficeArgs);
  if (issues.length) throw errors.validation(issues);

  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const before = await readDetermination(caller, cycle, u.unit.code);
  const fields = { leaves: input.leaves, bonus: input.bonus, vetoes: input.vetoes, note: input.note };
  const saved =
    input.version === undefined
      ? await records.create<Omit<Determination, 'version' | 'createdAt' | 'updatedAt'>>(
          t,
          cycle.id,
          'DETERM',
          [u.unit.code],
          { cycle: cycle.id, unit: u.unit.code, ...fields },
          DETERMINATION,
        )
      : await records.update<Determination>(
          t,
          cycle.id,
          'DETERM',
          [u.unit.code],
          input.version,
          fields,
          DETERMINATION,
        );
  await recordAudit(caller, {
    action: 'determination.save',
    target: { type: 'determination', id: `${cycle.id}/${u.unit.code}` },
    ...changedFields(before, saved, FIELDS),
  });
  return view(caller, cycle, u, saved);
}
