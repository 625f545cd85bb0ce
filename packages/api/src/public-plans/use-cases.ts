import {
  type AnnualPlan,
  AppError,
  applicableLeaves,
  type ConsultationComment,
  type Cycle,
  contentOf,
  errors,
  type PlanOpinion,
  type PublicMessage,
  shanghaiDay,
} from '@jixiao/core';
import { newId } from '@jixiao/data';
import { requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { publicTenant } from '../http/public-tenant';

/**
 * What the public reaches without signing in: a draft open for comment (art. 11) and published
 * plans with the form for opinions (art. 12 ¶2). The tenant comes from the path (there is no
 * token); a tenant that does not exist or may not be used, a link of another tenant and a plan
 * not yet published all look missing. The contact people leave is stored, never shown.
 */

const PUBLIC_ACTOR = { sub: 'public', roles: [] as string[] };
const PLAN = { zh: '年度绩效计划', en: 'Annual plan' };
const CONSULTATION = { zh: '征求意见', en: 'Consultation' };

/** The plan as the public sees it: its targets and measures, never owners or reviews. */
async function publicPlanOf(
  caller: Caller,
  t: { code: string; name: string },
  cycle: Cycle,
  plan: AnnualPlan,
) {
  const unit = await caller.deps.data.org.getUnit(t.code, plan.unit);
  if (!unit) throw errors.notFound(PLAN.zh, PLAN.en);
  const binding = cycle.bindings.find((b) => b.groups.includes(unit.group));
  const system = binding
    ? await caller.deps.data.indicatorSystems
        .getVersion(t.code, binding.system, binding.systemVersion)
        .catch(() => undefined)
    : undefined;
  const leaves = new Map(
    (system ? applicableLeaves(contentOf(system), unit.group) : []).map((l) => [l.code, l]),
  );
  return {
    tenant: { code: t.code, name: t.name },
    cycle: { id: cycle.id, name: cycle.name, year: cycle.year },
    unit: { code: unit.code, name: unit.name },
    basis: plan.basis,
    items: plan.items.map((i) => {
      const leaf = leaves.get(i.leaf);
      return {
        leaf: i.leaf,
        name: leaf?.name ?? i.leaf,
        ...(leaf?.unitOfMeasure ? { unitOfMeasure: leaf.unitOfMeasure } : {}),
        ...(i.target !== undefined ? { target: i.target } : {}),
        ...(i.targetText ? { targetText: i.targetText } : {}),
        basis: i.basis,
        standard: i.standard,
        measures: i.measures,
      };
    }),
    ...(plan.publishedAt ? { publishedAt: plan.publishedAt } : {}),
  };
}

/** The consultation a public link names, with its plan; 404 unless the plan holds that consultation. */
async function consultationOf(caller: Caller, tenantCode: string, id: string) {
  const t = await publicTenant(caller, tenantCode);
  const link = await caller.deps.data.consultations.get(t.code, id);
  if (!link) throw errors.notFound(CONSULTATION.zh, CONSULTATION.en);
  const cycle = await caller.deps.data.cycles.get(t.code, link.cycle);
  const plan = cycle
    ? await caller.deps.data.cycleRecords.get<AnnualPlan>(t.code, cycle.id, 'PLAN', [link.unit])
    : undefined;
  if (!cycle || !plan?.consultation || plan.consultation.id !== id)
    throw errors.notFound(CONSULTATION.zh, CONSULTATION.en);
  const c = plan.consultation;
  const today = shanghaiDay(caller.deps.now());
  const open = cycle.state === 'planning' && !c.closedAt && c.opens <= today && today <= c.closes;
  return { t, cycle, plan, consultation: { id: c.id, opens: c.opens, closes: c.closes, open } };
}

export async function publicConsultation(caller: Caller, tenantCode: string, id: string) {
  const { t, cycle, plan, consultation } = await consultationOf(caller, tenantCode, id);
  const comments = await caller.deps.data.cycleRecords.all<ConsultationComment>(t.code, cycle.id, 'COMMENT', [
    plan.unit,
  ]);
  const shown = await publicPlanOf(caller, t, cycle, plan);
  // The text is public while it is out for comment, and once published; in between (closed, under
  // review, returned) the unit is still changing it, so only the comments and answers remain.
  const textPublic = plan.status === 'consultation' || plan.status === 'published';
  return {
    ...shown,
    ...(textPublic ? {} : { basis: '', items: [] }),
    consultation,
    comments: comments
      .filter((c) => c.status === 'published')
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
      .map((c) => ({
        id: c.id,
        text: c.text,
        ...(c.name ? { name: c.name } : {}),
        createdAt: c.createdAt,
        ...(c.answer ? { answer: c.answer } : {}),
      })),
  };
}

const RECEIVED = {
  comment: {
    zh: '已收到您的意见，经单位审核后公开，感谢参与。',
    en: 'Your comment was received; it is shown once the unit has reviewed it. Thank you.',
  },
  opinion: {
    zh: '已收到您的意见，将由考核办转交相关单位办理。',
    en: 'Your opinion was received; the office will forward it to the unit.',
  },
};

/** A message with the honeypot filled in (people never see the field): answered alike, never kept. */
const isBot = (m: PublicMessage) => (m.website ?? '').trim().length > 0;

const messageFields = (m: PublicMessage) => ({
  text: m.text,
  ...(m.name ? { name: m.name } : {}),
  ...(m.contact ? { contact: m.contact } : {}),
});

export async function commentOnConsultation(
  caller: Caller,
  tenantCode: string,
  id: string,
  m: PublicMessage,
) {
  const { t, cycle, plan, consultation } = await consultationOf(caller, tenantCode, id);
  if (!consultation.open)
    throw new AppError({
      status: 409,
      code: 'consultation_closed',
      zh: `该计划的征求意见期（${consultation.opens} 至 ${consultation.closes}）已结束或尚未开始，不能再提交意见。`,
      en: `Comments on this plan are taken from ${consultation.opens} to ${consultation.closes}; the period is not open.`,
      detail: { opens: consultation.opens, closes: consultation.closes },
    });
  const commentId = newId('comment');
  if (isBot(m)) return { received: true, id: commentId, message: RECEIVED.comment };
  await caller.deps.data.cycleRecords.create(
    t.code,
    cycle.id,
    'COMMENT',
    [plan.unit, commentId],
    { id: commentId, cycle: cycle.id, unit: plan.unit, ...messageFields(m), status: 'pending' },
    { zh: '公众意见', en: 'Comment' },
  );
  await caller.deps.data.audit.append(t.code, PUBLIC_ACTOR, {
    action: 'comment.create',
    target: { type: 'comment', id: `${cycle.id}/${plan.unit}/${commentId}` },
    after: { status: 'pending', consultation: id },
  });
  return { received: true, id: commentId, message: RECEIVED.comment };
}

export async function publishedPlans(caller: Caller, tenantCode: string) {
  const t = await publicTenant(caller, tenantCode);
  const cycles = await caller.deps.data.cycles.all(t.code);
  const items = [];
  for (const cycle of cycles.filter((c) => c.state !== 'draft').sort((a, b) => b.year - a.year)) {
    const plans = await caller.deps.data.cycleRecords.all<AnnualPlan>(t.code, cycle.id, 'PLAN');
    for (const p of plans.filter((x) => x.status === 'published')) {
      const unit = await caller.deps.data.org.getUnit(t.code, p.unit);
      items.push({
        cycle: cycle.id,
        cycleName: cycle.name,
        year: cycle.year,
        unit: p.unit,
        unitName: unit?.name ?? p.unit,
        ...(p.publishedAt ? { publishedAt: p.publishedAt } : {}),
      });
    }
  }
  return { tenant: { code: t.code, name: t.name }, items };
}

/** A published plan, or 404: a plan not (or no longer) published is never reachable here. */
async function published(caller: Caller, tenantCode: string, cycleId: string, unit: string) {
  const t = await publicTenant(caller, tenantCode);
  const cycle = await caller.deps.data.cycles.get(t.code, cycleId);
  const plan = cycle
    ? await caller.deps.data.cycleRecords.get<AnnualPlan>(t.code, cycleId, 'PLAN', [unit])
    : undefined;
  if (!cycle || plan?.status !== 'published') throw errors.notFound(PLAN.zh, PLAN.en);
  return { t, cycle, plan };
}

export async function publicPlan(caller: Caller, tenantCode: string, cycleId: string, unit: string) {
  const { t, cycle, plan } = await published(caller, tenantCode, cycleId, unit);
  return publicPlanOf(caller, t, cycle, plan);
}

export async function opinionOnPlan(
  caller: Caller,
  tenantCode: string,
  cycleId: string,
  unit: string,
  m: PublicMessage,
) {
  const { t, cycle } = await published(caller, tenantCode, cycleId, unit);
  requireState(cycle, ['planning', 'monitoring', 'self_assessment', 'verification', 'review'], {
    zh: '提交对绩效计划的意见',
    en: 'send an opinion on this plan',
  });
  const opinionId = newId('opinion');
  if (isBot(m)) return { received: true, id: opinionId, message: RECEIVED.opinion };
  const opinion: Omit<PlanOpinion, 'version' | 'createdAt' | 'updatedAt'> = {
    id: opinionId,
    cycle: cycleId,
    unit,
    ...messageFields(m),
    status: 'received',
  };
  await caller.deps.data.cycleRecords.create(t.code, cycleId, 'OPINION', [opinionId], opinion, {
    zh: '公众意见',
    en: 'Opinion',
  });
  await caller.deps.data.audit.append(t.code, PUBLIC_ACTOR, {
    action: 'opinion.create',
    target: { type: 'opinion', id: `${cycleId}/${opinionId}` },
    after: { status: 'received', unit },
  });
  return { received: true, id: opinionId, message: RECEIVED.opinion };
}
