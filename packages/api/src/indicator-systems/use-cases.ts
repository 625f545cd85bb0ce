import {
  applyAction,
  canSeeSystem,
  contentOf,
  correctWeights,
  draftingUnit,
  errors,
  FINANCE_CALCULATORS,
  financeOfficeArgs,
  type IndicatorSystem,
  isSystemOffice,
  mapTemplateGroups,
  officeParamEdits,
  officeParamIssues,
  refreshProvenance,
  type SystemAllowed,
  type SystemContent,
  type SystemView,
  scoreUnits,
  systemAllowed,
  tenantOf,
  validateSystem,
  type WeightCorrection,
  weightSummary,
} from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import { newId } from '@jixiao/data';
import type { z } from 'zod';
import type { Caller } from '../http/caller';
import { findTemplate } from '../indicator-templates/use-cases';
import type { createSystemBody, transitionBody, trialBody } from './contract';

const KNOWN_CALCULATORS = Object.keys(FINANCE_CALCULATORS);

const notFound = () => errors.notFound('指标体系', 'Indicator system');

/** A stored version with what the caller needs beside it: its issues, weight sums and what it may do. */
export async function viewOf(caller: Caller, s: IndicatorSystem): Promise<SystemView> {
  const parsed = contentOf(s);
  const issues = validateSystem(parsed, {
    unitGroups: await caller.deps.data.org.groupCodes(tenantOf(caller.identity)),
    knownCalculators: KNOWN_CALCULATORS,
    officeArgsOf: financeOfficeArgs,
  });
  return { ...s, issues, weights: weightSummary(parsed), allowed: systemAllowed(caller.identity, s) };
}

/** A version the caller may see, or 404 (a draft looks missing to a unit, another unit's system too). */
export async function readVersion(caller: Caller, id: string, v: number): Promise<IndicatorSystem> {
  const s = await caller.deps.data.indicatorSystems.getVersion(tenantOf(caller.identity), id, v);
  if (!canSeeSystem(caller.identity, s)) throw notFound();
  return s;
}

const REFUSED: Record<Exclude<keyof SystemAllowed, 'actions' | 'officeParams'>, [string, string]> = {
  edit: ['修改该指标体系', 'change this indicator system'],
  delete: ['删除该草稿', 'discard this draft'],
  newVersion: ['为该指标体系新建版本', 'start a new version of this system'],
  trial: ['试算该指标体系', 'try this indicator system'],
};

/**
 * A version the caller may see AND act on as `what`, or 404 / 403. Editing a version that is not a
 * draft is the repository's 409 (it says to start a new version), so only who, not when, is checked here.
 */
async function versionFor(caller: Caller, id: string, v: number, what: keyof typeof REFUSED) {
  const s = await readVersion(caller, id, v);
  const allowed = systemAllowed(caller.identity, { ...s, status: 'draft' });
  const ok = what === 'newVersion' ? allowed.edit : allowed[what];
  if (!ok) throw errors.forbidden(...REFUSED[what]);
  return s;
}

/**
 * A unit sees its own systems (any status) and the office's filed ones; the office sees all; others
 * see filed versions only (the listing shows the filed version as the latest).
 */
export function listSystems(caller: Caller, q: PageRequest) {
  const id = caller.identity;
  return caller.deps.data.indicatorSystems.list(tenantOf(id), q, (s) => {
    if (canSeeSystem(id, s.latest)) return s;
    return s.approved && canSeeSystem(id, s.approved) ? { ...s, latest: s.approved } : undefined;
  });
}

/**
 * A new system (version 1, draft) from stored content: the one way systems are created. A unit's
 * user creates its unit's own system (owner = its unit); the office creates the office's.
 */
export async function createFromContent(
  caller: Caller,
  content: SystemContent,
  template?: string,
  /** What the content was copied from (a template's content): a unit keeps its office parameters. */
  origin?: SystemContent,
) {
  const office = isSystemOffice(caller.identity);
  const owner = draftingUnit(caller.identity);
  if (!office && !owner)
    throw errors.forbidden('编制本单位指标体系', "draft the unit's own indicator system");
  if (!office) {
    const edits = officeParamEdits(origin, content);
    if (edits.length) throw errors.validation(edits);
  }
  const created = await caller.deps.data.indicatorSystems.createVersion(tenantOf(caller.identity), {
    id: newId('indicatorSystem'),
    systemVersion: 1,
    content,
    ...(template ? { template } : {}),
    ...(owner ? { owner } : {}),
  });
  return viewOf(caller, created);
}

export async function createSystem(caller: Caller, input: z.infer<typeof createSystemBody>) {
  let content = input.content;
  if (input.template) {
    const t = findTemplate(input.template);
    if (!t) {
      throw errors.invalidReference(
        'body.template',
        `模板 ${input.template} 不存在。`,
        `Template ${input.template} does not exist.`,
      );
    }
    content = mapTemplateGroups(structuredClone(t.content), input.groups ?? {});
  }
  // The schema's refinement guarantees one of template or content.
  if (!content)
    throw errors.validation([{ path: 'body', zh: '须提供 template 或 content', en: 'template or content' }]);
  return createFromContent(
    caller,
    { ...content, ...(input.name ? { name: input.name } : {}) },
    input.template,
    input.template ? content : undefined,
  );
}

export async function getSystem(caller: Caller, id: string) {
  const repo = caller.deps.data.indicatorSystems;
  const tenant = tenantOf(caller.identity);
  const versions = (await repo.versions(tenant, id)).filter((v) => canSeeSystem(caller.identity, v));
  const newest = versions.at(-1);
  if (!newest) throw notFound();
  const s = await repo.getVersion(tenant, id, newest.systemVersion);
  return { ...(await viewOf(caller, s)), versions };
}

export async function getVersion(caller: Caller, id: string, v: number) {
  return viewOf(caller, await readVersion(caller, id, v));
}

export async function putDraft(
  caller: Caller,
  id: string,
  v: number,
  version: number,
  content: SystemContent,
) {
  const current = await versionFor(caller, id, v, 'edit');
  const before = contentOf(current);
  if (!isSystemOffice(caller.identity)) {
    const edits = officeParamEdits(before, content);
    if (edits.length) throw errors.validation(edits);
  }
  const updated = await caller.deps.data.indicatorSystems.updateDraft(
    tenantOf(caller.identity),
    id,
    v,
    version,
    refreshProvenance(before, content),
  );
  return viewOf(caller, updated);
}

export async function deleteDraft(caller: Caller, id: string, v: number, version: number) {
  await versionFor(caller, id, v, 'delete');
  return caller.deps.data.indicatorSystems.deleteDraft(tenantOf(caller.identity), id, v, version);
}

/** The drafter's choice of weight correction applied to a draft (scale, or lower named weights). */
export async function correctDraftWeights(
  caller: Caller,
  id: string,
  v: number,
  version: number,
  correction: WeightCorrection,
  /** Where the correction sits in the request, for field errors. */
  at: string,
) {
  const s = await versionFor(caller, id, v, 'edit');
  return putDraft(caller, id, v, version, correctWeights(contentOf(s), correction, at));
}

/** Submitting or approving needs a valid system; returning needs a note (the lifecycle says so). */
export async function transition(
  caller: Caller,
  id: string,
  v: number,
  { action, version, note }: z.infer<typeof transitionBody>,
) {
  const tenant = tenantOf(caller.identity);
  const repo = caller.deps.data.indicatorSystems;
  const current = await readVersion(caller, id, v);
  const next = applyAction(current.status, action, note, 'body.note');
  if (!systemAllowed(caller.identity, current).actions.includes(action))
    throw errors.forbidden('审定指标体系（备案审查）', 'review indicator systems (filing review)');
  if (action === 'submit' || action === 'approve') {
    const checked = await viewOf(caller, current);
    if (checked.issues.length) throw errors.validation(checked.issues);
  }
  const moved = await repo.setStatus(tenant, id, v, version, [current.status], next.status, next.statusNote);
  return viewOf(caller, moved);
}

/** A new draft version copied from any version; the approved one stays as it is. */
export async function newVersion(caller: Caller, id: string, from: number) {
  const tenant = tenantOf(caller.identity);
  const repo = caller.deps.data.indicatorSystems;
  const source = await versionFor(caller, id, from, 'newVersion');
  const latest = await repo.latest(tenant, id);
  const created = await repo.createVersion(tenant, {
    id,
    systemVersion: latest.systemVersion + 1,
    content: contentOf(source),
    ...(source.template ? { template: source.template } : {}),
    ...(source.owner ? { owner: source.owner } : {}),
  });
  return viewOf(caller, created);
}

/**
 * Scores sample inputs with a version; nothing is stored. Inputs are a unit's data only: one that
 * sets an office parameter (a target or the 基准折现率 the office fixed) is refused with 422.
 */
export async function trial(caller: Caller, id: string, v: number, input: z.infer<typeof trialBody>) {
  const s = await versionFor(caller, id, v, 'trial');
  const content = contentOf(s);
  const refused = officeParamIssues(content, input.units, financeOfficeArgs, 'body.units');
  if (refused.length) throw errors.validation(refused);
  return scoreUnits(content, input.units, { calculators: FINANCE_CALCULATORS });
}
