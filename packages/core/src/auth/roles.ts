/** Roles from DOMAIN.md. Role names are stable identifiers carried in tokens. */
export const ROLES = [
  'platform_operator',
  'tenant_admin',
  'unit_user',
  'data_provider',
  'expert',
  'evaluator',
  'provincial_analyst',
  'observer',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles a tenant admin may grant (the operator is not a tenant user; analysts only in a province tenant). */
export const TENANT_ROLES = [
  'tenant_admin',
  'unit_user',
  'data_provider',
  'expert',
  'evaluator',
  'observer',
  'provincial_analyst',
] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Roles that only make sense tied to one unit. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['unit_user', 'data_provider'];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  platform_operator: { zh: '平台运营方', en: 'Platform operator' },
  tenant_admin: { zh: '绩效管理机构（考核办）', en: 'Performance office (admin)' },
  unit_user: { zh: '被考核单位', en: 'Evaluated unit' },
  data_provider: { zh: '数据提供部门', en: 'Data provider' },
  expert: { zh: '评审专家', en: 'Expert' },
  evaluator: { zh: '第三方评估机构', en: 'Third-party evaluator' },
  provincial_analyst: { zh: '省级分析人员', en: 'Provincial analyst' },
  observer: { zh: '观察员（人大、领导）', en: 'Observer' },
};

/**
 * Who is calling, as established from a verified token. `tenant` is the 6-digit division code of
 * the tenant the identity belongs to; it is absent only for the platform operator.
 */
export interface Identity {
  sub: string;
  name: string;
  tenant?: string;
  roles: Role[];
  /** The unit a unit-scoped role is tied to. */
  unit?: string;
  /** Province code a provincial analyst works for. */
  province?: string;
}

export const hasRole = (id: Identity, ...roles: Role[]): boolean => roles.some((r) => id.roles.includes(r));
