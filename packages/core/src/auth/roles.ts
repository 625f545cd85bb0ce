import type { Identity } from './identity';

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

/** The roles an admin of a tenant at this level may grant: analysts work for a province. */
export const grantableRoles = (level: 'province' | 'city' | 'county' | 'district'): readonly TenantRole[] =>
  level === 'province' ? TENANT_ROLES : TENANT_ROLES.filter((r) => r !== 'provincial_analyst');

/** Roles that only make sense tied to one unit. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['unit_user', 'data_provider'];

// Role labels (平台运营方, 被考核单位 …) are ROLE_LABELS in ../vocabulary.

export type { Identity };

export const hasRole = (id: Identity, ...roles: Role[]): boolean => roles.some((r) => id.roles.includes(r));
