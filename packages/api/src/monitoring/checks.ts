import {
  type CheckCreate,
  type CheckPatch,
  type Cycle,
  type CycleState,
  errors,
  type FieldIssue,
  isAppError,
  type MonitoringCheck,
  unitScope,
} from '@jixiao/core';
import { newId, type PageRequest } from '@jixiao/data';
import { loadCycle, recordAudit, tenant, unitInCycle } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { byKey, changedFields, pageInMemory } from './shared';

/**
 * The office's spot checks (察访核验) and the experts' diagnosis and advice (诊断和咨询, art. 14 ¶2):
 * findings and follow-up, per unit. A unit sees its own; office-wide roles see all.
 */

const CHECK = { zh: '察访核验或诊断咨询记录', en: 'Check' };
const OPEN_STEPS: readonly CycleState[] = ['planning', 'monitoring', 'self_assessment', 'verification'];
const STEP = { zh: '记录察访核验或诊断咨询', en: 'record a check or consultation' };

type CheckRecord = Omit<MonitoringCheck, 'version' | 'createdAt' | 'updatedAt'>;

export async function checks(
  caller: Caller,
  cycleId: string,
  q: PageRequest & { unit?: string | undefined },
) {
  const cycle = await loadCycle(caller, cycleId);
  const t = tenant(caller);
  const scope = unitScope(caller.identity);
  if (scope !== undefined && q.unit !== undefined && q.unit !== scope) throw errors.notFound('单位', 'Unit');
  const unit = scope ?? q.unit;
  const records = caller.deps.data.cycleRecords;
  if (unit === undefined)
    return records.page<MonitoringCheck>(t, cycle.id, 'CHECK', [], { limit: q.limit, cursor: q.cursor });
  // Checks are keyed by id, not unit: one unit's are read whole and paged here.
  const all = (await records.all<MonitoringCheck>(t, cycle.id, 'CHECK'))
    .filter((c) => c.unit === unit)
    .sort(byKey((c) => c.id));
  return pageInMemory(caller, `cycle:${cycle.id}:checks:${unit}`, all, (c) => c.id, q);
}

/** The unit must be in the cycle and the indicators must apply to it: 422 on the body otherwise. */
async function checkedUnit(caller: Caller, cycle: Cycle, unit: string, leaves: readonly string[]) {
  const u = await unitInCycle(caller, cycle, unit).catch((e: unknown) => {
    if (isAppError(e) && e.status === 404)
      throw errors.invalidReference(
        'body.unit',
        `单位 ${unit} 不在该考核周期范围内`,
        `Unit ${unit} is not in this cycle`,
      );
    throw e;
  });
  const applicable = new Set(u.leaves.map((l) => l.code));
  const issues: FieldIssue[] = leaves.flatMap((leaf, i) =>
    applicable.has(leaf)
      ? []
      : [
          {
            path: `body.leaves.${i}`,
            zh: `指标 ${leaf} 不适用于单位 ${unit}`,
            en: `Indicator ${leaf} does not apply to unit ${unit}`,
          },
        ],
  );
  if (issues.length) throw errors.validation(issues);
  return u;
}

export async function createCheck(caller: Caller, cycleId: string, input: CheckCreate) {
  const cycle = await loadCycle(caller, cycleId);
  requireState(cycle, OPEN_STEPS, STEP);
  await checkedUnit(caller, cycle, input.unit, input.leaves);
  const id = newId('check');
  const record: CheckRecord = { id, cycle: cycle.id, ...input };
  const created = await caller.deps.data.cycleRecords.create(
    tenant(caller),
    cycle.id,
    'CHECK',
    [id],
    record,
    CHECK,
  );
  await recordAudit(caller, {
    action: 'check.create',
    target: { type: 'check', id: `${cycle.id}/${id}` },
    after: { kind: created.kind, unit: created.unit, day: created.day, leaves: created.leaves },
  });
  return created;
}

export async function updateCheck(caller: Caller, cycleId: string, checkId: string, input: CheckPatch) {
  const cycle = await loadCycle(caller, cycleId);
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const before = await records.getOr404<MonitoringCheck>(t, cycle.id, 'CHECK', [checkId], CHECK);
  requireState(cycle, OPEN_STEPS, {
    zh: '修改察访核验或诊断咨询记录',
    en: 'change a check or consultation',
  });
  const { version, ...changes } = input;
  const updated = await records.update<MonitoringCheck>(
    t,
    cycle.id,
    'CHECK',
    [checkId],
    version,
    changes,
    CHECK,
  );
  await recordAudit(caller, {
    action: 'check.update',
    target: { type: 'check', id: `${cycle.id}/${checkId}` },
    ...changedFields(before, updated, ['findings', 'followUp', 'followUpDue', 'followUpStatus']),
  });
  return updated;
}
