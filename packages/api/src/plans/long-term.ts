import { errors, type LongTermPlan, type LongTermPlanPut, unitScope } from '@jixiao/core';
import { changedFields, isOwnUnit, recordAudit, tenant } from '../cycles/context';
import type { Caller } from '../http/caller';

/**
 * A unit's 3–5-year plans (中长期绩效计划, arts. 7–8). A unit's user writes its own unit's; the
 * office and the other tenant-wide roles read every unit's. A district or county government may
 * link its five-year plan instead (art. 7 ¶2).
 */

const UNIT = { zh: '单位', en: 'Unit' };

/** The unit, if the caller may see it (another unit's looks missing). */
async function visibleUnit(caller: Caller, code: string) {
  const scope = unitScope(caller.identity);
  if (scope !== undefined && scope !== code) throw errors.notFound(UNIT.zh, UNIT.en);
  const unit = await caller.deps.data.org.getUnit(tenant(caller), code);
  if (!unit) throw errors.notFound(UNIT.zh, UNIT.en);
  return unit;
}

export async function listLongTermPlans(caller: Caller, unit: string) {
  await visibleUnit(caller, unit);
  const items = await caller.deps.data.longTermPlans.ofUnit(tenant(caller), unit);
  return { items: items.sort((a, b) => a.startYear - b.startYear) };
}

/** Art. 7 ¶2 names 区、县（市）: their governments (unit type district_government) may link instead. */
const MAY_LINK_FIVE_YEAR_PLAN = new Set(['district_government']);

export async function putLongTermPlan(
  caller: Caller,
  code: string,
  startYear: number,
  input: LongTermPlanPut,
) {
  // A unit's own plan: written by its own user only.
  if (!isOwnUnit(caller, code)) throw errors.notFound(UNIT.zh, UNIT.en);
  const unit = await visibleUnit(caller, code);
  const t = tenant(caller);
  const issues = [];
  if (input.startYear !== startYear)
    issues.push({
      path: 'body.startYear',
      zh: `起始年度 ${input.startYear} 与地址中的 ${startYear} 不一致`,
      en: `The start year ${input.startYear} differs from the one in the path (${startYear})`,
    });
  if (input.form === 'five_year_plan' && !MAY_LINK_FIVE_YEAR_PLAN.has(unit.type))
    issues.push({
      path: 'body.form',
      zh: '只有区、县（市）政府可以引用五年规划代替中长期绩效计划（第七条第二款）；本单位须编制四部分内容',
      en: 'Only a district or county government may link its five-year plan instead (art. 7 ¶2); this unit writes the four parts',
    });
  if (issues.length) throw errors.validation(issues);

  const { version, parts, link, ...rest } = input;
  // One form at a time: the four parts, or the link (switching form clears the other).
  const fields = { ...rest, ...(rest.form === 'own' ? (parts ? { parts } : {}) : link ? { link } : {}) };
  const repo = caller.deps.data.longTermPlans;
  let saved: LongTermPlan;
  let audit: { before?: unknown; after: unknown };
  if (version === undefined) {
    saved = await repo.create(t, { unit: code, ...fields });
    audit = { after: fields };
  } else {
    const current = await repo.get(t, code, startYear);
    if (!current) throw errors.notFound('中长期绩效计划', 'Long-term plan');
    const cleared = rest.form === 'own' ? { link: null } : { parts: null };
    // The repository removes a field set to null.
    saved = await repo.update(t, code, startYear, version, { ...fields, ...cleared });
    const diff = changedFields(current, { ...fields, ...cleared });
    audit = { before: diff.before, after: diff.after };
  }
  await recordAudit(caller, {
    action: 'longTermPlan.save',
    target: { type: 'longTermPlan', id: `${code}/${startYear}` },
    ...audit,
  });
  return saved;
}
