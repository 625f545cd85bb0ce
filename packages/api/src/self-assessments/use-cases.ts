import {
  errors,
  type FieldIssue,
  leafLabel,
  type SelfAssessment,
  type SelfAssessmentPut,
} from '@jixiao/core';
import { isOwnUnit, recordAudit, tenant, today } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { changedFields } from '../monitoring/shared';
import { alreadySubmitted, deadlineError, deadlineOf, isLate, SELF } from './rules';
import { loadSelf, type SelfContext, selfView } from './view';

export { act } from './actions';

export async function getSelf(caller: Caller, cycleId: string, unit: string) {
  return selfView(caller, await loadSelf(caller, cycleId, unit));
}

/** Items only for leaves that apply, once each, and no actual value where a provider supplies it. */
function putIssues(input: SelfAssessmentPut, ctx: SelfContext): FieldIssue[] {
  const leaves = new Map(ctx.u.leaves.map((l) => [l.code, l]));
  const supplied = ctx.suppliedLeaves;
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  input.items.forEach((item, i) => {
    const leaf = leaves.get(item.leaf);
    if (!leaf) {
      out.push({
        path: `body.items.${i}.leaf`,
        zh: `指标 ${item.leaf} 不适用于本单位`,
        en: `Indicator ${item.leaf} does not apply to this unit`,
      });
      return;
    }
    const l = leafLabel(leaf);
    if (seen.has(item.leaf))
      out.push({
        path: `body.items.${i}.leaf`,
        zh: `${l.zh}重复，每个指标只填写一项`,
        en: `${l.en} appears more than once; give one item per indicator`,
      });
    seen.add(item.leaf);
    if (supplied.has(item.leaf) && item.actual !== undefined)
      out.push({
        path: `body.items.${i}.actual`,
        zh: `${l.zh}的实际值由数据提供部门提供（一数一源），以其提供的数值为准，单位不能填报`,
        en: `${l.en}: the value is supplied by the data provider (collected once) and counts as supplied; the unit cannot enter it`,
      });
  });
  return out;
}

/** Saves the self-assessment before submission (created without `version`, changed with it). */
export async function putSelf(caller: Caller, cycleId: string, unit: string, input: SelfAssessmentPut) {
  if (!isOwnUnit(caller, unit)) throw errors.notFound('单位不在该考核周期范围内', 'Unit not in this cycle');
  const ctx = await loadSelf(caller, cycleId, unit);
  const { cycle, assessment } = ctx;
  requireState(cycle, ['self_assessment'], {
    zh: '填报自评',
    en: 'change the self-assessment',
  });
  if (assessment?.status === 'submitted') throw alreadySubmitted();
  const day = today(caller);
  const deadline = deadlineOf(cycle, assessment);
  if (isLate(assessment, deadline, day)) throw deadlineError(deadline);
  const issues = putIssues(input, ctx);
  if (issues.length) throw errors.validation(issues);

  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const fields = { items: input.items, report: input.report };
  const saved =
    input.version === undefined
      ? await records.create<Omit<SelfAssessment, 'version' | 'createdAt' | 'updatedAt'>>(
          t,
          cycle.id,
          'SELF',
          [unit],
          { cycle: cycle.id, unit, ...fields, status: 'draft' },
          SELF,
        )
      : await records.update<SelfAssessment>(t, cycle.id, 'SELF', [unit], input.version, fields, SELF);
  await recordAudit(caller, {
    action: 'self.save',
    target: { type: 'self', id: `${cycle.id}/${unit}` },
    ...changedFields(assessment, saved, ['items', 'report']),
  });
  return selfView(caller, { ...ctx, assessment: saved });
}
