import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertTenant, type IndexKey, type Key, keys, PLATFORM_SCOPE } from './keys';
import { stripKeys } from './store';

const T = '230100';

/** Every builder that takes a tenant, called with the tenant and one or more parts. */
const TENANT_BUILDERS: [string, (t: string, p: string) => Record<string, string>][] = [
  ['unitGroup', (t, p) => keys.unitGroup(t, p) as unknown as Record<string, string>],
  ['unitGroups', (t) => keys.unitGroups(t)],
  ['unit', (t, p) => keys.unit(t, p) as unknown as Record<string, string>],
  ['units', (t) => keys.units(t)],
  ['unitInGroup', (t, p) => keys.unitInGroup(t, p, p) as unknown as Record<string, string>],
  ['unitsInGroup', (t, p) => keys.unitsInGroup(t, p)],
  ['user', (t, p) => keys.user(t, p) as unknown as Record<string, string>],
  ['users', (t) => keys.users(t)],
  ['userInUnit', (t, p) => keys.userInUnit(t, p, p) as unknown as Record<string, string>],
  ['usersInUnit', (t, p) => keys.usersInUnit(t, p)],
  ['idempotency', (t, p) => keys.idempotency(t, p, p) as unknown as Record<string, string>],
];

/** The partition attribute of a key object (pk or gsi1pk). */
const partition = (k: Record<string, string>) => k.pk ?? k.gsi1pk ?? '';

describe('tenant keys', () => {
  it.each(TENANT_BUILDERS)('%s starts with T#<tenant>#', (_name, build) => {
    expect(partition(build(T, 'FGW'))).toMatch(/^T#230100#/);
  });

  it('exact shapes', () => {
    expect(keys.unitGroup(T, 'G1')).toEqual<Key>({ pk: 'T#230100#ORG', sk: 'GROUP#G1' });
    expect(keys.unit(T, 'FGW')).toEqual<Key>({ pk: 'T#230100#ORG', sk: 'UNIT#FGW' });
    expect(keys.user(T, 'u-1')).toEqual<Key>({ pk: 'T#230100#ORG', sk: 'USER#u-1' });
    expect(keys.unitInGroup(T, 'G1', 'FGW')).toEqual<IndexKey>({
      gsi1pk: 'T#230100#GROUP#G1',
      gsi1sk: 'UNIT#FGW',
    });
    expect(keys.userInUnit(T, 'FGW', 'u-1')).toEqual<IndexKey>({
      gsi1pk: 'T#230100#UNIT#FGW',
      gsi1sk: 'USER#u-1',
    });
    expect(keys.units(T)).toEqual({ pk: 'T#230100#ORG', skPrefix: 'UNIT#' });
    expect(keys.idempotency(T, 'units.create', 'abc')).toEqual<Key>({
      pk: 'T#230100#IDEM#units.create#abc',
      sk: 'IDEM',
    });
  });

  it('accepts Chinese parts', () => {
    expect(keys.unit(T, '发改委').sk).toBe('UNIT#发改委');
  });
});

describe('platform and province keys', () => {
  it('platform records live under PLATFORM#', () => {
    expect(keys.tenant(T)).toEqual({ pk: 'PLATFORM#TENANTS', sk: 'TENANT#230100' });
    expect(keys.tenantsPartition().pk).toMatch(/^PLATFORM#/);
    expect(keys.platformUser('op-1')).toEqual({ pk: 'PLATFORM#USERS', sk: 'USER#op-1' });
    expect(keys.platformUsers().pk).toMatch(/^PLATFORM#/);
  });

  it('platform idempotency records live under PLATFORM#, never under a tenant', () => {
    const k = keys.idempotency(PLATFORM_SCOPE, 'tenants.create', 'k1');
    expect(k.pk).toBe('PLATFORM#IDEM#tenants.create#k1');
    expect(k.pk).not.toMatch(/^T#/);
  });

  it('the province index lives under P#', () => {
    expect(keys.tenantByProvince('230000', T)).toEqual({
      gsi1pk: 'P#230000#TENANTS',
      gsi1sk: 'TENANT#230100',
    });
    expect(keys.provinceTenants('230000').gsi1pk).toBe('P#230000#TENANTS');
  });
});

describe('validation', () => {
  const BAD_TENANTS = [
    '23010',
    '2301000',
    'T#1',
    '230100#X',
    '',
    ' 230100',
    '230100\n',
    '２３０１００',
    'platform',
  ];

  it.each(BAD_TENANTS)('rejects the tenant code %j everywhere', (t) => {
    expect(() => assertTenant(t)).toThrow(TypeError);
    for (const [, build] of TENANT_BUILDERS) expect(() => build(t, 'FGW')).toThrow(TypeError);
    expect(() => keys.tenant(t)).toThrow(TypeError);
    expect(() => keys.tenantByProvince(t, T)).toThrow(TypeError);
    expect(() => keys.tenantByProvince('230000', t)).toThrow(TypeError);
    expect(() => keys.provinceTenants(t)).toThrow(TypeError);
    expect(() => keys.blob(t, 'a.pdf')).toThrow(TypeError);
    expect(() => keys.blobPrefix(t)).toThrow(TypeError);
  });

  it('PLATFORM is an owner only for idempotency records', () => {
    for (const [name, build] of TENANT_BUILDERS) {
      if (name === 'idempotency') continue;
      expect(() => build(PLATFORM_SCOPE, 'FGW'), name).toThrow(TypeError);
    }
    expect(() => keys.blob(PLATFORM_SCOPE, 'a.pdf')).toThrow(TypeError);
    expect(() => keys.tenant(PLATFORM_SCOPE)).toThrow(TypeError);
  });

  it.each([
    '',
    'a#b',
    '#',
    'T#230125',
    'a/b',
    '/',
    '.',
    '..',
    '...',
    'a b',
    'a\nb',
    'a\\b',
    'x'.repeat(65),
    '%2F',
    'a?b',
    'a*b',
  ])('rejects the part %j in every builder that takes one', (p) => {
    for (const [name, build] of TENANT_BUILDERS) {
      if (['unitGroups', 'units', 'users'].includes(name)) continue;
      expect(() => build(T, p), name).toThrow(TypeError);
    }
    expect(() => keys.platformUser(p)).toThrow(TypeError);
    expect(() => keys.blob(T, p)).toThrow(TypeError);
    expect(() => keys.blob(T, 'ok', p)).toThrow(TypeError);
  });

  it('allows dots inside a part (file names)', () => {
    expect(keys.blob(T, 'reports', '2024.v1.pdf')).toBe('tenants/230100/reports/2024.v1.pdf');
    expect(keys.unit(T, '.hidden').sk).toBe('UNIT#.hidden');
    expect(keys.unit(T, 'x'.repeat(64)).sk).toBe(`UNIT#${'x'.repeat(64)}`);
  });
});

describe('blob keys', () => {
  it('always start with tenants/<tenant>/', () => {
    expect(keys.blob(T, 'a.pdf')).toBe('tenants/230100/a.pdf');
    expect(keys.blob(T, 'units', 'FGW', 'evidence.xlsx')).toBe('tenants/230100/units/FGW/evidence.xlsx');
    expect(keys.blobPrefix(T)).toBe('tenants/230100/');
    expect(keys.blob(T, 'x').startsWith(keys.blobPrefix(T))).toBe(true);
  });

  it('refuses an empty path', () => {
    expect(() => keys.blob(T)).toThrow(TypeError);
  });

  it('property: a blob key is the prefix plus the segments, never escaping the tenant folder', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 8 }), { minLength: 1, maxLength: 4 }), (segments) => {
        let k: string;
        try {
          k = keys.blob(T, ...segments);
        } catch (e) {
          expect(e).toBeInstanceOf(TypeError);
          return;
        }
        expect(k.startsWith('tenants/230100/')).toBe(true);
        const rest = k.slice('tenants/230100/'.length).split('/');
        expect(rest).toEqual(segments);
        for (const s of rest) expect(s).not.toMatch(/^\.+$/);
      }),
    );
  });
});

describe('properties', () => {
  const tenantArb = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.stringMatching(/^\d{6}$/),
    fc.constantFrom('230100', 'T#230100', '230100#T#110000', PLATFORM_SCOPE),
  );
  const partArb = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.constantFrom('FGW', 'x#T#110000#ORG', 'a/../b', '..', '发改委'),
  );

  it.each(TENANT_BUILDERS)(
    '%s: throws TypeError or keeps the given tenant as the only T# segment',
    (name, build) => {
      fc.assert(
        fc.property(tenantArb, partArb, (t, p) => {
          let k: Record<string, string>;
          try {
            k = build(t, p);
          } catch (e) {
            expect(e).toBeInstanceOf(TypeError);
            return;
          }
          const pk = partition(k);
          const canonical = build(T, 'P');
          if (name === 'idempotency' && t === PLATFORM_SCOPE) {
            expect(pk.startsWith('PLATFORM#IDEM#')).toBe(true);
          } else {
            expect(t).toMatch(/^\d{6}$/);
            expect(pk.startsWith(`T#${t}#`)).toBe(true);
            expect(pk.split('#')[1]).toBe(t);
          }
          for (const [attr, v] of Object.entries(k)) {
            // A part can add no '#': every attribute has as many segments as with a plain part, so
            // a value like `x#T#110000` can never be read as another tenant's key.
            const platformPk = t === PLATFORM_SCOPE && v === pk;
            const expectedSegments = (canonical[attr] ?? '').split('#').length - (platformPk ? 1 : 0);
            expect(v.split('#'), attr).toHaveLength(expectedSegments);
            expect(v).not.toMatch(/[/\s\\]/);
          }
        }),
      );
    },
  );

  it('a part spelled "T" becomes a segment but never the leading one IAM checks', () => {
    const k = keys.idempotency(T, 'T', '110000');
    expect(k.pk).toBe('T#230100#IDEM#T#110000');
    expect(k.pk.split('#').slice(0, 2)).toEqual(['T', '230100']);
  });

  it('a part that is accepted appears verbatim as one segment', () => {
    fc.assert(
      fc.property(partArb, (p) => {
        let k: Key;
        try {
          k = keys.unit(T, p);
        } catch (e) {
          expect(e).toBeInstanceOf(TypeError);
          return;
        }
        expect(k.sk.split('#')).toEqual(['UNIT', p]);
      }),
    );
  });
});

describe('stripKeys', () => {
  it('removes key and bookkeeping attributes and keeps the rest', () => {
    const item = {
      pk: 'T#230100#ORG',
      sk: 'UNIT#FGW',
      gsi1pk: 'T#230100#GROUP#G1',
      gsi1sk: 'UNIT#FGW',
      entity: 'unit',
      tenant: '230100',
      expiresAt: 1,
      code: 'FGW',
      name: '发改委',
      version: 2,
      nested: { pk: 'kept' },
    };
    expect(stripKeys(item)).toEqual({ code: 'FGW', name: '发改委', version: 2, nested: { pk: 'kept' } });
  });

  it('does not mutate its input and returns a new object', () => {
    const item = { pk: 'a', sk: 'b', code: 'c' };
    const out = stripKeys(item);
    expect(item).toEqual({ pk: 'a', sk: 'b', code: 'c' });
    expect(out).not.toBe(item);
  });

  it('handles an empty item', () => {
    expect(stripKeys({})).toEqual({});
  });
});
