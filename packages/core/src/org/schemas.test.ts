import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { TENANT_ROLES } from '../auth/roles';
import {
  codeSchema,
  divisionCodeSchema,
  tenantCreateSchema,
  tenantPatchSchema,
  unitCreateSchema,
  unitGroupCreateSchema,
  unitGroupPatchSchema,
  unitPatchSchema,
  userCreateSchema,
  userHasRequiredUnit,
  userPatchSchema,
} from './schemas';
import { completeUscc } from './uscc';

const VALID_USCC = completeUscc('11230100MB1234567');

const ok = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
  return r.data as Record<string, unknown>;
};
const bad = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  expect(r.success, `expected rejection of ${JSON.stringify(v)}`).toBe(false);
  return r.error!.issues;
};

describe('codeSchema', () => {
  it.each(['FGW', 'a', '0', 'unit_01', 'A-b_9', 'x'.repeat(32)])('accepts %j', (c) => {
    ok(codeSchema, c);
  });
  it.each(['', 'FG#W', 'a/b', 'a b', '_lead', '-lead', 'x'.repeat(33), '发改委', 'a.b', '..'])(
    'rejects %j',
    (c) => {
      bad(codeSchema, c);
    },
  );
});

describe('divisionCodeSchema', () => {
  it('accepts 6 digits and rejects anything else', () => {
    ok(divisionCodeSchema, '230100');
    for (const c of ['23010', '2301000', '23010A', '', ' 230100', '230100\n', 230100])
      bad(divisionCodeSchema, c);
  });
});

describe('tenantCreateSchema', () => {
  it('accepts a minimal body and defaults planStatus to trial', () => {
    expect(ok(tenantCreateSchema, { code: '230125' })).toEqual({ code: '230125', planStatus: 'trial' });
  });

  it('accepts a full body and trims strings', () => {
    const v = ok(tenantCreateSchema, {
      code: '230125',
      name: '  宾县  ',
      planStatus: 'active',
      contactName: '张三',
      contactPhone: ' 0451-88888888 ',
    });
    expect(v.name).toBe('宾县');
    expect(v.contactPhone).toBe('0451-88888888');
  });

  it('rejects unknown keys (strict)', () => {
    const issues = bad(tenantCreateSchema, { code: '230125', tenant: '110000' });
    expect(issues[0]?.code).toBe('unrecognized_keys');
  });

  it('rejects bad values', () => {
    bad(tenantCreateSchema, {});
    bad(tenantCreateSchema, { code: '23012' });
    bad(tenantCreateSchema, { code: '230125', name: '   ' });
    bad(tenantCreateSchema, { code: '230125', name: '名'.repeat(101) });
    bad(tenantCreateSchema, { code: '230125', planStatus: 'free' });
    bad(tenantCreateSchema, { code: '230125', contactPhone: 'call me' });
    bad(tenantCreateSchema, { code: '230125', contactPhone: '1234' });
    bad(tenantCreateSchema, { code: '230125', contactName: 'x'.repeat(51) });
    bad(tenantCreateSchema, { code: 230125 });
  });
});

describe('tenantPatchSchema', () => {
  it('needs a positive integer version', () => {
    ok(tenantPatchSchema, { version: 1 });
    ok(tenantPatchSchema, { version: 3, planStatus: 'suspended' });
    for (const version of [0, -1, 1.5, '1', null, undefined]) bad(tenantPatchSchema, { version });
  });

  it('cannot change the code (strict)', () => {
    bad(tenantPatchSchema, { version: 1, code: '230100' });
  });
});

describe('unit groups', () => {
  it('create defaults sortOrder and validates it', () => {
    expect(ok(unitGroupCreateSchema, { code: 'G1', name: '党群部门' }).sortOrder).toBe(100);
    bad(unitGroupCreateSchema, { code: 'G1', name: '党群部门', sortOrder: -1 });
    bad(unitGroupCreateSchema, { code: 'G1', name: '党群部门', sortOrder: 10000 });
    bad(unitGroupCreateSchema, { code: 'G1', name: '党群部门', sortOrder: 1.5 });
    bad(unitGroupCreateSchema, { code: 'G#1', name: '党群部门' });
    bad(unitGroupCreateSchema, { code: 'G1', name: '党群部门', version: 1 });
  });

  it('patch is strict and versioned', () => {
    ok(unitGroupPatchSchema, { version: 2, description: '说明' });
    bad(unitGroupPatchSchema, { version: 2, code: 'G2' });
    bad(unitGroupPatchSchema, { description: '说明' });
  });
});

describe('units', () => {
  const unit = { code: 'FGW', name: '发展和改革委员会', type: 'department', group: 'G1' };

  it('accepts a good unit and defaults active', () => {
    expect(ok(unitCreateSchema, unit).active).toBe(true);
    const v = ok(unitCreateSchema, {
      ...unit,
      type: 'district_government',
      uscc: VALID_USCC.toLowerCase(),
      divisionCode: '230102',
      shortName: '发改委',
      active: false,
    });
    expect(v.uscc).toBe(VALID_USCC);
  });

  it.each([
    ['unknown key', { ...unit, tenant: '230100' }],
    ['code with #', { ...unit, code: 'F#W' }],
    ['code too long', { ...unit, code: 'F'.repeat(33) }],
    ['empty code', { ...unit, code: '' }],
    ['missing code', { name: unit.name, type: unit.type, group: unit.group }],
    ['bad type', { ...unit, type: 'ministry' }],
    ['bad group', { ...unit, group: 'G 1' }],
    ['bad uscc', { ...unit, uscc: '11230100MB1234567X' }],
    ['bad division', { ...unit, divisionCode: '2301' }],
    ['long shortName', { ...unit, shortName: 'x'.repeat(21) }],
    ['active as string', { ...unit, active: 'yes' }],
    ['name as number', { ...unit, name: 42 }],
  ])('create rejects %s', (_label, v) => {
    bad(unitCreateSchema, v);
  });

  it('patch accepts partial changes and rejects code changes', () => {
    ok(unitPatchSchema, { version: 1, active: false });
    ok(unitPatchSchema, { version: 1, uscc: VALID_USCC });
    bad(unitPatchSchema, { version: 1, code: 'NEW' });
    bad(unitPatchSchema, { version: 1, uscc: 'nope' });
    bad(unitPatchSchema, { active: false });
  });
});

describe('users', () => {
  const admin = { name: '王五', roles: ['tenant_admin'] };

  it('accepts an admin without a unit and defaults active', () => {
    expect(ok(userCreateSchema, admin).active).toBe(true);
    ok(userCreateSchema, { ...admin, email: 'wang@example.gov.cn', phone: '13800138000' });
  });

  it('accepts every grantable tenant role and never the platform operator', () => {
    for (const role of TENANT_ROLES) ok(userCreateSchema, { name: '李四', roles: [role], unit: 'FGW' });
    expect(TENANT_ROLES).not.toContain('platform_operator');
  });

  it.each(['unit_user', 'data_provider'])('requires a unit for %s', (role) => {
    const issues = bad(userCreateSchema, { name: '李四', roles: [role] });
    expect(issues.some((i) => i.path.join('.') === 'unit')).toBe(true);
    ok(userCreateSchema, { name: '李四', roles: [role], unit: 'FGW' });
    bad(userCreateSchema, { name: '李四', roles: ['observer', role] });
  });

  it.each([
    ['duplicate roles', { ...admin, roles: ['tenant_admin', 'tenant_admin'] }],
    ['no roles', { ...admin, roles: [] }],
    ['platform role', { ...admin, roles: ['platform_operator'] }],
    ['roles as string', { ...admin, roles: 'tenant_admin' }],
    ['bad email', { ...admin, email: 'not-an-email' }],
    ['bad email 2', { ...admin, email: 'a@' }],
    ['short phone', { ...admin, phone: '1380013800' }],
    ['landline', { ...admin, phone: '04518888888' }],
    ['phone with letters', { ...admin, phone: '1380013800a' }],
    ['phone as number', { ...admin, phone: 13800138000 }],
    ['unknown key', { ...admin, password: 'x' }],
    ['unit with #', { ...admin, unit: 'F#W' }],
    ['empty name', { ...admin, name: '' }],
    ['not an object', 'admin'],
    ['array', [admin]],
  ])('create rejects %s', (_label, v) => {
    bad(userCreateSchema, v);
  });

  it('patch is versioned and strict', () => {
    ok(userPatchSchema, { version: 1, roles: ['observer'] });
    ok(userPatchSchema, { version: 1, active: false });
    bad(userPatchSchema, { version: 1, roles: ['observer', 'observer'] });
    bad(userPatchSchema, { version: 1, id: 'u1' });
    bad(userPatchSchema, { roles: ['observer'] });
  });

  it('userHasRequiredUnit mirrors the create rule for merged records', () => {
    expect(userHasRequiredUnit({ roles: ['unit_user'] })).toBe(false);
    expect(userHasRequiredUnit({ roles: ['unit_user'], unit: 'FGW' })).toBe(true);
    expect(userHasRequiredUnit({ roles: ['tenant_admin'] })).toBe(true);
    expect(userHasRequiredUnit({})).toBe(true);
  });
});

describe('properties', () => {
  const schemas: [string, z.ZodType][] = [
    ['tenantCreate', tenantCreateSchema],
    ['tenantPatch', tenantPatchSchema],
    ['unitGroupCreate', unitGroupCreateSchema],
    ['unitGroupPatch', unitGroupPatchSchema],
    ['unitCreate', unitCreateSchema],
    ['unitPatch', unitPatchSchema],
    ['userCreate', userCreateSchema],
    ['userPatch', userPatchSchema],
  ];

  it.each(schemas)('%s.safeParse never throws on arbitrary JSON', (_name, schema) => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = schema.safeParse(v);
        expect(typeof r.success).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it.each(schemas)(
    '%s.safeParse never throws on objects with the right keys and arbitrary values',
    (_name, schema) => {
      const keys = Object.keys(
        (schema as unknown as { shape?: object }).shape ?? {
          name: 1,
          roles: 1,
          unit: 1,
          email: 1,
          phone: 1,
          active: 1,
        },
      );
      fc.assert(
        fc.property(
          fc.dictionary(
            fc.constantFrom(...keys),
            fc.oneof(fc.jsonValue(), fc.string(), fc.array(fc.string())),
          ),
          (v) => {
            const r = schema.safeParse(v);
            expect(typeof r.success).toBe('boolean');
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it('every accepted code matches the key-part alphabet of the data layer (no #, /, whitespace)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        if (codeSchema.safeParse(s).success) expect(s).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
      }),
    );
  });
});
