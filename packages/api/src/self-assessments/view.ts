import {
  type Cycle,
  hasRole,
  type SelfAssessment,
  selfAssessmentIssues,
  type ValueRecord,
} from '@jixiao/core';
import { isOwnUnit, loadCycle, tenant, today, type UnitInCycle, unitInCycle } from '../cycles/context';
import type { Caller } from '../http/caller';
import { cycleRef, unitRef } from '../monitoring/shared';
import { deadlineOf, isLate } from './rules';

/**
 * Self-assessment (自我测评, art. 23 (三)): the unit's actual values, self-scores, narratives and the
 * self-evaluation report, checked for completeness; values a data provider supplies (一数一源) are
 * shown beside it and never typed by the unit.
 */

export interface SelfContext {
  cycle: Cycle;
  u: UnitInCycle;
  assessment?: SelfAssessment;
  /** Every value record of the unit, and those a provider supplied (一数一源). */
  values: ValueRecord[];
  supplied: ValueRecord[];
  /**
   * Leaves whose value a provider supplies (一数一源): supplied already, or assigned to a provider in
   * the cycle and still awaited. The unit never types these.
   */
  suppliedLeaves: Set<string>;
}

export async function loadSelf(caller: Caller, cycleId: string, unit: string): Promise<SelfContext> {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const [assessment, values] = await Promise.all([
    records.get<SelfAssessment>(t, cycle.id, 'SELF', [unit]),
    records.all<ValueRecord>(t, cycle.id, 'VAL', [unit]),
  ]);
  const applicable = new Set(u.leaves.map((l) => l.code));
  const supplied = values.filter((v) => v.origin === 'provider' && applicable.has(v.leaf));
  const assigned = cycle.providers.map((p) => p.leaf).filter((leaf) => applicable.has(leaf));
  const suppliedLeaves = new Set([...supplied.map((v) => v.leaf), ...assigned]);
  return { cycle, u, ...(assessment ? { assessment } : {}), values, supplied, suppliedLeaves };
}

export function selfView(caller: Caller, ctx: SelfContext) {
  const { cycle, u, assessment } = ctx;
  const day = today(caller);
  const issues = selfAssessmentIssues(assessment ?? { items: [], report: '' }, u.leaves, ctx.suppliedLeaves);
  const arrived = new Set(ctx.supplied.map((v) => v.leaf));
  const deadline = deadlineOf(cycle, assessment);
  const late = isLate(assessment, deadline, day);
  const submitted = assessment?.status === 'submitted';
  const edit = isOwnUnit(caller, u.unit.code) && cycle.state === 'self_assessment' && !submitted && !late;
  return {
    cycle: cycleRef(cycle),
    unit: unitRef(u.unit),
    ...(assessment ? { assessment } : {}),
    leaves: u.leaves,
    supplied: [
      ...ctx.supplied.map((v) => ({
        leaf: v.leaf,
        ...(v.value !== undefined ? { value: v.value } : {}),
        status: v.status,
      })),
      // Assigned to a provider and not yet supplied: shown as awaited (no value).
      ...[...ctx.suppliedLeaves]
        .filter((leaf) => !arrived.has(leaf))
        .map((leaf) => ({ leaf, status: 'pending' as const })),
    ],
    issues,
    deadline,
    late,
    allowed: {
      edit,
      submit: edit && issues.length === 0,
      reopen:
        hasRole(caller.identity, 'tenant_admin') && cycle.state === 'self_assessment' && (submitted || late),
    },
  };
}
