import {
  completeUscc,
  type IndicatorNode,
  isBranch,
  MONEY_UNIT_LABELS,
  mapTemplateGroups,
  type SystemContent,
  type TenantRole,
  templateContent,
  tenantFactsFor,
} from '@jixiao/core';
import { type DataLayer, ensureDivisions } from '@jixiao/data';

/**
 * The tenants of 黑龙江省's comparison demo (#12): eight cities and six counties under 哈尔滨市, each
 * with an office admin, three departments in one group with their liaisons (宾县, already a demo
 * tenant, its four departments in two groups), and the `department` template filed as its system. Seeded through the data layer the way demo-data.ts seeds
 * 哈尔滨市 (check before write, fixed ids); everything after this goes through the API. Names, people
 * and numbers are examples (示例).
 */

/** The four leaves the office supplies each year, in this order. */
export const SUPPLIED_LEAVES = ['D1-1', 'D1-2', 'D2-1', 'D2-2'] as const;
/** A tenant's year: 预算执行率 %, “三公”经费 per department 万元, 重点任务完成率 %, 按期完成率 %. */
type Year = readonly [number, number, number, number];

export interface DemoUnit {
  code: string;
  name: string;
  /** Its liaison (绩效联络员), who drafts the unit's plan. */
  user: string;
}

export interface ProvinceTenant {
  code: string;
  name: string;
  kind: 'city' | 'county';
  /** The office admin (tenant_admin). */
  admin: string;
  /** The filed `department` system its cycles bind (fixed id). */
  system: string;
  /** The unit groups its cycles evaluate. */
  groups: string[];
  units: DemoUnit[];
  /** The tenant's averages per year; units spread around them (see `unitValue`). */
  values: Record<2024 | 2025, Year>;
  /** 大庆市 keeps “三公”经费 in 元 (its copy's D1-2 unit) and maps it with factor 0.0001. */
  yuan?: boolean;
}

/** The group the new tenants' three departments are in, and the template's approval group. */
const DEPT = 'DEPT';
const APPROVAL = 'APPROVAL';

/** code, name (as in GB/T 2260), user prefix, the admin's name, the 2024 and 2025 averages. */
type Seed = readonly [string, string, string, string, Year, Year];

// Some improve, some fall, so ranks, 增幅 and trends have something to show (示例).
const CITIES: readonly Seed[] = [
  ['230200', '齐齐哈尔市', 'qqhr', '刘建国', [93.2, 42.0, 92, 86], [95.6, 38.5, 95, 90]],
  ['230300', '鸡西市', 'jixi', '张秀兰', [89.5, 35.0, 88, 80], [87.8, 37.2, 86, 78]],
  ['230600', '大庆市', 'daqi', '王志刚', [96.8, 58.0, 97, 93], [97.5, 52.0, 98, 95]],
  ['230700', '伊春市', 'yich', '李春燕', [87.0, 22.0, 85, 76], [91.5, 20.5, 91, 84]],
  ['230800', '佳木斯市', 'jmsi', '赵海波', [94.1, 39.5, 94, 90], [92.0, 41.0, 90, 85]],
  ['231000', '牡丹江市', 'mdji', '孙丽华', [92.5, 36.0, 95, 88], [94.0, 34.8, 96, 89]],
  ['231100', '黑河市', 'heih', '周德明', [90.2, 24.5, 90, 82], [89.9, 26.0, 92, 80]],
  ['231200', '绥化市', 'suih', '吴雪梅', [85.4, 31.0, 83, 72], [90.3, 28.2, 89, 81]],
];

const COUNTIES: readonly Seed[] = [
  ['230123', '依兰县', 'yila', '郑玉华', [91.0, 12.5, 89, 84], [88.5, 13.8, 87, 79]],
  ['230124', '方正县', 'fzhx', '冯立军', [88.2, 9.8, 86, 78], [92.4, 9.1, 93, 88]],
  ['230125', '宾县', 'bx', '', [93.5, 14.2, 92, 87], [94.8, 13.0, 95, 91]],
  ['230126', '巴彦县', 'bayn', '陈淑芬', [86.7, 11.0, 84, 75], [85.9, 12.4, 85, 77]],
  ['230183', '尚志市', 'shzh', '杨国栋', [95.2, 16.8, 96, 91], [96.1, 15.5, 97, 94]],
  ['230184', '五常市', 'wuch', '何桂英', [92.8, 18.5, 94, 89], [90.6, 19.9, 91, 83]],
];

/** 大庆市 keeps “三公”经费 in 元. */
const YUAN = '230600';
const SEEDS = [...CITIES, ...COUNTIES];

const NEW_UNITS = [
  { code: 'CZJ', name: '财政局' },
  { code: 'JYJ', name: '教育局' },
  { code: 'WJW', name: '卫生健康委员会', county: '卫生健康局' },
];

/** 宾县 is already a demo tenant (demo-data.ts): its four departments, one liaison already there. */
const BINXIAN_UNITS: DemoUnit[] = [
  { code: 'FGJ', name: '宾县发展和改革局', user: 'bx-fgj' },
  { code: 'CZJ', name: '宾县财政局', user: 'bx-czj' },
  { code: 'JYJ', name: '宾县教育局', user: 'bx-jyj' },
  { code: 'WJJ', name: '宾县卫生健康局', user: 'bx-wjj' },
];

function tenantOf([code, name, abbr, , v2024, v2025]: Seed, kind: 'city' | 'county'): ProvinceTenant {
  const base = {
    code,
    name,
    kind,
    values: { 2024: v2024, 2025: v2025 },
    system: `is${abbr.padEnd(4, 'x')}deptsyst`,
    ...(code === YUAN ? { yuan: true } : {}),
  };
  if (code === '230125')
    return { ...base, admin: 'bx-admin', groups: ['ECON', 'SOCIAL'], units: BINXIAN_UNITS };
  return {
    ...base,
    admin: `${abbr}-admin`,
    groups: [DEPT],
    units: NEW_UNITS.map((u) => ({
      code: u.code,
      name: `${name}${kind === 'county' && u.county ? u.county : u.name}`,
      user: `${abbr}-${u.code.toLowerCase()}`,
    })),
  };
}

export const PROVINCE_TENANTS: readonly ProvinceTenant[] = [
  ...CITIES.map((s) => tenantOf(s, 'city')),
  ...COUNTIES.map((s) => tenantOf(s, 'county')),
];

/** How the tenant's own offices are called: 市 for a city or a county-level city (尚志市), else 县. */
export const levelWord = (t: ProvinceTenant): '市' | '县' => (t.name.endsWith('市') ? '市' : '县');

const ADMIN_NAMES = new Map(SEEDS.map(([code, , , admin]) => [code, admin]));

/**
 * A unit's value of a supplied leaf: the tenant's average spread over its departments (财政局 a
 * little above, the others below), percentages capped at 100, “三公”经费 in 元 for 大庆市.
 */
export function unitValue(t: ProvinceTenant, year: 2024 | 2025, leaf: string, i: number): number {
  const k = SUPPLIED_LEAVES.indexOf(leaf as (typeof SUPPLIED_LEAVES)[number]);
  const avg = t.values[year][k]!;
  if (leaf === 'D1-2') {
    const wan = Math.round(avg * [0.85, 1.05, 1.1, 1][i % 4]! * 10) / 10;
    return t.yuan ? Math.round(wan * 10_000) : wan;
  }
  return Math.min(100, Math.round((avg + [1.2, -0.4, -0.8, 0][i % 4]!) * 10) / 10);
}

/** The `department` template for a tenant: its approval group, and 大庆市's D1-2 in 元. */
function systemContent(t: ProvinceTenant): SystemContent {
  const content = mapTemplateGroups(
    { ...templateContent('department')!, name: `${t.name} 政府工作部门绩效评估指标体系（2024—2025 年度）` },
    { approval: [APPROVAL] },
  );
  if (!t.yuan) return content;
  const walk = (n: IndicatorNode): IndicatorNode =>
    isBranch(n)
      ? { ...n, children: n.children.map(walk) as typeof n.children }
      : n.code === 'D1-2'
        ? {
            ...n,
            unitOfMeasure: MONEY_UNIT_LABELS.yuan.zh,
            criteria: `${n.criteria ?? ''}本市按元统计；向省里共享时按 1 元 = 0.0001 万元换算（示例）。`,
          }
        : n;
  return { ...content, dimensions: content.dimensions.map(walk) as SystemContent['dimensions'] };
}

/** Registry records, groups, units, users and the filed system of every province demo tenant. */
export async function seedProvinceTenants(data: DataLayer): Promise<void> {
  await ensureDivisions();
  for (const t of PROVINCE_TENANTS) {
    if (!(await data.tenants.get(t.code)))
      await data.tenants.create({ ...tenantFactsFor(t.code), planStatus: 'active' });
    const level = levelWord(t);
    const groups = [
      ...(t.groups.includes(DEPT)
        ? [{ code: DEPT, name: `${level}政府工作部门`, description: '财政、教育、卫生健康等政府工作部门' }]
        : []),
      {
        code: APPROVAL,
        name: '承担行政审批职能的部门',
        description: '指标体系中“行政审批办理时限”的适用分组；本示例的考核范围暂不含此类部门。',
      },
    ];
    for (const g of groups)
      if (!(await data.org.getGroup(t.code, g.code)))
        await data.org.createGroup(t.code, { ...g, sortOrder: 100 });
    for (const [i, u] of t.units.entries()) {
      if (await data.org.getUnit(t.code, u.code)) continue;
      const uscc = completeUscc(`11${t.code}MB${String(1000000 + (i + 1) * 7919).slice(-7)}`);
      await data.org.createUnit(t.code, {
        code: u.code,
        name: u.name,
        type: 'department',
        group: DEPT,
        uscc,
        active: true,
      });
    }
    const people: { id: string; name: string; roles: TenantRole[]; unit?: string }[] = [
      ...(ADMIN_NAMES.get(t.code)
        ? [
            {
              id: t.admin,
              name: `${ADMIN_NAMES.get(t.code)}（${level}考核办）`,
              roles: ['tenant_admin' as const],
            },
          ]
        : []),
      ...t.units.map((u) => ({
        id: u.user,
        name: `${u.name.slice(t.name.length)}绩效联络员`,
        roles: ['unit_user' as const],
        unit: u.code,
      })),
    ];
    for (const p of people)
      if (!(await data.org.getUser(t.code, p.id))) await data.org.createUser(t.code, { ...p, active: true });
    if ((await data.indicatorSystems.versions(t.code, t.system)).length) continue;
    const created = await data.indicatorSystems.createVersion(t.code, {
      id: t.system,
      systemVersion: 1,
      content: systemContent(t),
      template: 'department',
    });
    const submitted = await data.indicatorSystems.setStatus(
      t.code,
      t.system,
      1,
      created.version,
      ['draft'],
      'submitted',
    );
    await data.indicatorSystems.setStatus(
      t.code,
      t.system,
      1,
      submitted.version,
      ['submitted'],
      'approved',
      `经${t.name}政府绩效管理委员会审查，同意备案（示例）。`,
    );
  }
}
