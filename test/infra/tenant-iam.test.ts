/**
 * Tenant-scoped access in the cloud (#14 item 8), proven offline: the data roles' policies, taken
 * from the synthesized template of each partition, are simulated (@cloud-copilot/iam-simulate) for
 * every action the data layer sends, for sessions of several tenants (with the session tags the
 * runtime sets, `sessionTags`), against their own keys and prefix, other tenants', and keys that
 * differ from theirs by a character. An oracle says what each scope may do; `failures` lists every
 * answer that disagrees. A policy widened to other tenants' prefix makes the same check fail.
 */
import { type DataScope, SESSION_TAG, sessionTags } from '@jixiao/data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEFORE_SCOPE_READS, LIST_ACTIONS, OBJECT_ACTIONS, TABLE_ACTIONS } from '../../infra/data/data-roles';
import {
  ACCOUNT,
  BUCKET_NAME,
  decide,
  type Probe,
  REGION,
  type RolePolicies,
  roleId,
  rolePolicies,
  TABLE_NAME,
  trusts,
} from './iam-simulation';
import { CHINA_CONTEXT, type Synth, synth } from './synth';

const PARTITIONS = { aws: {}, 'aws-cn': CHINA_CONTEXT } as const;
type Partition = keyof typeof PARTITIONS;

/** Tenants whose sessions are checked: two cities, a county of the first, a province. */
const TENANTS = ['110100', '230100', '110101', '230000'] as const;
const PROVINCES = ['110000', '230000'] as const;

const table = (p: string) => `arn:${p}:dynamodb:${REGION}:${ACCOUNT}:table/${TABLE_NAME}`;
const index = (p: string) => `${table(p)}/index/gsi1`;
const bucket = (p: string) => `arn:${p}:s3:::${BUCKET_NAME}`;

type Oracle = (action: string, keys: string[]) => boolean;
/** A case: what is asked, and whether the scope's design allows it. */
interface Case extends Probe {
  allowed: boolean;
}

const tagContext = (scope: DataScope) =>
  Object.fromEntries(sessionTags(scope).map((t) => [`aws:PrincipalTag/${t.Key}`, t.Value]));

/** Every key probe of a session: own, every other tenant's, and near misses. */
function tableKeys(own?: string): string[] {
  const others = [...TENANTS, ...PROVINCES].filter((t) => t !== own);
  const mine = own
    ? [
        `T#${own}#ORG`,
        `T#${own}#CYCLE#2024`,
        `T#${own}#AUDIT`,
        `P#${own}#PEER`,
        // near misses: a digit short, a digit or letter more, no separator
        `T#${own.slice(0, 5)}#ORG`,
        `T#${own}1#ORG`,
        `T#${own}X#ORG`,
        `T#${own}`,
        `P#${own.slice(0, 5)}#SHARED`,
        `T#${own.slice(0, 4)}01#INBOX`,
        `T#${own.slice(0, 4)}01#ORG`,
      ]
    : [];
  return [
    ...new Set([
      ...mine,
      ...others.flatMap((o) => [
        `T#${o}#ORG`,
        `T#${o}#CYCLE#2024`,
        `T#${o}#INBOX`,
        `T#${o}#SESSIONS`,
        `P#${o}#SHARED`,
        `P#${o}#STD`,
        `P#${o}#TENANTS`,
        `P#${o}#PEER`,
      ]),
      'PLATFORM#TENANTS',
      'PLATFORM#USERS',
      'PLATFORM#IDEM#tenants#k1',
      'PLATFORM#SESSIONS',
      'T#*#ORG',
    ]),
  ];
}

/** Table and index probes: each action on each key alone, plus mixed batches and a keyless query. */
function tableCases(p: string, oracle: Oracle, own?: string): Case[] {
  const keys = tableKeys(own);
  const cases: Case[] = [];
  const probe = (action: string, resource: string, leading: string[]) =>
    cases.push({
      action,
      resource,
      context: leading.length ? { 'dynamodb:LeadingKeys': leading } : {},
      allowed: leading.length > 0 && oracle(action, leading),
    });
  for (const action of TABLE_ACTIONS) for (const k of keys) probe(action, table(p), [k]);
  // gsi1 is queried by its partition key (`T#<t>#GROUP#…`, `P#<province>#TENANTS`).
  for (const k of keys) probe('dynamodb:Query', index(p), [k.replace(/#ORG$/, '#GROUP#G1')]);
  probe('dynamodb:Query', table(p), []);
  if (own) {
    probe('dynamodb:BatchWriteItem', table(p), [`T#${own}#CYCLE#2024`, `T#${own}#AUDIT`]);
    for (const o of TENANTS.filter((t) => t !== own))
      probe('dynamodb:BatchWriteItem', table(p), [`T#${own}#CYCLE#2024`, `T#${o}#CYCLE#2024`]);
  }
  return cases;
}

/** Object and listing probes of a session; `own` is its tenant (none: nothing is allowed). */
function objectCases(p: string, own?: string): Case[] {
  const cases: Case[] = [];
  const codes = [...new Set([...(own ? [own, `${own}1`, own.slice(0, 5)] : []), ...TENANTS])];
  const objects = [...codes.map((c) => `tenants/${c}/evidence/2024/e1.pdf`), 'reports/x.pdf', 'tenants/x'];
  for (const action of OBJECT_ACTIONS)
    for (const key of objects)
      cases.push({
        action,
        resource: `${bucket(p)}/${key}`,
        context: {},
        allowed: !!own && key.startsWith(`tenants/${own}/`),
      });
  const prefixes = [
    ...codes.flatMap((c) => [`tenants/${c}/`, `tenants/${c}/evidence/`]),
    'tenants/',
    'tenants',
    '',
  ];
  for (const action of LIST_ACTIONS) {
    for (const prefix of prefixes)
      cases.push({
        action,
        resource: bucket(p),
        context: prefix ? { 's3:prefix': prefix } : {},
        allowed: !!own && prefix.startsWith(`tenants/${own}/`),
      });
  }
  return cases;
}

/** What a tenant session may do (the design in infra/data/data-roles.ts, written independently). */
const tenantOracle =
  (t: string): Oracle =>
  (action, keys) => {
    const province = `${t.slice(0, 2)}0000`;
    const city = `${t.slice(0, 4)}00`;
    const isCity = t.endsWith('00') && !t.endsWith('0000');
    return keys.every(
      (k) =>
        k.startsWith(`T#${t}#`) ||
        k.startsWith(`P#${t}#`) ||
        (k === 'PLATFORM#TENANTS' && action === 'dynamodb:GetItem') ||
        ((k === `P#${province}#STD` || k === `P#${province}#TENANTS`) &&
          ['dynamodb:GetItem', 'dynamodb:Query'].includes(action)) ||
        ((k === `P#${province}#SHARED` || k === `P#${city}#SHARED`) &&
          ['dynamodb:PutItem', 'dynamodb:DeleteItem'].includes(action)) ||
        (isCity && new RegExp(`^T#${t.slice(0, 4)}\\d\\d#INBOX$`).test(k) && action === 'dynamodb:PutItem'),
    );
  };

const provinceOracle =
  (province: string): Oracle =>
  (action, keys) =>
    keys.every(
      (k) =>
        (k.startsWith(`P#${province}#`) && ['dynamodb:GetItem', 'dynamodb:Query'].includes(action)) ||
        (k === 'PLATFORM#TENANTS' && action === 'dynamodb:GetItem') ||
        (k === 'PLATFORM#SESSIONS' && ['dynamodb:GetItem', 'dynamodb:UpdateItem'].includes(action)),
    );

const platformOracle: Oracle = (_action, keys) => keys.every((k) => k.startsWith('PLATFORM#'));

/** A function role's own access: exact reads of the registry, before the caller is known. */
const beforeScopeOracle: Oracle = (action, keys) =>
  keys.every((k) => action === 'dynamodb:GetItem' && BEFORE_SCOPE_READS.includes(k));

interface Session {
  name: string;
  principal: string;
  policies: RolePolicies['policies'];
  tags: Record<string, string>;
  cases: Case[];
}

/** Every case of a session whose answer disagrees with the design, as a readable line. */
async function failures(session: Session): Promise<string[]> {
  const out: string[] = [];
  for (const c of session.cases) {
    const got = await decide(session.principal, session.policies, {
      ...c,
      context: { ...session.tags, ...c.context },
    });
    if ((got === 'Allowed') !== c.allowed)
      out.push(
        `${session.name}: ${c.action} ${c.resource.split(':').slice(5).join(':')} ${JSON.stringify(c.context)} → ${got}, expected ${c.allowed ? 'Allowed' : 'denied'}`,
      );
  }
  return out;
}

const sessionArn = (p: string, role: RolePolicies, name: string) =>
  `arn:${p}:sts::${ACCOUNT}:assumed-role/${role.id}/${name}`;

function tenantSession(p: string, role: RolePolicies, tenant: string): Session {
  return {
    name: `tenant ${tenant}`,
    principal: sessionArn(p, role, `jixiao-t-${tenant}`),
    policies: role.policies,
    tags: tagContext({ kind: 'tenant', tenant }),
    cases: [...tableCases(p, tenantOracle(tenant), tenant), ...objectCases(p, tenant)],
  };
}

/** The tenant role's policies with its own prefix widened to every tenant's. */
const widened = (role: RolePolicies): RolePolicies['policies'] =>
  JSON.parse(
    JSON.stringify(role.policies)
      .replaceAll(`T#\${aws:PrincipalTag/${SESSION_TAG.tenant}}#*`, 'T#*')
      .replaceAll(`tenants/\${aws:PrincipalTag/${SESSION_TAG.tenant}}/*`, 'tenants/*'),
  );

let synths: Record<Partition, Synth>;
beforeAll(() => {
  synths = { aws: synth(), 'aws-cn': synth({ context: CHINA_CONTEXT }) };
}, 180_000);
afterAll(() => {
  for (const s of Object.values(synths ?? {})) s.cleanup();
});

/** Cases run per partition, for the closing numbers. */
const counted: Record<string, number> = {};

describe.each(Object.keys(PARTITIONS) as Partition[])('the %s data roles', (p) => {
  const roles = () => {
    const s = synths[p];
    const all = rolePolicies(s, p);
    const byPath = (path: string) => all[roleId(s, path)]!;
    return {
      tenant: byPath('DataRoles/Tenant'),
      province: byPath('DataRoles/Province'),
      platform: byPath('DataRoles/Platform'),
      functions: [
        ...Object.values(s.stack.api.functions).map((f) => all[s.idOf(f.role)]!),
        all[s.idOf(s.stack.evaluation.function.role)]!,
      ],
      http: Object.values(s.stack.api.functions).map((f) => all[s.idOf(f.role)]!),
    };
  };

  it.each(TENANTS)(
    'let a session of tenant %s reach its own keys and prefix, and nothing of any other tenant',
    async (tenant) => {
      const session = tenantSession(p, roles().tenant, tenant);
      expect(session.cases.filter((c) => c.allowed).length).toBeGreaterThan(30);
      expect(await failures(session)).toEqual([]);
      counted[`${p} tenant`] = (counted[`${p} tenant`] ?? 0) + session.cases.length;
    },
    60_000,
  );

  it('fail the same check once the tenant role is widened to every tenant (the check has teeth)', async () => {
    const role = roles().tenant;
    const wide = { ...tenantSession(p, role, '110100'), policies: widened(role) };
    expect(JSON.stringify(wide.policies)).not.toEqual(JSON.stringify(role.policies));
    const found = await failures(wide);
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          'dynamodb:GetItem table/jixiao-table {"dynamodb:LeadingKeys":["T#230100#ORG"]} → Allowed',
        ),
        expect.stringContaining('s3:GetObject jixiao-data/tenants/230100/evidence/2024/e1.pdf {} → Allowed'),
        expect.stringContaining('s3:ListBucket jixiao-data {"s3:prefix":"tenants/"} → Allowed'),
      ]),
    );
  }, 60_000);

  it.each(PROVINCES)(
    "let a province session of %s read its province's items only",
    async (province) => {
      const role = roles().province;
      const session: Session = {
        name: `province ${province}`,
        principal: sessionArn(p, role, `jixiao-p-${province}`),
        policies: role.policies,
        tags: tagContext({ kind: 'province', province }),
        cases: [...tableCases(p, provinceOracle(province)), ...objectCases(p)],
      };
      expect(session.cases.filter((c) => c.allowed).length).toBeGreaterThan(5);
      expect(await failures(session)).toEqual([]);
      counted[`${p} province`] = (counted[`${p} province`] ?? 0) + session.cases.length;
    },
    60_000,
  );

  it('let a platform session reach PLATFORM# items only, and no object', async () => {
    const role = roles().platform;
    const session: Session = {
      name: 'platform',
      principal: sessionArn(p, role, 'jixiao-platform'),
      policies: role.policies,
      tags: {},
      cases: [...tableCases(p, platformOracle), ...objectCases(p)],
    };
    expect(session.cases.filter((c) => c.allowed).length).toBeGreaterThan(10);
    expect(await failures(session)).toEqual([]);
    counted[`${p} platform`] = session.cases.length;
  }, 60_000);

  it('leave the batch function’s own role no item and no object, only the data roles to assume', async () => {
    const { tenant, province, platform } = roles();
    const fn = rolePolicies(synths[p], p)[synths[p].idOf(synths[p].stack.evaluation.function.role)]!;
    const session: Session = {
      name: 'batch',
      principal: sessionArn(p, fn, 'fn'),
      policies: fn.policies,
      tags: {},
      cases: [...tableCases(p, () => false), ...objectCases(p)],
    };
    expect(await failures(session)).toEqual([]);
    for (const target of [tenant, province, platform])
      expect(
        await decide(session.principal, fn.policies, {
          action: 'sts:AssumeRole',
          resource: target.arn,
          context: {},
        }),
      ).toBe('Allowed');
    counted[`${p} batch`] = session.cases.length;
  }, 60_000);

  it("leave an HTTP function's own role the exact reads before the caller is known, no object, and the data roles to assume", async () => {
    const { http, tenant, province, platform } = roles();
    for (const fn of http) {
      const session: Session = {
        name: fn.id,
        principal: sessionArn(p, fn, 'fn'),
        policies: fn.policies,
        tags: {},
        cases: [...tableCases(p, beforeScopeOracle), ...objectCases(p)],
      };
      expect(await failures(session)).toEqual([]);
      counted[`${p} function`] = (counted[`${p} function`] ?? 0) + session.cases.length;
      for (const target of [tenant, province, platform])
        for (const action of ['sts:AssumeRole', 'sts:TagSession'])
          expect(
            await decide(session.principal, fn.policies, { action, resource: target.arn, context: {} }),
          ).toBe('Allowed');
      expect(
        await decide(session.principal, fn.policies, {
          action: 'sts:AssumeRole',
          resource: `arn:${p}:iam::${ACCOUNT}:role/SomeOtherRole`,
          context: {},
        }),
      ).toBe('ImplicitlyDenied');
    }
  }, 120_000);

  it('trust only the functions, with the tags each role reads, of the right shape', async () => {
    const { tenant, province, platform, functions } = roles();
    const tags = (scope: DataScope) =>
      Object.fromEntries(sessionTags(scope).map((t) => [`aws:RequestTag/${t.Key}`, t.Value]));
    const keysOf = (ctx: Record<string, string>) => ({
      ...ctx,
      'aws:TagKeys': Object.keys(ctx).map((k) => k.replace('aws:RequestTag/', '')),
    });
    const city = tags({ kind: 'tenant', tenant: '110100' });
    const county = tags({ kind: 'tenant', tenant: '110101' });
    const prov = tags({ kind: 'province', province: '230000' });
    const stranger = `arn:${p}:iam::${ACCOUNT}:role/SomeOtherRole`;
    for (const fn of functions) {
      for (const action of ['sts:AssumeRole', 'sts:TagSession']) {
        expect(await trusts(tenant, fn.arn, action, keysOf(city))).toBe('Allowed');
        expect(await trusts(tenant, fn.arn, action, keysOf(county))).toBe('Allowed');
        expect(await trusts(province, fn.arn, action, keysOf(prov))).toBe('Allowed');
        expect(await trusts(platform, fn.arn, action, {})).toBe('Allowed');
      }
    }
    const fn = functions[0]!.arn;
    const denied = [
      // no tenant tag; a tenant of seven characters; an unexpected tag; a stranger
      await trusts(tenant, fn, 'sts:AssumeRole', keysOf({ ...county, 'aws:RequestTag/tenant': '1101011' })),
      await trusts(
        tenant,
        fn,
        'sts:AssumeRole',
        keysOf(Object.fromEntries(Object.entries(county).filter(([k]) => !k.endsWith('/tenant')))),
      ),
      await trusts(tenant, fn, 'sts:AssumeRole', keysOf({ ...county, 'aws:RequestTag/admin': 'yes' })),
      await trusts(tenant, fn, 'sts:AssumeRole', keysOf({ ...county, 'aws:RequestTag/counties': '11010' })),
      await trusts(tenant, stranger, 'sts:AssumeRole', keysOf(county)),
      await trusts(province, fn, 'sts:AssumeRole', keysOf({ 'aws:RequestTag/province': '2300001' })),
      await trusts(province, fn, 'sts:AssumeRole', keysOf({ ...prov, 'aws:RequestTag/tenant': '230100' })),
      await trusts(province, fn, 'sts:AssumeRole', {}),
      await trusts(platform, fn, 'sts:AssumeRole', keysOf(county)),
      await trusts(platform, stranger, 'sts:AssumeRole', {}),
    ];
    expect(denied.filter((d) => d === 'Allowed')).toEqual([]);
  }, 60_000);
});

afterAll(() => {
  // The numbers of the README's table: cases simulated per partition and kind of session.
  console.log(`iam simulation cases: ${JSON.stringify(counted)}`);
});
