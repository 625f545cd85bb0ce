import {
  errors,
  findDivision,
  hasRole,
  planAllowsUse,
  SHARE_RECIPIENT_KIND_LABELS,
  type ShareRecipientKind,
  type Tenant,
  tenantOf,
} from '@jixiao/core';
import { ensureDivisions } from '@jixiao/data';
import { preconditionFailed } from '../evaluation/context';
import type { Caller } from '../http/caller';

/**
 * What every use case of cross-region comparison (#12) needs to know about who is calling: the
 * caller's tenant (level, province, the division above it), the recipient a comparison is made for,
 * the province whose standard library applies, and the recipients a tenant may share with. One
 * place, so a recipient is decided the same way on every route. Keys are built from the token's
 * tenant (or an analyst's province), never from a code in the request.
 */

export interface TenantFacts {
  code: string;
  name: string;
  level: Tenant['level'];
  province: string;
  /** The division above (a county's city; a city's province); absent for a province. */
  parent?: string;
  /** Whether it subscribes to the platform now (a registry record, trial or active). */
  subscribed: boolean;
}

/** Facts of a tenant: its registry record, else the GB/T 2260 table (a tenant always has one of them). */
export async function factsOf(caller: Caller, code: string): Promise<TenantFacts | undefined> {
  await ensureDivisions();
  const [record, division] = [await caller.deps.data.tenants.get(code), findDivision(code)];
  if (!record && !division) return undefined;
  const parent = division?.parentCode;
  return {
    code,
    name: record?.name ?? division!.name,
    level: record?.level ?? division!.level,
    province: record?.provinceCode ?? division!.provinceCode,
    ...(parent ? { parent } : {}),
    subscribed: !!record && planAllowsUse(record.planStatus),
  };
}

/** The caller's own tenant. */
export async function callerTenant(caller: Caller): Promise<TenantFacts> {
  const t = tenantOf(caller.identity);
  const facts = await factsOf(caller, t);
  if (!facts) throw errors.notFound(`租户 ${t}`, `Tenant ${t}`);
  return facts;
}

const NOT_RECIPIENT = {
  zh: '只有省级或市级绩效管理机构可以查看共享的考核结果。',
  en: 'Only a provincial or city office sees shared results and comparisons.',
};

/**
 * The recipient whose shares a comparison route reads: an analyst's province; otherwise the
 * caller's tenant when it is a province or a city (403 for a county or district).
 */
export async function recipientOf(caller: Caller): Promise<TenantFacts> {
  if (hasRole(caller.identity, 'provincial_analyst') && caller.identity.province) {
    const facts = await factsOf(caller, caller.identity.province);
    if (facts?.level === 'province') return facts;
  }
  const own = await callerTenant(caller);
  if (own.level !== 'province' && own.level !== 'city')
    throw errors.tenantLevelNotAllowed(NOT_RECIPIENT.zh, NOT_RECIPIENT.en);
  return own;
}

/** The province whose standard library the caller reads: an analyst's province, else its tenant's. */
export async function libraryProvinceOf(caller: Caller): Promise<string> {
  if (hasRole(caller.identity, 'provincial_analyst') && caller.identity.province)
    return caller.identity.province;
  return (await callerTenant(caller)).province;
}

/** The caller's tenant when it is a province (the keeper of the library), else 403 with words. */
export async function provinceTenant(caller: Caller): Promise<TenantFacts> {
  const own = await callerTenant(caller);
  if (own.level !== 'province')
    throw errors.tenantLevelNotAllowed(
      '只有省级绩效管理机构可以维护标准指标库。',
      'Only a provincial office keeps the standard indicator library.',
    );
  return own;
}

/** The caller's tenant when it may keep peer groups (a province, or a city for its counties). */
export async function comparingTenant(caller: Caller): Promise<TenantFacts> {
  const own = await callerTenant(caller);
  if (own.level !== 'province' && own.level !== 'city')
    throw errors.tenantLevelNotAllowed(
      '只有省级或市级绩效管理机构可以设置分类考核组。',
      'Only a provincial or city office keeps peer groups.',
    );
  return own;
}

const isCountyLevel = (level: Tenant['level']) => level === 'county' || level === 'district';

export interface RecipientChoice {
  kind: ShareRecipientKind;
  code: string;
  name: string;
  subscribed: boolean;
}

/**
 * Whom a tenant may share with: a city or county its province; a county (or district) also the
 * city above it, when that is not the province itself (a municipality's districts). A province
 * shares with no one.
 */
export async function recipientsOf(caller: Caller, t: TenantFacts): Promise<RecipientChoice[]> {
  const out: { kind: ShareRecipientKind; code: string }[] = [];
  if (t.level !== 'province') out.push({ kind: 'province', code: t.province });
  if (isCountyLevel(t.level) && t.parent && t.parent !== t.province)
    out.push({ kind: 'city', code: t.parent });
  return Promise.all(
    out.map(async (r) => {
      const facts = await factsOf(caller, r.code);
      return { ...r, name: facts?.name ?? r.code, subscribed: facts?.subscribed ?? false };
    }),
  );
}

/** The recipient of the given kind for this tenant: 409 with words if there is none, or it does not subscribe. */
export async function recipientFor(
  caller: Caller,
  t: TenantFacts,
  kind: ShareRecipientKind,
): Promise<RecipientChoice> {
  const found = (await recipientsOf(caller, t)).find((r) => r.kind === kind);
  const label = SHARE_RECIPIENT_KIND_LABELS[kind];
  if (!found)
    throw preconditionFailed(
      kind === 'city'
        ? '只有县（市、区）可以向所在的市共享考核结果。'
        : '省级绩效管理机构不向上共享考核结果。',
      kind === 'city'
        ? 'Only a county or district shares with the city above it.'
        : 'A provincial office does not share its results upward.',
    );
  if (!found.subscribed) throw errors.recipientNotSubscribed(label, found.name, found.code);
  return found;
}
