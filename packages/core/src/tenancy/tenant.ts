import { errors } from '../errors/catalogue';
import { type Division, divisionFullName, findDivision } from './divisions';

/** What onboarding derives from a division code: the tenant's level, province and official name. */
export interface TenantFacts {
  code: string;
  name: string;
  fullName: string;
  level: Division['level'];
  provinceCode: string;
}

export function tenantFactsFor(code: string): TenantFacts {
  const d = findDivision(code);
  if (!d) throw errors.unknownDivision(code);
  return {
    code: d.code,
    name: d.name,
    fullName: divisionFullName(code) ?? d.name,
    level: d.level,
    provinceCode: d.provinceCode,
  };
}

// Level and plan-status labels are TENANT_LEVEL_LABELS and PLAN_STATUS_LABELS in ../vocabulary.

/** Tenants whose users may still sign in and work. */
export const planAllowsUse = (status: string): boolean => status === 'trial' || status === 'active';
