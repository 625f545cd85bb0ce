import {
  applyAction,
  can,
  contentOf,
  errors,
  FINANCE_CALCULATORS,
  type Identity,
  type IndicatorSystem,
  type SystemContent,
  type SystemView,
  scoreUnits,
  tenantOf,
  validateSystem,
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

/** A stored version with what the office needs beside it: its issues and weight sums. */
export async function viewOf(caller: Caller, s: IndicatorSystem): Promise<SystemView> {
  const parsed = contentOf(s);
  const issues = validateSystem(parsed, {
    unitGroups: await caller.deps.data.org.groupCodes(tenantOf(caller.identity)),
    knownCalculators: KNOWN_CALCULATORS,
  });
  return { ...s, issues, weights: weightSummary(parsed) };
}

/** Only the office sees drafts and filings in progress; everyone else sees approved and retired versions. */
function visible(id: Identity, s: { status: IndicatorSystem['status'] }): boolean {
  return can(id, 'indicators:drafts') || s.status === 'approved' || s.status === 'retired';
}

/** A version the caller may see, or 404 (a draft looks missing to a unit). */
export async function readVersion(caller: Caller, id: string, v: number): Promise<IndicatorSystem> {
  const s = await caller.deps.data.indicatorSystems.getVersion(tenantOf(caller.identity), id, v);
  if (!visible(caller.identity, s)) throw notFound();
  return s;
}

/** Others see a system only once a version is approved, and only that version. */
export async function listSystems(caller: Caller, q: PageRequest) {
  const page = await caller.deps.data.indicatorSystems.list(tenantOf(caller.identity), q);
  if (can(caller.identity, 'indicators:drafts')) return page;
  const items = page.items.flatMap((s) => (s.approved ? [{ ...s, latest: s.approved }] : []));
  return { ...page, items };
}

/** A new system (version 1, draft) from stored content: the one way systems are created. */
export async function createFromContent(caller: Caller, content: SystemContent, template?: string) {
  const created = await caller.deps.data.indicatorSystems.createVersion(tenantOf(caller.identity), {
    id: newId('indicatorSystem'),
    systemVersion: 1,
    content,
    ...(template ? { template } : {}),
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
    content = structuredClone(t.content);
  }
  // The schema's refinement guarantees one of template or content.
  if (!content)
    throw errors.validation([{ path: 'body', zh: '须提供 template 或 content', en: 'template or content' }]);
  return createFromContent(
    caller,
    { ...content, ...(input.name ? { name: input.name } : {}) },
    input.template,
  );
}

export async function getSystem(caller: Caller, id: string) {
  const repo = caller.deps.data.indicatorSystems;
  const tenant = tenantOf(caller.identity);
  const versions = (await repo.versions(tenant, id)).filter((v) => visible(caller.identity, v));
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
  const updated = await caller.deps.data.indicatorSystems.updateDraft(
    tenantOf(caller.identity),
    id,
    v,
    version,
    content,
  );
  return viewOf(caller, updated);
}

export function deleteDraft(caller: Caller, id: string, v: number, version: number) {
  return caller.deps.data.indicatorSystems.deleteDraft(tenantOf(caller.identity), id, v, version);
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
  const current = await repo.getVersion(tenant, id, v);
  const next = applyAction(current.status, action, note, 'body.note');
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
  const source = await repo.getVersion(tenant, id, from);
  const latest = await repo.latest(tenant, id);
  const created = await repo.createVersion(tenant, {
    id,
    systemVersion: latest.systemVersion + 1,
    content: contentOf(source),
    ...(source.template ? { template: source.template } : {}),
  });
  return viewOf(caller, created);
}

/** Scores sample inputs with a version; nothing is stored. */
export async function trial(caller: Caller, id: string, v: number, input: z.infer<typeof trialBody>) {
  const s = await readVersion(caller, id, v);
  return scoreUnits(contentOf(s), input.units, { calculators: FINANCE_CALCULATORS });
}
