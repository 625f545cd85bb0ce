import type { RouteConfig } from '@hono/zod-openapi';
import { CONTRACTS } from '@jixiao/api/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodySchemaOf, type FormField, fieldNames, fieldsOf, formBody, formValues } from './form-body';

describe('formBody: a form becomes the body the route declares', () => {
  it('converts numbers, booleans and lists, trims text, omits empty optional fields and unknown fields', () => {
    expect(
      formBody(CONTRACTS.unitGroups.create, {
        _idem: 'abcdefgh-1',
        code: ' SZBM ',
        name: ' 市直部门 ',
        description: '  ',
        sortOrder: '１０',
        extra: 'x',
      }),
    ).toEqual({ code: 'SZBM', name: '市直部门', sortOrder: 10 });
    expect(
      formBody(CONTRACTS.users.create, {
        name: '王五',
        email: '',
        phone: '13800000000',
        roles: ['unit_user', '', 'data_provider'],
        unit: 'FGW',
        active: 'true',
      }),
    ).toEqual({
      name: '王五',
      phone: '13800000000',
      roles: ['unit_user', 'data_provider'],
      unit: 'FGW',
      active: true,
    });
  });

  it('an unchecked checkbox is false; one role is a list of one', () => {
    expect(formBody(CONTRACTS.users.create, { name: '王五', roles: 'expert' })).toEqual({
      name: '王五',
      roles: ['expert'],
      active: false,
    });
  });

  it('sends a required field even when empty or absent, and text in a number field as typed', () => {
    expect(formBody(CONTRACTS.units.create, { name: '', sortOrder: 'abc' })).toEqual({
      code: '',
      name: '',
      type: '',
      group: '',
      active: false,
    });
    expect(formBody(CONTRACTS.unitGroups.create, { code: 'A', name: 'B', sortOrder: 'abc' })).toEqual({
      code: 'A',
      name: 'B',
      sortOrder: 'abc',
    });
  });

  it('on a PATCH: an emptied clearable field is null, an emptied other one is sent empty, an absent one left alone', () => {
    expect(
      formBody(CONTRACTS.unitGroups.update, { version: '3', name: '', description: ' ', sortOrder: '10' }),
    ).toEqual({ version: 3, name: '', description: null, sortOrder: 10 });
    expect(formBody(CONTRACTS.units.update, { version: '1', name: '篡改' })).toEqual({
      version: 1,
      name: '篡改',
      active: false,
    });
  });

  it('reads a lifecycle form: an enum, a number and an optional note', () => {
    expect(formBody(CONTRACTS.systems.transition, { action: 'submit', version: '2', note: '' })).toEqual({
      action: 'submit',
      version: 2,
    });
  });

  it('knows every field of a body, with enum options', () => {
    expect(fieldNames(CONTRACTS.units.create)).toEqual([
      'code',
      'name',
      'shortName',
      'type',
      'group',
      'uscc',
      'divisionCode',
      'active',
    ]);
    const roles = fieldsOf(bodySchemaOf(CONTRACTS.users.update)).find((f) => f.name === 'roles');
    expect(roles).toMatchObject({ kind: 'list', optional: true, nullable: false });
    expect(roles?.options).toContain('tenant_admin');
  });
});

/** Bodies of the right shape for a route's fields: what a form shows, filled in any way. */
function bodyArbitrary(fields: FormField[], update: boolean): fc.Arbitrary<Record<string, unknown>> {
  const text = fc
    .string({ minLength: 1, maxLength: 12 })
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const entries: Record<string, fc.Arbitrary<unknown>> = {};
  const optional: string[] = [];
  for (const f of fields) {
    let a: fc.Arbitrary<unknown>;
    if (f.kind === 'boolean') a = fc.boolean();
    else if (f.kind === 'list')
      a = f.options ? fc.uniqueArray(fc.constantFrom(...f.options)) : fc.array(text, { maxLength: 4 });
    else if (f.kind === 'number') a = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => n / 100);
    else if (f.kind === 'object') a = bodyArbitrary(f.fields ?? [], update);
    else a = f.options ? fc.constantFrom(...f.options) : text;
    if (f.nullable) a = fc.oneof(a, fc.constant(null));
    entries[f.name] = a;
    // A create may leave an optional text or number out; an edit form shows every field.
    if (f.optional && !update && (f.kind === 'text' || f.kind === 'number')) optional.push(f.name);
  }
  return fc.record(entries, { requiredKeys: Object.keys(entries).filter((k) => !optional.includes(k)) });
}

const FORM_ROUTES: [string, RouteConfig][] = [
  ['units.create', CONTRACTS.units.create],
  ['units.update', CONTRACTS.units.update],
  ['unitGroups.create', CONTRACTS.unitGroups.create],
  ['unitGroups.update', CONTRACTS.unitGroups.update],
  ['users.create', CONTRACTS.users.create],
  ['users.update', CONTRACTS.users.update],
  ['platformTenants.create', CONTRACTS.platformTenants.create],
  ['platformTenants.update', CONTRACTS.platformTenants.update],
  ['systems.transition', CONTRACTS.systems.transition],
];

describe('a form built from a body reads back as that body', () => {
  for (const [name, route] of FORM_ROUTES) {
    it(name, () => {
      const arb = bodyArbitrary(fieldsOf(bodySchemaOf(route)), route.method === 'patch');
      fc.assert(
        fc.property(arb, (body) => {
          expect(formBody(route, formValues(route, body))).toEqual(body);
        }),
        { numRuns: 200 },
      );
    });
  }
});
