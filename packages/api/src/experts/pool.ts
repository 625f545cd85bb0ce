import {
  type Assignment,
  type Expert,
  type ExpertCreate,
  type ExpertPatch,
  errors,
  type FieldIssue,
} from '@jixiao/core';
import { newId, type PageRequest } from '@jixiao/data';
import { changedFields, recordAudit, tenant } from '../cycles/context';
import type { Caller } from '../http/caller';

/**
 * The expert pool (专家库): the office adds and changes experts, with their own unit (回避 is
 * automatic there), the units they declared a conflict with, and the account they sign in with.
 */

const pool = (caller: Caller) => caller.deps.data.experts.pool;

export const listExperts = (caller: Caller, req: PageRequest) => pool(caller).page(tenant(caller), req);

export const getExpert = (caller: Caller, id: string) => pool(caller).getOr404(tenant(caller), id);

/** The references an expert names must exist: units of the tenant, a user with the expert role. */
async function referenceIssues(
  caller: Caller,
  input: {
    unit?: string | null | undefined;
    conflicts?: string[] | undefined;
    userId?: string | null | undefined;
  },
  self?: string,
): Promise<FieldIssue[]> {
  const t = tenant(caller);
  const org = caller.deps.data.org;
  const out: FieldIssue[] = [];
  if (input.unit && !(await org.getUnit(t, input.unit)))
    out.push({ path: 'body.unit', zh: `单位 ${input.unit} 不存在`, en: `Unit ${input.unit} does not exist` });
  for (const [i, code] of (input.conflicts ?? []).entries())
    if (!(await org.getUnit(t, code)))
      out.push({ path: `body.conflicts.${i}`, zh: `单位 ${code} 不存在`, en: `Unit ${code} does not exist` });
  if (input.userId) {
    const user = await org.getUser(t, input.userId);
    if (!user?.roles.includes('expert'))
      out.push({
        path: 'body.userId',
        zh: `账号 ${input.userId} 不存在或不是评审专家账号`,
        en: `Account ${input.userId} does not exist or does not have the expert role`,
      });
    else {
      const taken = (await pool(caller).all(t)).find((e) => e.userId === input.userId && e.id !== self);
      if (taken)
        out.push({
          path: 'body.userId',
          zh: `账号 ${input.userId} 已关联专家「${taken.name}」`,
          en: `Account ${input.userId} is already linked to expert "${taken.name}"`,
        });
    }
  }
  return out;
}

export async function createExpert(caller: Caller, input: ExpertCreate): Promise<Expert> {
  const issues = await referenceIssues(caller, input);
  if (issues.length) throw errors.validation(issues);
  const expert = await pool(caller).create(tenant(caller), {
    id: newId('expert'),
    name: input.name,
    ...(input.title ? { title: input.title } : {}),
    ...(input.organisation ? { organisation: input.organisation } : {}),
    ...(input.unit ? { unit: input.unit } : {}),
    ...(input.userId ? { userId: input.userId } : {}),
    specialties: input.specialties,
    conflicts: [...new Set(input.conflicts)],
    active: input.active,
  });
  await recordAudit(caller, {
    action: 'expert.create',
    target: { type: 'expert', id: expert.id },
    after: expert,
  });
  return expert;
}

/**
 * Recuses the expert's active assignments to `units` in every cycle not closed (回避 declared or
 * the own unit changed): their scores stop counting. Audited one by one.
 */
export async function recuseForUnits(caller: Caller, expert: string, units: string[], reason: string) {
  if (!units.length) return;
  const t = tenant(caller);
  const records = caller.deps.data.cycleRecords;
  const cycles = (await caller.deps.data.cycles.all(t)).filter((c) => c.state !== 'closed');
  for (const cycle of cycles) {
    const list = await records.all<Assignment>(t, cycle.id, 'EXPASSIGN');
    for (const a of list.filter(
      (x) => x.expert === expert && x.status === 'active' && units.includes(x.unit),
    )) {
      const recusal = { reason, by: caller.identity.sub, at: caller.deps.now().toISOString() };
      await records.update<Assignment>(
        t,
        cycle.id,
        'EXPASSIGN',
        [a.id],
        a.version,
        { status: 'recused', recusal },
        {
          zh: '专家分配',
          en: 'Expert assignment',
        },
      );
      await recordAudit(caller, {
        action: 'expert.recuse',
        target: { type: 'expertAssignment', id: `${cycle.id}/${a.id}` },
        before: { status: 'active' },
        after: { status: 'recused' },
        note: reason,
      });
    }
  }
}

export async function updateExpert(caller: Caller, id: string, patch: ExpertPatch): Promise<Expert> {
  const t = tenant(caller);
  const before = await pool(caller).getOr404(t, id);
  const issues = await referenceIssues(caller, patch, id);
  if (issues.length) throw errors.validation(issues);
  const { version, ...changes } = patch;
  if (changes.conflicts) changes.conflicts = [...new Set(changes.conflicts)];
  const saved = await pool(caller).update(t, id, version, changes);
  const diff = changedFields(before, changes);
  if (diff.changed)
    await recordAudit(caller, {
      action: 'expert.update',
      target: { type: 'expert', id },
      before: diff.before,
      after: diff.after,
    });
  // A conflict declared now (or a new own unit) recuses what was assigned before.
  const newlyBarred = [
    ...(saved.conflicts ?? []).filter((u) => !before.conflicts.includes(u)),
    ...(saved.unit && saved.unit !== before.unit ? [saved.unit] : []),
  ];
  await recuseForUnits(caller, id, newlyBarred, '考核办登记回避 / conflict recorded by the office');
  return saved;
}
