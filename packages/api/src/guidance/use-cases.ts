import {
  errors,
  findDivision,
  type Guidance,
  type GuidanceCreate,
  guidanceSchema,
  planAllowsUse,
  type Tenant,
} from '@jixiao/core';
import { ensureDivisions, idFrom, newId, type PageRequest } from '@jixiao/data';
import { pageInMemory, recordAudit, tenant } from '../cycles/context';
import { preconditionFailed, stampOf } from '../evaluation/context';
import type { Caller } from '../http/caller';
import { callerTenant, type TenantFacts } from '../province/context';

/**
 * Guidance documents (指导文件): a city office sends a document to the subscribing counties under
 * it. It is stored once as the city's record and copied into each county's own partition, so a
 * county reads only its inbox and never the city's records. Audited in the city's trail.
 */

/** The city's subscribing counties and districts (division parent = the city), by code. */
async function countiesUnder(caller: Caller, city: TenantFacts): Promise<Tenant[]> {
  await ensureDivisions();
  const out: Tenant[] = [];
  let cursor: string | undefined;
  do {
    const page = await caller.deps.data.tenants.listInProvince(city.province, { limit: 200, cursor });
    out.push(
      ...page.items.filter(
        (t) =>
          t.code !== city.code &&
          planAllowsUse(t.planStatus) &&
          findDivision(t.code)?.parentCode === city.code,
      ),
    );
    cursor = page.nextCursor;
  } while (cursor);
  return out.sort((a, b) => (a.code < b.code ? -1 : 1));
}

/**
 * Sends a document: the city's record first, then a copy into each county's inbox. There are no
 * transactions, so a send cut short is resumed, not repeated: with an Idempotency-Key the id comes
 * from it (and the tenant and user), and a retry finds the city's record and delivers only the
 * copies still missing.
 */
export async function sendGuidance(
  caller: Caller,
  input: GuidanceCreate,
  retryKey?: string,
): Promise<Guidance> {
  const city = await callerTenant(caller);
  if (city.level !== 'city')
    throw errors.tenantLevelNotAllowed(
      '只有市级绩效管理机构可以向所辖县（市、区）下发指导文件。',
      'Only a city office sends guidance to the counties under it.',
    );
  const counties = await countiesUnder(caller, city);
  const known = new Map(counties.map((t) => [t.code, t]));
  const wrong = input.to.flatMap((code, i) =>
    known.has(code)
      ? []
      : [
          {
            path: `body.to.${i}`,
            zh: `${code} 不是${city.name}所辖且已开通本平台的县（市、区）`,
            en: `${code} is not a subscribing county or district under ${city.name}`,
          },
        ],
  );
  if (wrong.length) throw errors.validation(wrong);
  const to = input.to.length ? [...new Set(input.to)].map((c) => known.get(c)!) : counties;
  if (!to.length)
    throw preconditionFailed(
      `${city.name}所辖的县（市、区）尚无开通本平台的，暂无可接收指导文件的单位。`,
      `No county or district under ${city.name} subscribes yet; there is no one to send guidance to.`,
    );
  const g = guidanceSchema.parse({
    id: retryKey
      ? idFrom('guidance', `${city.code}\n${caller.identity.sub}\n${retryKey}`)
      : newId('guidance'),
    from: city.code,
    fromName: city.name,
    title: input.title,
    reference: input.reference,
    body: input.body,
    to: to.map((t) => ({ tenant: t.code, name: t.name })),
    sent: stampOf(caller),
  });
  const repo = caller.deps.data.province.guidance;
  const saved = guidanceSchema.parse(await repo.saveSent(city.code, g));
  for (const t of saved.to) await repo.deliver(t.tenant, saved);
  await recordAudit(caller, {
    action: 'guidance.send',
    target: { type: 'guidance', id: saved.id },
    before: null,
    after: { title: saved.title, reference: saved.reference, to: saved.to.map((t) => t.tenant) },
  });
  return saved;
}

const newestKey = (g: Guidance) => `${String(9e15 - Date.parse(g.sent.at)).padStart(16, '0')}#${g.id}`;

const newestFirst = (items: readonly Guidance[]) =>
  items.map((g) => guidanceSchema.parse(g)).sort((a, b) => (newestKey(a) < newestKey(b) ? -1 : 1));

export async function guidanceSent(caller: Caller, q: PageRequest) {
  const items = newestFirst(await caller.deps.data.province.guidance.sent(tenant(caller)));
  return pageInMemory(caller, 'guidance-sent', items, newestKey, q);
}

export async function guidanceInbox(caller: Caller, q: PageRequest) {
  const items = newestFirst(await caller.deps.data.province.guidance.inbox(tenant(caller)));
  return pageInMemory(caller, 'guidance-inbox', items, newestKey, q);
}

export const guidanceReceived = async (caller: Caller, id: string): Promise<Guidance> =>
  guidanceSchema.parse(await caller.deps.data.province.guidance.received(tenant(caller), id));
