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

export const TENANT_LEVEL_LABELS = {
  province: { zh: '省级', en: 'Province' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '县级', en: 'County' },
  district: { zh: '区级', en: 'District' },
} as const;

export const PLAN_STATUS_LABELS = {
  trial: { zh: '试用', en: 'Trial' },
  active: { zh: '正式订阅', en: 'Active' },
  suspended: { zh: '已暂停', en: 'Suspended' },
  ended: { zh: '已终止', en: 'Ended' },
} as const;

/** Tenants whose users may still sign in and work. */
export const planAllowsUse = (status: string): boolean => status === 'trial' || status === 'active';
