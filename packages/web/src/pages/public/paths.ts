import { DIVISION_CODE_PATTERN, idPattern } from '@jixiao/core';
import { BASE, seg } from '../../context';

/** Where the public's pages live: the tenant (its division code) is in the path, nobody signs in. */
export const PUBLIC = `${BASE}/public`;
export const consultationHref = (tenant: string, id: string) =>
  `${PUBLIC}/${seg(tenant)}/consultations/${seg(id)}`;
export const plansHref = (tenant: string) => `${PUBLIC}/${seg(tenant)}/plans`;
export const planHref = (tenant: string, cycle: string, unit: string) =>
  `${plansHref(tenant)}/${seg(cycle)}/${seg(unit)}`;

export const isTenant = (s: string) => DIVISION_CODE_PATTERN.test(s);
export const isConsultationId = (s: string) => idPattern('consultation').test(s);
export const isCycleId = (s: string) => idPattern('cycle').test(s);
export const isUnitCode = (s: string) => /^[A-Za-z0-9_-]{1,32}$/.test(s);

/** The portal of published results: the tenant's home, a published cycle, one unit of it. */
export const portalHref = (tenant: string) => `${PUBLIC}/${seg(tenant)}`;
export const publicResultsHref = (tenant: string, cycle: string) =>
  `${portalHref(tenant)}/results/${seg(cycle)}`;
export const publicUnitHref = (tenant: string, cycle: string, unit: string) =>
  `${publicResultsHref(tenant, cycle)}/units/${seg(unit)}`;
