import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../errors/app-error';
import { ACTIONS, type Action, authorize, can, tenantOf, unitScope } from './policy';
import { type Identity, ROLES, type Role } from './roles';

const ALL_ACTIONS = Object.keys(ACTIONS) as Action[];

/** A realistic identity for a role: tenant roles carry a tenant, analysts a tenant and a province. */
function identity(role: Role, extra: Partial<Identity> = {}): Identity {
  const base: Identity = { sub: `u-${role}`, name: role, roles: [role] };
  if (role === 'platform_operator') return { ...base, ...extra };
  if (role === 'provincial_analyst') return { ...base, tenant: '230000', province: '230000', ...extra };
  if (role === 'unit_user' || role === 'data_provider')
    return { ...base, tenant: '230100', unit: 'FGW', ...extra };
  return { ...base, tenant: '230100', ...extra };
}

/** Expected permissions; every cell is listed so a change to ACTIONS must be made here too. */
const Y = true;
const N = false;
// biome-ignore format: one row per role reads as a table
const TABLE: Record<Role, Record<Action, boolean>> = {
  platform_operator: { 'platform:tenants': Y, 'province:tenants': N, 'tenant:read': N, 'org:read': N, 'org:write': N, 'users:read': N, 'users:write': N, 'indicators:read': N, 'indicators:drafts': N, 'indicators:draft': N, 'indicators:write': N, 'reference:read': Y, 'cycles:read': N, 'cycles:oversee': N, 'cycles:write': N, 'plans:write': N, 'plans:review': N, 'cycles:act': N, 'progress:write': N, 'checks:write': N, 'self:write': N, 'values:verify': N, 'audit:read': N, 'evidence:write': N, 'settings:write': N, 'experts:manage': N, 'experts:score': N, 'surveys:manage': N, 'meeting:write': N , 'evaluation:run': N, 'appeals:write': N, 'appeals:decide': N, 'rectification:manage': N, 'rectification:report': N, 'results:use': N, 'results:publish': N, 'reports:read': N, 'sharing:manage': N, 'standards:read': N, 'comparison:manage': N, 'comparison:read': N, 'guidance:send': N, 'guidance:read': N },
  tenant_admin: { 'platform:tenants': N, 'province:tenants': N, 'tenant:read': Y, 'org:read': Y, 'org:write': Y, 'users:read': Y, 'users:write': Y, 'indicators:read': Y, 'indicators:drafts': Y, 'indicators:draft': Y, 'indicators:write': Y, 'reference:read': Y, 'cycles:read': Y, 'cycles:oversee': Y, 'cycles:write': Y, 'plans:write': N, 'plans:review': Y, 'cycles:act': Y, 'progress:write': N, 'checks:write': Y, 'self:write': N, 'values:verify': Y, 'audit:read': Y, 'evidence:write': Y, 'settings:write': Y, 'experts:manage': Y, 'experts:score': N, 'surveys:manage': Y, 'meeting:write': Y , 'evaluation:run': Y, 'appeals:write': N, 'appeals:decide': Y, 'rectification:manage': Y, 'rectification:report': N, 'results:use': Y, 'results:publish': Y, 'reports:read': Y, 'sharing:manage': Y, 'standards:read': Y, 'comparison:manage': Y, 'comparison:read': Y, 'guidance:send': Y, 'guidance:read': Y },
  unit_user: { 'platform:tenants': N, 'province:tenants': N, 'tenant:read': Y, 'org:read': Y, 'org:write': N, 'users:read': Y, 'users:write': N, 'indicators:read': Y, 'indicators:drafts': N, 'indicators:draft': Y, 'indicators:write': N, 'reference:read': Y, 'cycles:read': Y, 'cycles:oversee': N, 'cycles:write': N, 'plans:write': Y, 'plans:review': N, 'cycles:act': Y, 'progress:write': Y, 'checks:write': N, 'self:write': Y, 'values:verify': N, 'audit:read': N, 'evidence:write': Y, 'settings:write': N, 'experts:manage': N, 'experts:score': N, 'surveys:manage': N, 'meeting:write': N , 'evaluation:run': N, 'appeals:write': Y, 'appeals:decide': N, 'rectification:manage': N, 'rectification:report': Y, 'results:use': N, 'results:publish': N, 'reports:read': Y, 'sharing:manage': N, 'standards:read': N, 'comparison:manage': N, 'comparison:read': N, 'guidance:send': N, 'guidance:read': N },
  data_provider: { 'platform:tenants': N, 'province:tenants': N, 'tenant:read': Y, 'org:read': Y, 'org:write': N, 'users:read': N, 'users:write': N, 'indicators:read': Y, 'indicators:drafts': N, 'indicators:draft': N, 'indicators:write': N, 'reference:read': Y, 'cycles:read': Y, 'cycles:oversee': N, 'cycles:write': N, 'plans:write': N, 'plans:review': N, 'cycles:act': N, 'progress:write': N, 'checks:write': N, 'self:write': N, 'values:verify': Y, 'audit:read': N, 'evidence:write': N, 'settings:write': N, 'experts:manage': N, 'experts:score': N, 'surveys:manage': N, 'meeting:write': N , 'evaluation:run': N, 'appeals:write': N, 'appeals:decide': N, 'rectification:manage': N, 'rectification:report': N, 'results:use': N, 'results:publish': N, 'reports:read': N, 'sharing:manage': N, 'standards:read': N, 'comparison:manage': N, 'comparison:read': N, 'guidance:send': N, 'guidance:read': N },
  expert: { 'platform:tenants': N, 'province:tenants': N, 'tenant:read': Y, 'org:read': Y, 'org:write': N, 'users:read': N, 'users:write': N, 'indicators:read': Y, 'indicators:drafts': N, 'indicators:draft': N, 'indicators:write': N, 'reference:read': Y, 'cycles:read': Y, 'cycles:oversee': N, 'cycles:write': N, 'plans:write': N, 'plans:review': N, 'cycles:act': N, 'progress:write': N, 'checks:write': N, 'self:write': N, 'values:verify': N, 'audit:read': N, 'evidence:write': N, 'settings:write': N, 'experts:manage': N, 'experts:score': Y, 'surveys:manage': N, 'meeting:write': N , 'evaluation:run': N, 'appeals:write': N, 'appeals:decide': N, 'rectification:manage': N, 'rectification:report': N, 'results:use': N, 'results:publish': N, 'reports:read': N, 'sharing:manage': N, 'standards:read': N, 'comparison:manage': N, 'comparison:read': N, 'guidance:send': N, 'guidance:read': N },
  evaluator: { 'platform:tenants': N, 'province:tenants': N, 'tenant:read': Y, 'org:read': Y, 'org:write': N, 'users:read': N, 'users:write': N, 'indicators:read': Y, 'indicators:drafts': N, 'indicators:draft': N, 'indicators:write': N, 'reference:read': Y, 'cycles:read': Y, 'cycles:oversee': N, 'cycles:write': N, 'plans:write': N, 'plans:review': N, 'cycles:act': N, 'progress:write': N, 'checks:write': N, 'self:write': N, 'values:verify': N, 'audit:read': N, 'evidence:write': N, 'settings:write': N, 'experts:manage': N, 'experts:score': N, 'surveys:manage': N, 'meeting:write': N , 'evaluation:run': N, 'appeals:write': N, 'appeals:decide': N, 'rectification:manage': N, 'rectification:report': N, 'results:use': N, 'results:publish': N, 'reports:read': N, 'sharing:manage': N, 'standards:read': N, 'comparison:manage': N, 'comparison:read': N, 'guidance:send': N, 'guidance:read': N },
  provincial_analyst: { 'platform:tenants': N, 'province:tenants': Y, 'tenant:read': Y, 'org:read': N, 'org:write': N, 'users:read': N, 'users:write': N, 'indicators:read': N, 'indicators:drafts': N, 'indicators:draft': N, 'indicators:write': N, 'reference:read': Y, 'cycles:read': N, 'cycles:oversee': N, 'cycles:write': N, 'plans:write': N, 'plans:review': N, 'cycles:act': N, 'progress:write': N, 'checks:write': N, 'self:write': N, 'values:verify': N, 'audit:read': N, 'evidence:write': N, 'settings:write': N, 'experts:manage': N, 'experts:score': N, 'surveys:manage': N, 'meeting:write': N , 'evaluation:run': N, 'appeals:write': N, 'appeals:decide': N, 'rectification:manage': N, 'rectification:report': N, 'results:use': N, 'results:publish': N, 'reports:read': N, 'sharing:manage': N, 'standards:read': Y, 'comparison:manage': N, 'comparison:read': Y, 'guidance:send': N, 'guidance:read': N },
  observer: { 'platform:tenants': N, 'province:tenants': N, 'tenant:read': Y, 'org:read': Y, 'org:write': N, 'users:read': N, 'users:write': N, 'indicators:read': Y, 'indicators:drafts': N, 'indicators:draft': N, 'indicators:write': N, 'reference:read': Y, 'cycles:read': Y, 'cycles:oversee': Y, 'cycles:write': N, 'plans:write': N, 'plans:review': N, 'cycles:act': N, 'progress:write': N, 'checks:write': N, 'self:write': N, 'values:verify': N, 'audit:read': N, 'evidence:write': N, 'settings:write': N, 'experts:manage': N, 'experts:score': N, 'surveys:manage': N, 'meeting:write': N , 'evaluation:run': N, 'appeals:write': N, 'appeals:decide': N, 'rectification:manage': N, 'rectification:report': N, 'results:use': N, 'results:publish': N, 'reports:read': Y, 'sharing:manage': N, 'standards:read': Y, 'comparison:manage': N, 'comparison:read': Y, 'guidance:send': N, 'guidance:read': Y },
};

describe('can: role × action table', () => {
  it('covers every role and action', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) expect(Object.keys(TABLE[role]).sort()).toEqual([...ALL_ACTIONS].sort());
  });

  const cells = ROLES.flatMap((role) =>
    ALL_ACTIONS.map((action) => [role, action, TABLE[role][action]] as const),
  );
  it.each(cells)('%s may %s: %s', (role, action, expected) => {
    expect(can(identity(role), action)).toBe(expected);
  });
});

describe('can: specific rules', () => {
  it('the platform operator cannot read or write any tenant organisation data', () => {
    const op = identity('platform_operator');
    for (const a of ['tenant:read', 'org:read', 'org:write', 'users:read', 'users:write'] as const)
      expect(can(op, a)).toBe(false);
  });

  it('an operator token that somehow carries a tenant still cannot touch org data', () => {
    const op = identity('platform_operator', { tenant: '230100' });
    expect(can(op, 'org:read')).toBe(false);
    expect(can(op, 'users:write')).toBe(false);
  });

  it('a unit user cannot write', () => {
    const u = identity('unit_user');
    expect(can(u, 'org:write')).toBe(false);
    expect(can(u, 'users:write')).toBe(false);
    expect(can(u, 'platform:tenants')).toBe(false);
  });

  it('a provincial analyst may only list province tenants, read tenant info and compare what was shared', () => {
    const a = identity('provincial_analyst');
    const allowed = ALL_ACTIONS.filter((x) => can(a, x)).sort();
    expect(allowed).toEqual([
      'comparison:read',
      'province:tenants',
      'reference:read',
      'standards:read',
      'tenant:read',
    ]);
  });

  it('a provincial analyst without a province cannot list province tenants', () => {
    expect(can(identity('provincial_analyst', { province: undefined }), 'province:tenants')).toBe(false);
  });

  it('an identity without a tenant cannot perform tenant actions, whatever its roles', () => {
    const noTenant: Identity = { sub: 'x', name: 'x', roles: [...ROLES] };
    for (const a of ['tenant:read', 'org:read', 'org:write', 'users:read', 'users:write'] as const)
      expect(can(noTenant, a)).toBe(false);
    expect(can({ ...noTenant, tenant: '' }, 'org:read')).toBe(false);
    expect(can(noTenant, 'platform:tenants')).toBe(true);
    expect(can(noTenant, 'reference:read')).toBe(true);
  });

  it('an identity without roles may do nothing', () => {
    const none: Identity = { sub: 'x', name: 'x', tenant: '230100', province: '230000', roles: [] };
    for (const a of ALL_ACTIONS) expect(can(none, a)).toBe(false);
  });

  it('several roles grant the union of their actions', () => {
    const both = identity('unit_user', { roles: ['unit_user', 'tenant_admin'] });
    expect(can(both, 'org:write')).toBe(true);
  });

  it('property: adding a role never removes a permission', () => {
    const role = fc.constantFrom(...ROLES);
    fc.assert(
      fc.property(
        fc.uniqueArray(role, { maxLength: 8 }),
        role,
        fc.constantFrom(...ALL_ACTIONS),
        (roles, more, action) => {
          const base: Identity = {
            sub: 's',
            name: 'n',
            tenant: '230100',
            province: '230000',
            unit: 'U',
            roles,
          };
          if (can(base, action)) expect(can({ ...base, roles: [...roles, more] }, action)).toBe(true);
        },
      ),
    );
  });
});

describe('authorize', () => {
  it('returns silently when allowed', () => {
    expect(() => authorize(identity('tenant_admin'), 'org:write')).not.toThrow();
  });

  it('throws a 403 forbidden AppError with zh and en wording', () => {
    let caught: unknown;
    try {
      authorize(identity('unit_user'), 'org:write');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AppError);
    if (!isAppError(caught)) return;
    expect(caught.status).toBe(403);
    expect(caught.code).toBe('forbidden');
    expect(caught.zh).toBe('您的角色无权修改单位信息。');
    expect(caught.en).toBe('Your role is not allowed to change units.');
  });

  it.each(ALL_ACTIONS)('has wording for %s', (action) => {
    const none: Identity = { sub: 'x', name: 'x', roles: [] };
    try {
      authorize(none, action);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code === 'forbidden').toBe(true);
      if (!isAppError(e)) return;
      expect(e.zh).toMatch(/^您的角色无权.+。$/);
      expect(e.en).toMatch(/^Your role is not allowed to .+\.$/);
      expect(e.zh).not.toContain('undefined');
      expect(e.en).not.toContain('undefined');
    }
  });

  it('agrees with can everywhere', () => {
    for (const role of ROLES)
      for (const action of ALL_ACTIONS) {
        const id = identity(role);
        if (can(id, action)) expect(() => authorize(id, action)).not.toThrow();
        else expect(() => authorize(id, action)).toThrow(AppError);
      }
  });
});

describe('unitScope', () => {
  it.each(['tenant_admin', 'observer', 'expert', 'evaluator', 'data_provider'] as const)(
    '%s sees the whole tenant',
    (role) => {
      expect(unitScope(identity(role))).toBeUndefined();
    },
  );

  it('a unit user is confined to its unit', () => {
    expect(unitScope(identity('unit_user', { unit: 'FGW' }))).toBe('FGW');
  });

  it('a unit user without a unit sees nothing (a sentinel no unit code can match)', () => {
    const scope = unitScope(identity('unit_user', { unit: undefined }));
    expect(scope).toBe('#none');
    expect(scope).not.toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/);
  });

  it('a unit user who is also admin sees the whole tenant', () => {
    expect(unitScope(identity('unit_user', { roles: ['unit_user', 'tenant_admin'] }))).toBeUndefined();
  });

  it('roles without org access are never given the whole tenant', () => {
    expect(unitScope(identity('platform_operator'))).toBe('#none');
    expect(unitScope(identity('provincial_analyst'))).toBe('#none');
  });
});

describe('tenantOf', () => {
  it('returns the tenant or throws forbidden', () => {
    expect(tenantOf(identity('tenant_admin'))).toBe('230100');
    expect(() => tenantOf(identity('platform_operator'))).toThrow(AppError);
    try {
      tenantOf(identity('platform_operator'));
    } catch (e) {
      expect(isAppError(e) && e.status === 403 && e.code === 'forbidden').toBe(true);
    }
  });
});
