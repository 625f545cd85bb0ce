import { CONTRACTS } from '@jixiao/api/contracts';
import { mapLimit } from '@jixiao/core';
import type { Ctx } from '../../context';
import { t } from '../../i18n';

/** A block of divisions a group's members are chosen from: a province's cities, or one city's counties. */
export interface MemberBlock {
  code: string;
  name: string;
  options: { code: string; name: string }[];
}

/**
 * The divisions under the caller's office, from the GB/T 2260 registry (a group may name a region
 * before it subscribes; one that does not share is listed as missing in the comparison): for a
 * province its cities, then each city's counties; for a city its counties.
 */
export async function memberBlocks(c: Ctx): Promise<MemberBlock[]> {
  const me = c.get('me');
  const owner = me.tenant;
  if (!owner) return [];
  const api = c.get('api');
  const children = async (parent: string) => {
    const r = await api.call(CONTRACTS.divisions.children, { query: { parent } });
    return r.ok ? r.data.items.map((d) => ({ code: d.code, name: d.name })) : [];
  };
  const top = await children(owner.code);
  if (owner.level !== 'province')
    return top.length ? [{ code: owner.code, name: owner.name, options: top }] : [];
  const below = await mapLimit(top, 4, (city) => children(city.code));
  return [
    { code: owner.code, name: t(c.get('lang'), 'cmMapCities'), options: top },
    ...top.map((city, i) => ({ code: city.code, name: city.name, options: below[i] ?? [] })),
  ].filter((b) => b.options.length > 0);
}
