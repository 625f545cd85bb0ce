import {
  type Comparison,
  errors,
  type SharedResult,
  type StandardisationMethod,
  sharedResultSchema,
  type Trend,
  trend,
} from '@jixiao/core';
import type { PageRequest } from '@jixiao/data';
import type { Caller } from '../http/caller';
import { recipientOf } from '../province/context';
import { basisOf, type ComparisonQuery, comparisonOf, sharesByYear } from './inputs';

/**
 * A recipient's shared results and comparisons. Every read is of P#<recipient>#… (the recipient
 * decided by the caller's token, `recipientOf`): a withdrawn share is gone, an unshared cycle was
 * never there, and nothing of a tenant's own partition is read.
 */

export async function listShared(caller: Caller, q: PageRequest & { year?: number | undefined }) {
  const recipient = await recipientOf(caller);
  const page = await caller.deps.data.province.shared.page(recipient.code, q.year, q);
  return { ...page, items: page.items.map((s) => sharedResultSchema.parse(s)) };
}

export async function sharedYears(caller: Caller): Promise<{ years: number[] }> {
  const recipient = await recipientOf(caller);
  return { years: await caller.deps.data.province.shared.years(recipient.code) };
}

export async function getShared(caller: Caller, year: number, tenant: string): Promise<SharedResult> {
  const recipient = await recipientOf(caller);
  const found = await caller.deps.data.province.shared.get(recipient.code, year, tenant);
  if (!found)
    throw errors.notFound(`${tenant} 共享的 ${year} 年度考核结果`, `Results of ${year} shared by ${tenant}`);
  return sharedResultSchema.parse(found);
}

export const getComparison = async (caller: Caller, q: ComparisonQuery): Promise<Comparison> =>
  (await comparisonOf(caller, q)).comparison;

export async function getTrend(
  caller: Caller,
  q: { group: string; method?: StandardisationMethod | undefined },
): Promise<Trend> {
  const basis = await basisOf(caller, q.group);
  return trend({
    recipient: basis.recipient.code,
    group: basis.group,
    ...(q.method ? { method: q.method } : {}),
    library: basis.library,
    sharesByYear: await sharesByYear(caller, basis.recipient.code),
  });
}
