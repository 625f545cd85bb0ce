import {
  type AppError,
  contentOf,
  countLeaves,
  FINANCE_CALCULATORS,
  type Identity,
  type IndicatorSystem,
  type Role,
  type SystemAction,
  scoreUnits,
  systemContentSchema,
  TEMPLATES,
  transition,
  validateSystem,
  weightSummary,
  zodIssuesToFields,
} from '@jixiao/core';
import { Hono } from 'hono';
import type { Division, Tenant, Unit, UnitGroup, User } from './types';

/**
 * A small in-memory stand-in for the product API, for the console's tests: the routes the console
 * calls, their paging, versions, idempotency keys and problem+json errors. Not a reimplementation of
 * the API's rules — just enough to drive every console path.
 */
export interface FakeCall {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeSeed {
  tenants?: Tenant[];
  groups?: UnitGroup[];
  units?: Unit[];
  users?: User[];
  /** Stored indicator-system versions (every version of every system). */
  systems?: IndicatorSystem[];
}

const T0 = '2026-11-27T10:30:00.000Z';

export const IDENTITIES: Record<string, Identity> = {
  op: { sub: 'op-1', name: '运营 小王', roles: ['platform_operator'] },
  admin: { sub: 'adm-1', name: '考核办 李主任', tenant: '230100', roles: ['tenant_admin'] },
  unit: { sub: 'u-1', name: '发改委 张科长', tenant: '230100', roles: ['unit_user'], unit: 'FGW' },
  prov: { sub: 'p-1', name: '省考核办 赵处长', roles: ['provincial_analyst'], province: '230000' },
  expert: { sub: 'e-1', name: '专家 陈教授', tenant: '230100', roles: ['expert'] },
  observer: { sub: 'o-1', name: '人大 周代表', tenant: '230100', roles: ['observer'] },
  suspended: { sub: 's-1', name: '停用 用户', tenant: '230200', roles: ['tenant_admin'] },
};

export const tenant = (code: string, over: Partial<Tenant> = {}): Tenant => ({
  code,
  name: code === '230100' ? '哈尔滨市' : `城市${code}`,
  fullName: code === '230100' ? '黑龙江省哈尔滨市' : `黑龙江省城市${code}`,
  level: 'city',
  provinceCode: '230000',
  planStatus: 'trial',
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

export const group = (code: string, name: string, over: Partial<UnitGroup> = {}): UnitGroup => ({
  code,
  name,
  sortOrder: 100,
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

export const unit = (code: string, name: string, over: Partial<Unit> = {}): Unit => ({
  code,
  name,
  type: 'department',
  group: 'SZBM',
  active: true,
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

/** A stored system version copied from a template, for seeding. */
export const systemFrom = (
  templateId: string,
  over: Partial<IndicatorSystem> & { id: string },
): IndicatorSystem => {
  const tpl = TEMPLATES.find((x) => x.id === templateId);
  if (!tpl) throw new Error(`no template ${templateId}`);
  return {
    ...structuredClone(tpl.content),
    systemVersion: 1,
    status: 'draft',
    template: templateId,
    version: 1,
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
};

const DIVISIONS: Record<string, Division> = {
  '230100': {
    code: '230100',
    name: '哈尔滨市',
    level: 'city',
    provinceCode: '230000',
    fullName: '黑龙江省哈尔滨市',
  },
  '230102': {
    code: '230102',
    name: '道里区',
    level: 'district',
    provinceCode: '230000',
    parentCode: '230100',
    fullName: '黑龙江省哈尔滨市道里区',
  },
};

type Issue = { path: string; zh: string; en: string };

const problem = (status: number, code: string, zh: string, en: string, errors?: Issue[]) =>
  new Response(
    JSON.stringify({
      type: `urn:jixiao:problem:${code}`,
      title: zh,
      status,
      code,
      message: { zh, en },
      ...(errors ? { errors } : {}),
      requestId: 'req-test-1',
    }),
    { status, headers: { 'content-type': 'application/problem+json; charset=utf-8' } },
  );

const invalid = (errors: Issue[]) =>
  problem(422, 'validation_failed', '请求数据有误。', 'The request is invalid.', errors);
const forbidden = () => problem(403, 'forbidden', '无权执行此操作。', 'You may not do this.');
const notFound = (zh: string, en: string) => problem(404, 'not_found', `${zh}不存在。`, `${en} not found.`);
const conflict = () =>
  problem(
    409,
    'version_conflict',
    '数据已被他人修改，请刷新后重试。',
    'Someone else changed this record; reload and try again.',
  );

/** Opaque cursors with characters that need URL encoding. */
const encodeCursor = (offset: number) => Buffer.from(`o=${offset}?`).toString('base64');
const decodeCursor = (c: string | undefined) => {
  if (!c) return 0;
  const m = /^o=(\d+)\?$/.exec(Buffer.from(c, 'base64').toString());
  return m ? Number(m[1]) : 0;
};

function page<T>(items: T[], limitQ: string | undefined, cursorQ: string | undefined) {
  const limit = Math.min(Number(limitQ ?? 20) || 20, 100);
  const start = decodeCursor(cursorQ);
  const slice = items.slice(start, start + limit);
  const next = start + limit < items.length ? encodeCursor(start + limit) : undefined;
  return next ? { items: slice, nextCursor: next } : { items: slice };
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const UNIT_TYPES = ['department', 'district_government', 'service_window', 'service_provider', 'project'];
const PLAN = ['trial', 'active', 'suspended', 'ended'];

type Env = { Variables: { id: Identity } };

export function createFakeApi(seed: FakeSeed = {}) {
  const db = {
    tenants: [...(seed.tenants ?? [tenant('230100')])],
    groups: [...(seed.groups ?? [])],
    units: [...(seed.units ?? [])],
    users: [...(seed.users ?? [])],
    systems: [...(seed.systems ?? [])],
  };
  let nextSystem = 1;
  const calls: FakeCall[] = [];
  const idem = new Map<string, { status: number; body: unknown }>();
  let nextUser = 1;
  let clock = Date.parse(T0);
  const now = () => {
    clock += 60_000;
    return new Date(clock).toISOString();
  };

  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    const token = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
    const id = IDENTITIES[token];
    if (!id) return problem(401, 'unauthenticated', '请先登录。', 'Please sign in.');
    if (token === 'suspended')
      return problem(403, 'tenant_suspended', '租户已暂停使用。', 'The tenant is suspended.');
    c.set('id', id);
    await next();
  });
  const has = (c: { get: (k: 'id') => Identity }, role: Role) => c.get('id').roles.includes(role);

  /** Replays a create with the same Idempotency-Key. */
  const once = async (key: string | undefined, run: () => Response | Promise<Response>) => {
    if (key && idem.has(key)) {
      const prev = idem.get(key)!;
      return Response.json(prev.body, { status: prev.status, headers: { 'idempotent-replayed': 'true' } });
    }
    const res = await run();
    if (key && res.ok) idem.set(key, { status: res.status, body: await res.clone().json() });
    return res;
  };

  app.get('/v1/me', (c) => {
    const id = c.get('id');
    const t = id.tenant ? db.tenants.find((x) => x.code === id.tenant) : undefined;
    return c.json(t ? { identity: id, tenant: t } : { identity: id });
  });

  // Platform
  app.get('/v1/platform/tenants', (c) => {
    if (!has(c, 'platform_operator')) return forbidden();
    return c.json(page(db.tenants, c.req.query('limit'), c.req.query('cursor')));
  });
  app.post('/v1/platform/tenants', async (c) => {
    if (!has(c, 'platform_operator')) return forbidden();
    const b = await c.req.json<Record<string, unknown>>();
    return once(c.req.header('idempotency-key'), () => {
      const errs: Issue[] = [];
      if (typeof b.code !== 'string' || !/^\d{6}$/.test(b.code))
        errs.push({
          path: 'body.code',
          zh: '行政区划代码须为 6 位数字',
          en: 'division code must be 6 digits',
        });
      if (b.planStatus !== undefined && !PLAN.includes(b.planStatus as string))
        errs.push({ path: 'body.planStatus', zh: '订阅状态无效', en: 'invalid plan status' });
      if (errs.length) return invalid(errs);
      if (db.tenants.some((x) => x.code === b.code))
        return problem(409, 'already_exists', '租户已存在。', 'Tenant already exists.');
      const at = now();
      const t = tenant(b.code as string, {
        ...(b as Partial<Tenant>),
        planStatus: (b.planStatus as Tenant['planStatus']) ?? 'trial',
        createdAt: at,
        updatedAt: at,
      });
      db.tenants.push(t);
      return c.json(t, 201);
    });
  });
  app.get('/v1/platform/tenants/:code', (c) => {
    if (!has(c, 'platform_operator')) return forbidden();
    const t = db.tenants.find((x) => x.code === c.req.param('code'));
    return t ? c.json(t) : notFound('租户', 'Tenant');
  });
  app.patch('/v1/platform/tenants/:code', async (c) => {
    if (!has(c, 'platform_operator')) return forbidden();
    const i = db.tenants.findIndex((x) => x.code === c.req.param('code'));
    if (i < 0) return notFound('租户', 'Tenant');
    const b = await c.req.json<Record<string, unknown>>();
    const cur = db.tenants[i]!;
    if (b.version !== cur.version) return conflict();
    const { version: _v, ...rest } = b;
    db.tenants[i] = { ...cur, ...(rest as Partial<Tenant>), version: cur.version + 1, updatedAt: now() };
    return c.json(db.tenants[i]);
  });
  app.get('/v1/province/tenants', (c) => {
    const id = c.get('id');
    if (!has(c, 'provincial_analyst')) return forbidden();
    return c.json(
      page(
        db.tenants.filter((x) => x.provinceCode === id.province),
        c.req.query('limit'),
        c.req.query('cursor'),
      ),
    );
  });
  app.get('/v1/tenant', (c) => {
    const t = db.tenants.find((x) => x.code === c.get('id').tenant);
    return t ? c.json(t) : notFound('租户', 'Tenant');
  });
  app.get('/v1/divisions/:code', (c) => {
    const d = DIVISIONS[c.req.param('code')];
    return d ? c.json(d) : notFound('行政区划', 'Division');
  });

  // Tenant admin
  app.use('/v1/unit-groups/*', async (c, next) => (has(c, 'tenant_admin') ? next() : forbidden()));
  app.use('/v1/users/*', async (c, next) => (has(c, 'tenant_admin') ? next() : forbidden()));
  app.use('/v1/unit-groups', async (c, next) => (has(c, 'tenant_admin') ? next() : forbidden()));
  app.use('/v1/users', async (c, next) => (has(c, 'tenant_admin') ? next() : forbidden()));

  app.get('/v1/unit-groups', (c) => c.json(page(db.groups, c.req.query('limit'), c.req.query('cursor'))));
  app.post('/v1/unit-groups', async (c) => {
    const b = await c.req.json<Record<string, unknown>>();
    return once(c.req.header('idempotency-key'), () => {
      const errs: Issue[] = [];
      if (typeof b.code !== 'string' || !CODE.test(b.code))
        errs.push({ path: 'body.code', zh: '编码格式不正确', en: 'invalid code' });
      if (typeof b.name !== 'string' || !b.name)
        errs.push({ path: 'body.name', zh: '名称不能为空', en: 'name is required' });
      if (b.sortOrder !== undefined && typeof b.sortOrder !== 'number')
        errs.push({ path: 'body.sortOrder', zh: '排序须为整数', en: 'sort order must be an integer' });
      if (errs.length) return invalid(errs);
      if (db.groups.some((g) => g.code === b.code))
        return problem(409, 'already_exists', '单位分组已存在。', 'Unit group already exists.');
      const at = now();
      const g = group(b.code as string, b.name as string, {
        ...(b as Partial<UnitGroup>),
        sortOrder: (b.sortOrder as number) ?? 100,
        createdAt: at,
        updatedAt: at,
      });
      db.groups.push(g);
      return c.json(g, 201);
    });
  });
  app.get('/v1/unit-groups/:code', (c) => {
    const g = db.groups.find((x) => x.code === c.req.param('code'));
    return g ? c.json(g) : notFound('单位分组', 'Unit group');
  });
  app.patch('/v1/unit-groups/:code', async (c) => {
    const i = db.groups.findIndex((x) => x.code === c.req.param('code'));
    if (i < 0) return notFound('单位分组', 'Unit group');
    const b = await c.req.json<Record<string, unknown>>();
    const cur = db.groups[i]!;
    if (b.name === '') return invalid([{ path: 'body.name', zh: '名称不能为空', en: 'name is required' }]);
    if (b.version !== cur.version) return conflict();
    const { version: _v, ...rest } = b;
    db.groups[i] = { ...cur, ...(rest as Partial<UnitGroup>), version: cur.version + 1, updatedAt: now() };
    return c.json(db.groups[i]);
  });
  app.delete('/v1/unit-groups/:code', (c) => {
    const i = db.groups.findIndex((x) => x.code === c.req.param('code'));
    if (i < 0) return notFound('单位分组', 'Unit group');
    const cur = db.groups[i]!;
    if (Number(c.req.query('version')) !== cur.version) return conflict();
    if (db.units.some((u) => u.group === cur.code))
      return problem(409, 'in_use', '该分组下仍有单位，不能删除。', 'The group still has units.');
    db.groups.splice(i, 1);
    return c.body(null, 204);
  });

  const unitIssues = (b: Record<string, unknown>, creating: boolean): Issue[] => {
    const errs: Issue[] = [];
    if (creating && (typeof b.code !== 'string' || !CODE.test(b.code)))
      errs.push({ path: 'body.code', zh: '编码须为 1-32 位字母、数字、下划线或连字符', en: 'invalid code' });
    if ((creating || 'name' in b) && (typeof b.name !== 'string' || !b.name.trim()))
      errs.push({ path: 'body.name', zh: '名称不能为空', en: 'name is required' });
    if ((creating || 'type' in b) && !UNIT_TYPES.includes(b.type as string))
      errs.push({ path: 'body.type', zh: '请选择单位类型', en: 'choose a unit type' });
    if ((creating || 'group' in b) && !db.groups.some((g) => g.code === b.group))
      errs.push({ path: 'body.group', zh: '单位分组不存在', en: 'unknown unit group' });
    if (b.uscc !== undefined && (typeof b.uscc !== 'string' || b.uscc.length !== 18))
      errs.push({ path: 'body.uscc', zh: '统一社会信用代码须为 18 位', en: 'USCC must be 18 characters' });
    if (typeof b.active !== 'boolean' && (creating || 'active' in b))
      errs.push({ path: 'body.active', zh: '须为布尔值', en: 'must be a boolean' });
    return errs;
  };
  app.get('/v1/units', (c) => {
    const g = c.req.query('group');
    const items = g ? db.units.filter((u) => u.group === g) : db.units;
    return c.json(page(items, c.req.query('limit'), c.req.query('cursor')));
  });
  app.post('/v1/units', async (c) => {
    if (!has(c, 'tenant_admin')) return forbidden();
    const b = await c.req.json<Record<string, unknown>>();
    return once(c.req.header('idempotency-key'), () => {
      const errs = unitIssues(b, true);
      if (errs.length) return invalid(errs);
      const at = now();
      const u = unit(b.code as string, b.name as string, {
        ...(b as Partial<Unit>),
        createdAt: at,
        updatedAt: at,
      });
      db.units.push(u);
      return c.json(u, 201);
    });
  });
  app.get('/v1/units/:code', (c) => {
    const id = c.get('id');
    const code = c.req.param('code');
    if (!has(c, 'tenant_admin') && id.unit !== code) return forbidden();
    const u = db.units.find((x) => x.code === code);
    return u ? c.json(u) : notFound('单位', 'Unit');
  });
  app.patch('/v1/units/:code', async (c) => {
    if (!has(c, 'tenant_admin')) return forbidden();
    const i = db.units.findIndex((x) => x.code === c.req.param('code'));
    if (i < 0) return notFound('单位', 'Unit');
    const b = await c.req.json<Record<string, unknown>>();
    const errs = unitIssues(b, false);
    if (errs.length) return invalid(errs);
    const cur = db.units[i]!;
    if (b.version !== cur.version) return conflict();
    const { version: _v, ...rest } = b;
    db.units[i] = { ...cur, ...(rest as Partial<Unit>), version: cur.version + 1, updatedAt: now() };
    return c.json(db.units[i]);
  });

  app.get('/v1/users', (c) => {
    const u = c.req.query('unit');
    const items = u ? db.users.filter((x) => x.unit === u) : db.users;
    return c.json(page(items, c.req.query('limit'), c.req.query('cursor')));
  });
  app.post('/v1/users', async (c) => {
    const b = await c.req.json<Record<string, unknown>>();
    return once(c.req.header('idempotency-key'), () => {
      const errs: Issue[] = [];
      if (typeof b.name !== 'string' || !b.name)
        errs.push({ path: 'body.name', zh: '名称不能为空', en: 'name is required' });
      if (!Array.isArray(b.roles) || b.roles.length === 0)
        errs.push({ path: 'body.roles', zh: '至少分配一个角色', en: 'at least one role is required' });
      if (errs.length) return invalid(errs);
      const at = now();
      const u = {
        id: `usr-${nextUser++}`,
        ...(b as Partial<User>),
        active: b.active !== false,
        version: 1,
        createdAt: at,
        updatedAt: at,
      } as User;
      db.users.push(u);
      return c.json(u, 201);
    });
  });
  app.get('/v1/users/:id', (c) => {
    const u = db.users.find((x) => x.id === c.req.param('id'));
    return u ? c.json(u) : notFound('用户', 'User');
  });
  app.patch('/v1/users/:id', async (c) => {
    const i = db.users.findIndex((x) => x.id === c.req.param('id'));
    if (i < 0) return notFound('用户', 'User');
    const b = await c.req.json<Record<string, unknown>>();
    const cur = db.users[i]!;
    if (b.version !== cur.version) return conflict();
    const { version: _v, ...rest } = b;
    db.users[i] = { ...cur, ...(rest as Partial<User>), version: cur.version + 1, updatedAt: now() };
    return c.json(db.users[i]);
  });

  // Indicator systems
  const canDrafts = (c: { get: (k: 'id') => Identity }) => has(c, 'tenant_admin');
  const visible = (c: { get: (k: 'id') => Identity }, s: IndicatorSystem) =>
    canDrafts(c) || s.status === 'approved' || s.status === 'retired';
  const summary = (s: IndicatorSystem) => ({
    id: s.id,
    systemVersion: s.systemVersion,
    status: s.status,
    name: s.name,
    ...(s.template ? { template: s.template } : {}),
    leafCount: countLeaves(s.dimensions),
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  });
  const versionsOf = (id: string) =>
    db.systems.filter((s) => s.id === id).sort((a, b) => a.systemVersion - b.systemVersion);
  const systemView = (s: IndicatorSystem) => {
    const content = contentOf(s);
    return {
      ...s,
      issues: validateSystem(content, {
        unitGroups: db.groups.map((g) => g.code),
        knownCalculators: Object.keys(FINANCE_CALCULATORS),
      }),
      weights: weightSummary(content),
    };
  };
  const systemNotFound = () => notFound('指标体系', 'Indicator system');
  const findVersion = (id: string, v: string) =>
    db.systems.find((s) => s.id === id && s.systemVersion === Number(v));
  const createSystem = (content: unknown, template?: string) => {
    const at = now();
    const s = {
      ...(content as object),
      id: `isfake${String(nextSystem++).padStart(8, '0')}`,
      systemVersion: 1,
      status: 'draft',
      ...(template ? { template } : {}),
      version: 1,
      createdAt: at,
      updatedAt: at,
    } as IndicatorSystem;
    db.systems.push(s);
    return s;
  };

  app.get('/v1/indicator-templates', (c) =>
    c.json({
      items: TEMPLATES.map((x) => ({
        id: x.id,
        name: x.name,
        description: x.description,
        appliesTo: x.appliesTo,
        source: x.source,
        dimensions: x.content.dimensions.map((d) => ({ code: d.code, name: d.name, weight: d.weight })),
        leafCount: countLeaves(x.content.dimensions),
      })),
    }),
  );
  app.get('/v1/indicator-templates/:tid', (c) => {
    const x = TEMPLATES.find((y) => y.id === c.req.param('tid'));
    return x ? c.json({ ...x, weights: weightSummary(x.content) }) : notFound('模板', 'Template');
  });
  app.get('/v1/indicator-systems', (c) => {
    const ids = [...new Set(db.systems.map((s) => s.id))];
    const items = ids.flatMap((id) => {
      const vs = versionsOf(id);
      const latest = vs.at(-1)!;
      const approved = vs.filter((s) => s.status === 'approved').at(-1);
      if (canDrafts(c))
        return [
          {
            id,
            latest: summary(latest),
            ...(approved ? { approved: summary(approved) } : {}),
            versions: vs.length,
          },
        ];
      return approved
        ? [{ id, latest: summary(approved), approved: summary(approved), versions: vs.length }]
        : [];
    });
    return c.json(page(items, c.req.query('limit'), c.req.query('cursor')));
  });
  app.post('/v1/indicator-systems', async (c) => {
    if (!has(c, 'tenant_admin')) return forbidden();
    const b = await c.req.json<{ template?: string; content?: unknown }>();
    return once(c.req.header('idempotency-key'), () => {
      const x = TEMPLATES.find((y) => y.id === b.template);
      if (!x)
        return invalid([
          { path: 'body.template', zh: `模板 ${b.template} 不存在。`, en: 'unknown template' },
        ]);
      return c.json(systemView(createSystem(structuredClone(x.content), x.id)), 201);
    });
  });
  app.post('/v1/indicator-systems/import', async (c) => {
    if (!has(c, 'tenant_admin')) return forbidden();
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    // Stand-in for the workbook reader: "PK" (a zip) is a good workbook, anything else is refused.
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      return invalid([
        {
          path: 'file.指标体系!H5',
          zh: '指标体系 H5：权重“十”不是数字',
          en: '指标体系 H5: weight is not a number',
        },
        {
          path: 'file.指标体系!L7',
          zh: '指标体系 L7：评分方法“打分”无法识别',
          en: '指标体系 L7: unknown method',
        },
      ]);
    }
    const kpi = TEMPLATES.find((y) => y.id === 'kpi')!;
    return c.json(systemView(createSystem({ ...structuredClone(kpi.content), name: '导入的指标体系' })), 201);
  });
  app.get('/v1/indicator-systems/:sid', (c) => {
    const vs = versionsOf(c.req.param('sid')).filter((s) => visible(c, s));
    const newest = vs.at(-1);
    if (!newest) return systemNotFound();
    return c.json({ ...systemView(newest), versions: vs.map(summary) });
  });
  app.get('/v1/indicator-systems/:sid/versions/:v', (c) => {
    const s = findVersion(c.req.param('sid'), c.req.param('v'));
    return s && visible(c, s) ? c.json(systemView(s)) : systemNotFound();
  });
  app.put('/v1/indicator-systems/:sid/versions/:v', async (c) => {
    if (!has(c, 'tenant_admin')) return forbidden();
    const s = findVersion(c.req.param('sid'), c.req.param('v'));
    if (!s) return systemNotFound();
    const b = await c.req.json<{ version: number; content: unknown }>();
    const parsed = systemContentSchema.safeParse(b.content);
    if (!parsed.success) return invalid(zodIssuesToFields(parsed.error.issues, 'body.content'));
    if (s.status !== 'draft')
      return problem(409, 'not_editable', '只有草稿可以修改。', 'Only a draft can be changed.');
    if (b.version !== s.version) return conflict();
    const i = db.systems.indexOf(s);
    db.systems[i] = { ...s, ...parsed.data, version: s.version + 1, updatedAt: now() };
    return c.json(systemView(db.systems[i]!));
  });
  app.delete('/v1/indicator-systems/:sid/versions/:v', (c) => {
    if (!has(c, 'tenant_admin')) return forbidden();
    const s = findVersion(c.req.param('sid'), c.req.param('v'));
    if (!s) return systemNotFound();
    if (s.status !== 'draft')
      return problem(409, 'not_editable', '只有草稿可以删除。', 'Only a draft can be deleted.');
    if (Number(c.req.query('version')) !== s.version) return conflict();
    db.systems.splice(db.systems.indexOf(s), 1);
    return c.body(null, 204);
  });
  app.post('/v1/indicator-systems/:sid/versions/:v/transitions', async (c) => {
    if (!has(c, 'tenant_admin')) return forbidden();
    const s = findVersion(c.req.param('sid'), c.req.param('v'));
    if (!s) return systemNotFound();
    const b = await c.req.json<{ action: SystemAction; version: number; note?: string }>();
    let to: IndicatorSystem['status'];
    try {
      to = transition(s.status, b.action);
    } catch (e) {
      const err = e as AppError;
      return problem(err.status, err.code, err.zh, err.en);
    }
    if (b.action === 'submit' || b.action === 'approve') {
      const issues = systemView(s).issues;
      if (issues.length) return invalid(issues);
    }
    if (b.version !== s.version) return conflict();
    const i = db.systems.indexOf(s);
    db.systems[i] = {
      ...s,
      status: to,
      ...(b.note ? { statusNote: b.note } : {}),
      version: s.version + 1,
      updatedAt: now(),
    };
    return c.json(systemView(db.systems[i]!));
  });
  app.post('/v1/indicator-systems/:sid/versions', async (c) => {
    if (!has(c, 'tenant_admin')) return forbidden();
    const b = await c.req.json<{ from: number }>();
    const src = findVersion(c.req.param('sid'), String(b.from));
    if (!src) return systemNotFound();
    return once(c.req.header('idempotency-key'), () => {
      const latest = versionsOf(src.id).at(-1)!;
      const at = now();
      const s: IndicatorSystem = {
        ...contentOf(src),
        id: src.id,
        systemVersion: latest.systemVersion + 1,
        status: 'draft',
        ...(src.template ? { template: src.template } : {}),
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      db.systems.push(s);
      return c.json(systemView(s), 201);
    });
  });
  app.get('/v1/indicator-systems/:sid/versions/:v/export.xlsx', (c) => {
    const s = findVersion(c.req.param('sid'), c.req.param('v'));
    if (!s || !visible(c, s)) return systemNotFound();
    return new Response(new TextEncoder().encode('PK-fake-workbook'), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="system-v${s.systemVersion}.xlsx"`,
      },
    });
  });
  app.post('/v1/indicator-systems/:sid/versions/:v/trial', async (c) => {
    if (!has(c, 'tenant_admin')) return forbidden();
    const s = findVersion(c.req.param('sid'), c.req.param('v'));
    if (!s) return systemNotFound();
    const b = await c.req.json<{ units?: unknown }>();
    if (!Array.isArray(b.units) || b.units.length === 0)
      return invalid([
        { path: 'body.units', zh: '至少需要一个单位的数据', en: 'at least one unit is required' },
      ]);
    return c.json(scoreUnits(contentOf(s), b.units as never, { calculators: FINANCE_CALCULATORS }));
  });

  app.all('*', () => notFound('资源', 'Resource'));

  const parseJson = (text: string): unknown => {
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  };
  const fetch = async (req: Request): Promise<Response> => {
    const url = new URL(req.url);
    const text = req.body ? await req.clone().text() : '';
    calls.push({
      method: req.method,
      path: url.pathname + url.search,
      headers: Object.fromEntries(req.headers.entries()),
      body: parseJson(text),
    });
    return app.fetch(req);
  };
  return { fetch, db, calls };
}
