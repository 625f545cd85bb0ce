import { ALL_GROUP, CODE_PATTERN, STANDARDISATION_METHODS, type StandardisationMethod } from '@jixiao/core';
import { BASE, seg, withQuery } from '../../context';

/** Where a recipient's pages live: all under `/console/comparisons`, so the navigation marks them. */
export const CMP = `${BASE}/comparisons`;
export const sharedHref = (year?: number) =>
  withQuery(`${CMP}/shared`, { year: year ? String(year) : undefined });
export const snapshotHref = (year: number, tenant: string) => `${CMP}/shared/${year}/${seg(tenant)}`;
export const groupsHref = `${CMP}/groups`;
export const groupHref = (code: string) => `${groupsHref}/${seg(code)}`;
export const STANDARDS_HREF = `${BASE}/standards`;
export const standardHref = (code: string) => `${STANDARDS_HREF}/${seg(code)}`;

/** What a comparison page is asked for: a year, a peer group and (optionally) a method. */
export interface Selection {
  year: number;
  group: string;
  method?: StandardisationMethod | undefined;
}

/** The selection in a page's query; what is malformed is dropped (the defaults apply). */
export function selectionOf(q: (name: string) => string | undefined, years: readonly number[]) {
  const y = Number(q('year'));
  const year = Number.isInteger(y) && years.includes(y) ? y : years[years.length - 1];
  const g = q('group') ?? '';
  const group = CODE_PATTERN.test(g) ? g : ALL_GROUP;
  const m = q('method') ?? '';
  const method = (STANDARDISATION_METHODS as readonly string[]).includes(m)
    ? (m as StandardisationMethod)
    : undefined;
  return year === undefined ? undefined : { year, group, method };
}

/** A selection as query parameters (for links between the comparison's pages). */
export const selectionQuery = (s: Selection) => ({
  year: String(s.year),
  group: s.group === ALL_GROUP ? undefined : s.group,
  method: s.method,
});

export const comparisonHref = (s: Selection) => withQuery(CMP, selectionQuery(s));
export const whatIfHref = (s: Selection) => withQuery(`${CMP}/what-if`, selectionQuery(s));
export const sensitivityHref = (s: Selection) => withQuery(`${CMP}/sensitivity`, selectionQuery(s));
export const exportHref = (s: Selection) =>
  withQuery(`${CMP}/export.xlsx`, { ...selectionQuery(s), group: s.group });
