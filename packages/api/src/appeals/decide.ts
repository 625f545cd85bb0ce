import {
  type Appeal,
  type AppealApplied,
  type AppealCorrection,
  type AppealDecide,
  appealNotOpen,
  appealValueReason,
  contentOf,
  correctionIssues,
  type Determination,
  errors,
  type LeafInput,
  leavesOf,
  type ValueRecord,
} from '@jixiao/core';
import { keys } from '@jixiao/data';
import { loadCycle, recordAudit, tenant, type UnitInCycle, unitInCycle } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { stampOf } from './scope';
import { APPEAL, appealViews } from './view';

/**
 * The office's decision on an appeal: accepted or rejected with the reason the unit reads. An
 * accepted indicator appeal may correct the leaf's input — a value leaf's value record, or a
 * determination-kind leaf's entry in the unit's determination — outside the verification window on
 * purpose (the appeal is the channel), audited with before and after. The next run reads it.
 */

const VALUE = { zh: '指标数据', en: 'Value' };
const DETERMINATION = { zh: '年终认定', en: 'Determination' };
/** Writes of a correction race other edits rarely; a stale read is re-read this many times. */
const ATTEMPTS = 3;

type Planned =
  | { kind: 'value'; value: number; before: ValueRecord | undefined }
  | { kind: 'input'; input: LeafInput; before: Determination | undefined };

async function plan(
  caller: Caller,
  cycleId: string,
  a: Appeal,
  u: UnitInCycle,
  c: AppealCorrection,
): Promise<Planned> {
  if (a.target !== 'indicator' || !a.leaf)
    throw errors.validation([
      {
        path: 'body.correction',
        zh: '申诉考核结论时不更正单项指标数据',
        en: 'An appeal of the conclusion corrects no indicator’s input',
      },
    ]);
  const leaf = leavesOf(contentOf(u.system).dimensions).find((l) => l.code === a.leaf);
  if (!leaf)
    throw errors.validation([
      {
        path: 'body.correction',
        zh: `指标 ${a.leaf} 已不在本单位适用的指标体系中`,
        en: `Indicator ${a.leaf} is no longer in the unit's system`,
      },
    ]);
  const issues = correctionIssues(leaf, c).map((i) => ({ ...i, path: `body.${i.path}` }));
  if (issues.length) throw errors.validation(issues);
  const records = caller.deps.data.cycleRecords;
  const t = tenant(caller);
  // The batch reads the office's determination of a leaf before its value record: where one exists,
  // a corrected value goes into it, or the correction would never be scored.
  const determination = await records.get<Determination>(t, cycleId, 'DETERM', [a.unit]);
  const determined = determination?.leaves[leaf.code];
  if ('value' in c && determined)
    return {
      kind: 'input',
      input: {
        kind: 'value',
        actual: c.value,
        ...(determined.kind === 'value' && determined.target !== undefined
          ? { target: determined.target }
          : {}),
      },
      before: determination,
    };
  if ('value' in c)
    return {
      kind: 'value',
      value: c.value,
      before: await records.get<ValueRecord>(t, cycleId, 'VAL', [a.unit, leaf.code]),
    };
  return { kind: 'input', input: c.input, before: determination };
}

const appliedOf = (p: Planned, leaf: string): AppealApplied =>
  p.kind === 'value'
    ? { value: { before: p.before?.value ?? null, after: p.value } }
    : { input: { before: p.before?.leaves[leaf] ?? null, after: p.input } };

const isConflict = (e: unknown) => (e as { code?: string } | null)?.code === 'version_conflict';

/** Writes the correction, re-reading a record another edit changed meanwhile; audits before and after. */
async function apply(caller: Caller, cycleId: string, a: Appeal, p: Planned, reason: string) {
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const leaf = a.leaf!;
  const note = `申诉 ${a.id} 复核采纳：${reason}`;
  const stamp = { by: caller.identity.sub, at: caller.deps.now().toISOString() };
  for (let attempt = 1; ; attempt++) {
    try {
      if (p.kind === 'value') {
        const before =
          attempt === 1 ? p.before : await records.get<ValueRecord>(t, cycleId, 'VAL', [a.unit, leaf]);
        const fields = {
          status: 'corrected' as const,
          value: p.value,
          reason: appealValueReason(reason),
          verified: stamp,
        };
        if (before)
          await records.update<ValueRecord>(t, cycleId, 'VAL', [a.unit, leaf], before.version, fields, VALUE);
        else {
          const cycle = await loadCycle(caller, cycleId);
          const provided = cycle.providers.some((x) => x.leaf === leaf);
          await records.create(
            t,
            cycleId,
            'VAL',
            [a.unit, leaf],
            {
              cycle: cycleId,
              unit: a.unit,
              leaf,
              origin: provided ? ('provider' as const) : ('unit' as const),
              ...fields,
            },
            VALUE,
            keys.valueByLeaf(t, cycleId, leaf, a.unit),
          );
        }
        await recordAudit(caller, {
          action: 'value.verify',
          target: { type: 'value', id: `${cycleId}/${a.unit}/${leaf}` },
          before: before
            ? { status: before.status, value: before.value ?? null, reason: before.reason ?? null }
            : null,
          after: { status: fields.status, value: fields.value, reason: fields.reason },
          note,
        });
      } else {
        const before =
          attempt === 1 ? p.before : await records.get<Determination>(t, cycleId, 'DETERM', [a.unit]);
        if (before)
          await records.update<Determination>(
            t,
            cycleId,
            'DETERM',
            [a.unit],
            before.version,
            { leaves: { ...before.leaves, [leaf]: p.input } },
            DETERMINATION,
          );
        else
          await records.create(
            t,
            cycleId,
            'DETERM',
            [a.unit],
            { cycle: cycleId, unit: a.unit, leaves: { [leaf]: p.input }, bonus: {}, vetoes: {}, note: '' },
            DETERMINATION,
          );
        await recordAudit(caller, {
          action: 'determination.save',
          target: { type: 'determination', id: `${cycleId}/${a.unit}` },
          before: { leaves: { [leaf]: before?.leaves[leaf] ?? null } },
          after: { leaves: { [leaf]: p.input } },
          note,
        });
      }
      return;
    } catch (e) {
      const created = (e as { code?: string } | null)?.code === 'already_exists';
      if (attempt >= ATTEMPTS || !(isConflict(e) || created)) throw e;
    }
  }
}

export async function decideAppeal(
  caller: Caller,
  cycleId: string,
  unit: string,
  id: string,
  input: AppealDecide,
) {
  const cycle = await loadCycle(caller, cycleId);
  const u = await unitInCycle(caller, cycle, unit);
  const t = tenant(caller);
  const before = await caller.deps.data.cycleRecords.getOr404<Appeal>(
    t,
    cycle.id,
    'APPEAL',
    [unit, id],
    APPEAL,
  );
  requireState(cycle, ['review'], { zh: '复核申诉', en: 'decide an appeal' });
  if (before.status !== 'submitted') throw appealNotOpen(before.status);
  if (before.version !== input.version) throw errors.versionConflict(before.version);
  const planned = input.correction ? await plan(caller, cycle.id, before, u, input.correction) : undefined;
  const decision = {
    ...stampOf(caller),
    status: input.status,
    reason: input.reason,
    ...(input.correction ? { correction: input.correction } : {}),
    ...(planned ? { applied: appliedOf(planned, before.leaf!) } : {}),
  };
  // The correction first: should it fail, the appeal stays open and the decision can be sent again
  // (writing the same correction twice changes nothing); an appeal marked accepted always has it.
  if (planned) await apply(caller, cycle.id, before, planned, input.reason);
  const after = await caller.deps.data.cycleRecords.update<Appeal>(
    t,
    cycle.id,
    'APPEAL',
    [unit, id],
    input.version,
    { status: input.status, decision },
    APPEAL,
  );
  await recordAudit(caller, {
    action: 'appeal.decide',
    target: { type: 'appeal', id: `${cycle.id}/${unit}/${id}` },
    before: { status: before.status },
    after: { status: after.status, correction: input.correction ?? null, applied: decision.applied ?? null },
    note: input.reason,
  });
  return (await appealViews(caller, cycle, new Map([[unit, u.unit.name]]))).view(after);
}
