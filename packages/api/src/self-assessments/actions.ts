import {
  AppError,
  daySchema,
  errors,
  hasRole,
  type SelfAction,
  type SelfAssessment,
  selfAssessmentIssues,
  type ValueRecord,
} from '@jixiao/core';
import { keys } from '@jixiao/data';
import { isOwnUnit, recordAudit, tenant, today } from '../cycles/context';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { alreadySubmitted, deadlineError, deadlineOf, isLate, SELF } from './rules';
import { loadSelf, type SelfContext, selfView } from './view';

/**
 * Submitting a self-assessment (the unit, complete and in time) and reopening it (the office, after
 * submission or the deadline). Submission turns each quantitative actual value into a value record
 * awaiting verification (指标考核); values a provider supplied are not touched.
 */

const VALUE = { zh: '指标数据', en: 'Value' };
type ValueFields = Omit<ValueRecord, 'version' | 'createdAt' | 'updatedAt'>;

export async function act(caller: Caller, cycleId: string, unit: string, input: SelfAction) {
  if (input.action === 'submit') {
    if (!hasRole(caller.identity, 'unit_user'))
      throw errors.forbidden(
        '提交单位自评（由单位填报人提交）',
        "submit a unit's self-assessment (the unit does)",
      );
    // Only the unit's own user submits (another unit's looks missing, whatever else the caller is).
    if (!isOwnUnit(caller, unit)) throw errors.notFound('单位不在该考核周期范围内', 'Unit not in this cycle');
    return submit(caller, await loadSelf(caller, cycleId, unit), input.version);
  }
  if (!hasRole(caller.identity, 'tenant_admin'))
    throw errors.forbidden('重新开放自评（由考核办办理）', 'reopen a self-assessment (the office does)');
  return reopen(caller, await loadSelf(caller, cycleId, unit), input);
}

async function submit(caller: Caller, ctx: SelfContext, version: number) {
  const { cycle, u, assessment } = ctx;
  requireState(cycle, ['self_assessment'], {
    zh: '提交自评',
    en: 'submit the self-assessment',
  });
  if (assessment?.status === 'submitted') throw alreadySubmitted();
  const issues = selfAssessmentIssues(assessment ?? { items: [], report: '' }, u.leaves, ctx.suppliedLeaves);
  if (issues.length || !assessment)
    throw new AppError({
      status: 422,
      code: 'validation_failed',
      zh: `自评还有 ${issues.length} 处需完善，完善后才能提交。`,
      en: `The self-assessment has ${issues.length} gap(s) to fill before it can be submitted.`,
      fields: issues.map((i) => ({ ...i, path: `body.${i.path}` })),
    });
  const deadline = deadlineOf(cycle, assessment);
  if (isLate(assessment, deadline, today(caller))) throw deadlineError(deadline);
  if (assessment.version !== version) throw errors.versionConflict(assessment.version);

  // The submission first (conditional on the version read), then the value records: a concurrent
  // save makes this 409 before anything else is written.
  const t = tenant(caller);
  const at = caller.deps.now().toISOString();
  const saved = await caller.deps.data.cycleRecords.update<SelfAssessment>(
    t,
    cycle.id,
    'SELF',
    [u.unit.code],
    version,
    { status: 'submitted', submittedAt: at },
    SELF,
  );
  const written = await writeValues(caller, ctx, assessment);
  await recordAudit(caller, {
    action: 'self.submit',
    target: { type: 'self', id: `${cycle.id}/${u.unit.code}` },
    before: { status: assessment.status },
    after: { status: 'submitted', submittedAt: at, values: written },
  });
  return selfView(caller, { ...ctx, assessment: saved });
}

/**
 * For every quantitative leaf the unit reports itself: a pending value record, created or, when the
 * actual value changed since an earlier submission, set back to pending with the new original.
 * Returns how many records were written.
 */
async function writeValues(caller: Caller, ctx: SelfContext, sa: SelfAssessment): Promise<number> {
  const t = tenant(caller);
  const { cycle, u } = ctx;
  const records = caller.deps.data.cycleRecords;
  const existing = new Map(ctx.values.map((v) => [v.leaf, v]));
  const actuals = new Map(sa.items.map((i) => [i.leaf, i.actual]));
  let written = 0;
  for (const leaf of u.leaves) {
    const actual = actuals.get(leaf.code);
    if (leaf.type !== 'quantitative' || actual === undefined) continue;
    const before = existing.get(leaf.code);
    if (before?.origin === 'provider' || ctx.suppliedLeaves.has(leaf.code)) continue;
    const path = [u.unit.code, leaf.code];
    if (!before) {
      const record: ValueFields = {
        cycle: cycle.id,
        unit: u.unit.code,
        leaf: leaf.code,
        origin: 'unit',
        original: actual,
        value: actual,
        status: 'pending',
      };
      await records.create(
        t,
        cycle.id,
        'VAL',
        path,
        record,
        VALUE,
        keys.valueByLeaf(t, cycle.id, leaf.code, u.unit.code),
      );
    } else if (before.original !== actual) {
      await records.update<ValueRecord>(
        t,
        cycle.id,
        'VAL',
        path,
        before.version,
        {
          original: actual,
          value: actual,
          status: 'pending',
          reason: null,
          verified: null,
        },
        VALUE,
      );
    } else continue;
    written++;
  }
  return written;
}

async function reopen(caller: Caller, ctx: SelfContext, input: SelfAction) {
  const { cycle, u, assessment } = ctx;
  requireState(cycle, ['self_assessment'], {
    zh: '重新开放自评',
    en: 'reopen the self-assessment',
  });
  const day = today(caller);
  const until = input.until ?? '';
  if (!daySchema.safeParse(until).success || until < day)
    throw errors.validation([
      {
        path: 'body.until',
        zh: `重新开放的截止日期须为今天（${day}）或以后的有效日期`,
        en: `The last day of a reopening must be a valid day, today (${day}) or later`,
      },
    ]);
  const deadline = deadlineOf(cycle, assessment);
  const submitted = assessment?.status === 'submitted';
  if (!submitted && !isLate(assessment, deadline, day))
    throw new AppError({
      status: 409,
      code: 'invalid_transition',
      zh: `自评尚未提交，且截止日期 ${deadline} 未过，单位仍可填报，无须重新开放。`,
      en: `The self-assessment is not submitted and its deadline ${deadline} has not passed; the unit can still fill it in.`,
      detail: { deadline },
    });
  const reopened = {
    by: caller.identity.sub,
    at: caller.deps.now().toISOString(),
    reason: (input.reason ?? '').trim(),
    until,
  };
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const path = [u.unit.code];
  const saved = assessment
    ? await records.update<SelfAssessment>(
        t,
        cycle.id,
        'SELF',
        path,
        input.version,
        {
          status: 'draft',
          submittedAt: null,
          reopened,
        },
        SELF,
      )
    : await records.create<Omit<SelfAssessment, 'version' | 'createdAt' | 'updatedAt'>>(
        t,
        cycle.id,
        'SELF',
        path,
        { cycle: cycle.id, unit: u.unit.code, items: [], report: '', status: 'draft', reopened },
        SELF,
      );
  await recordAudit(caller, {
    action: 'self.reopen',
    target: { type: 'self', id: `${cycle.id}/${u.unit.code}` },
    before: {
      status: assessment?.status ?? 'missing',
      ...(assessment?.reopened ? { reopened: assessment.reopened } : {}),
    },
    after: { status: 'draft', reopened },
    note: reopened.reason,
  });
  return selfView(caller, { ...ctx, assessment: saved });
}
