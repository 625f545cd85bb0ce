import {
  completeUscc,
  mapTemplateGroups,
  type TenantRole,
  templateContent,
  tenantFactsFor,
  type UnitType,
} from '@jixiao/core';
import { type DataLayer, ensureDivisions, keys } from '@jixiao/data';

/**
 * Demo data for the embedded stack: 黑龙江省 with 哈尔滨市 and 宾县, realistic unit groups and units,
 * and a user for every role. Seeded once; a marker item records that it ran.
 */
// Each step below checks before it writes, so bumping the marker adds new demo data to an old folder.
const SEED_MARKER = keys.seedMarker('demo-v3');

/** Indicator systems of 哈尔滨市: one in force (已备案), one being drafted. Fixed ids keep links stable. */
const HARBIN_SYSTEMS = [
  {
    id: 'ishrbdepartmnt',
    template: 'department',
    name: '哈尔滨市 2026 年度市直部门绩效评估指标体系',
    approve: true,
    // The template's 行政审批办理时限 applies to units that do approval work: here the economic and
    // enforcement departments.
    groups: { approval: ['ECON', 'ENFORCE'] },
  },
  {
    // The system the 2025 cycle evaluates against (demo-cycle.ts), filed the year before.
    id: 'ishrbdepartm25',
    template: 'department',
    name: '哈尔滨市 2025 年度市直部门绩效评估指标体系',
    approve: true,
    groups: { approval: ['ECON', 'ENFORCE'] },
  },
  {
    id: 'ishrbdistrict2',
    template: 'district_county',
    name: '哈尔滨市 2026 年度区县（市）政府绩效评估指标体系',
    approve: false,
  },
  {
    // Drafted by 市发改委 for itself (art. 20), not yet submitted to the office.
    id: 'ishrbfgwdrafts',
    template: 'department',
    name: '市发改委 2026 年度部门绩效评估指标体系（本单位编制稿）',
    approve: false,
    owner: 'FGW',
    groups: { approval: ['ECON', 'ENFORCE'] },
  },
];

type G = { code: string; name: string; description?: string };
type U = { code: string; name: string; type: UnitType; group: string; divisionCode?: string };
type P = { id: string; name: string; roles: TenantRole[]; unit?: string; phone?: string };

const HARBIN = {
  code: '230100',
  groups: [
    { code: 'ECON', name: '综合经济部门', description: '发展改革、财政、工信、商务、统计等' },
    { code: 'SOCIAL', name: '社会管理部门', description: '教育、卫生健康、人社、民政等' },
    { code: 'ENFORCE', name: '执法监管部门', description: '市场监管、生态环境、应急管理、城管等' },
    { code: 'DISTRICT', name: '区县（市）政府', description: '下考一级：所辖区、县（市）人民政府' },
    { code: 'WINDOW', name: '办事服务窗口' },
  ] as G[],
  units: [
    { code: 'FGW', name: '哈尔滨市发展和改革委员会', type: 'department', group: 'ECON' },
    { code: 'CZJ', name: '哈尔滨市财政局', type: 'department', group: 'ECON' },
    { code: 'GXJ', name: '哈尔滨市工业和信息化局', type: 'department', group: 'ECON' },
    { code: 'SWJ', name: '哈尔滨市商务局', type: 'department', group: 'ECON' },
    { code: 'TJJ', name: '哈尔滨市统计局', type: 'department', group: 'ECON' },
    { code: 'JYJ', name: '哈尔滨市教育局', type: 'department', group: 'SOCIAL' },
    { code: 'WJW', name: '哈尔滨市卫生健康委员会', type: 'department', group: 'SOCIAL' },
    { code: 'RSJ', name: '哈尔滨市人力资源和社会保障局', type: 'department', group: 'SOCIAL' },
    { code: 'MZJ', name: '哈尔滨市民政局', type: 'department', group: 'SOCIAL' },
    { code: 'SCJGJ', name: '哈尔滨市市场监督管理局', type: 'department', group: 'ENFORCE' },
    { code: 'STHJJ', name: '哈尔滨市生态环境局', type: 'department', group: 'ENFORCE' },
    { code: 'YJGLJ', name: '哈尔滨市应急管理局', type: 'department', group: 'ENFORCE' },
    { code: 'CGJ', name: '哈尔滨市城市管理局', type: 'department', group: 'ENFORCE' },
    {
      code: 'DAOLI',
      name: '道里区人民政府',
      type: 'district_government',
      group: 'DISTRICT',
      divisionCode: '230102',
    },
    {
      code: 'NANGANG',
      name: '南岗区人民政府',
      type: 'district_government',
      group: 'DISTRICT',
      divisionCode: '230103',
    },
    {
      code: 'DAOWAI',
      name: '道外区人民政府',
      type: 'district_government',
      group: 'DISTRICT',
      divisionCode: '230104',
    },
    {
      code: 'PINGFANG',
      name: '平房区人民政府',
      type: 'district_government',
      group: 'DISTRICT',
      divisionCode: '230108',
    },
    {
      code: 'SONGBEI',
      name: '松北区人民政府',
      type: 'district_government',
      group: 'DISTRICT',
      divisionCode: '230109',
    },
    {
      code: 'XIANGFANG',
      name: '香坊区人民政府',
      type: 'district_government',
      group: 'DISTRICT',
      divisionCode: '230110',
    },
    {
      code: 'HULAN',
      name: '呼兰区人民政府',
      type: 'district_government',
      group: 'DISTRICT',
      divisionCode: '230111',
    },
    {
      code: 'ACHENG',
      name: '阿城区人民政府',
      type: 'district_government',
      group: 'DISTRICT',
      divisionCode: '230112',
    },
    {
      code: 'SHUANGCHENG',
      name: '双城区人民政府',
      type: 'district_government',
      group: 'DISTRICT',
      divisionCode: '230113',
    },
    { code: 'ZWFW', name: '哈尔滨市政务服务中心', type: 'service_window', group: 'WINDOW' },
  ] as U[],
  users: [
    { id: 'hrb-admin', name: '王丽（市考核办）', roles: ['tenant_admin'], phone: '13800451001' },
    { id: 'hrb-fgw', name: '李强（市发改委）', roles: ['unit_user'], unit: 'FGW' },
    { id: 'hrb-jyj', name: '张敏（市教育局）', roles: ['unit_user'], unit: 'JYJ' },
    { id: 'hrb-daoli', name: '刘洋（道里区政府）', roles: ['unit_user'], unit: 'DAOLI' },
    { id: 'hrb-tjj', name: '陈静（市统计局）', roles: ['data_provider'], unit: 'TJJ' },
    { id: 'hrb-expert', name: '赵教授（评审专家）', roles: ['expert'] },
    { id: 'hrb-evaluator', name: '孙工（第三方评估机构）', roles: ['evaluator'] },
    { id: 'hrb-observer', name: '周主任（市人大）', roles: ['observer'] },
  ] as P[],
};

const BINXIAN = {
  code: '230125',
  groups: [
    { code: 'ECON', name: '县直经济部门' },
    { code: 'SOCIAL', name: '县直社会管理部门' },
    { code: 'TOWN', name: '乡镇人民政府' },
  ] as G[],
  units: [
    { code: 'FGJ', name: '宾县发展和改革局', type: 'department', group: 'ECON' },
    { code: 'CZJ', name: '宾县财政局', type: 'department', group: 'ECON' },
    { code: 'JYJ', name: '宾县教育局', type: 'department', group: 'SOCIAL' },
    { code: 'WJJ', name: '宾县卫生健康局', type: 'department', group: 'SOCIAL' },
    { code: 'BZZ', name: '宾州镇人民政府', type: 'district_government', group: 'TOWN' },
    { code: 'BXZ', name: '宾西镇人民政府', type: 'district_government', group: 'TOWN' },
    { code: 'JRZ', name: '居仁镇人民政府', type: 'district_government', group: 'TOWN' },
  ] as U[],
  users: [
    { id: 'bx-admin', name: '马红（县考核办）', roles: ['tenant_admin'] },
    { id: 'bx-czj', name: '高峰（县财政局）', roles: ['unit_user'], unit: 'CZJ' },
    { id: 'bx-expert', name: '吴研究员（评审专家）', roles: ['expert'] },
  ] as P[],
};

const PROVINCE = {
  code: '230000',
  groups: [] as G[],
  units: [] as U[],
  users: [
    { id: 'hlj-admin', name: '黄伟（省绩效办）', roles: ['tenant_admin'] },
    { id: 'hlj-analyst', name: '郑楠（省级分析）', roles: ['provincial_analyst'] },
  ] as P[],
};

export const DEMO_OPERATOR = { id: 'ops', name: '平台运营（值班）', roles: ['platform_operator'] };

export async function seedDemoData(data: DataLayer, now: () => Date): Promise<boolean> {
  if (await data.store.get(SEED_MARKER)) return false;
  const put = (Item: Record<string, unknown>) =>
    data.store.doc.put({ TableName: data.store.tableName, Item });
  const at = now().toISOString();
  await put({
    ...keys.platformUser(DEMO_OPERATOR.id),
    ...DEMO_OPERATOR,
    entity: 'platformUser',
    createdAt: at,
  });
  await ensureDivisions(); // tenantFactsFor looks the tenants up in the GB/T 2260 table
  for (const t of [PROVINCE, HARBIN, BINXIAN]) {
    if (!(await data.tenants.get(t.code))) {
      await data.tenants.create({
        ...tenantFactsFor(t.code),
        planStatus: t.code === '230125' ? 'trial' : 'active',
      });
    }
    for (const g of t.groups) {
      if (!(await data.org.getGroup(t.code, g.code)))
        await data.org.createGroup(t.code, { ...g, sortOrder: 100 });
    }
    let serial = 0;
    for (const u of t.units) {
      serial++;
      if (await data.org.getUnit(t.code, u.code)) continue;
      // 机关 (registration 1, category 1) + division + a demo organisation code.
      const uscc = completeUscc(`11${t.code}MB${String(1000000 + serial * 7919).slice(-7)}`);
      await data.org.createUnit(t.code, { ...u, uscc, active: true });
    }
    for (const p of t.users) {
      if (!(await data.org.getUser(t.code, p.id))) await data.org.createUser(t.code, { ...p, active: true });
    }
  }
  for (const sys of HARBIN_SYSTEMS) {
    if ((await data.indicatorSystems.versions(HARBIN.code, sys.id)).length) continue;
    const created = await data.indicatorSystems.createVersion(HARBIN.code, {
      id: sys.id,
      systemVersion: 1,
      content: mapTemplateGroups({ ...templateContent(sys.template)!, name: sys.name }, sys.groups ?? {}),
      template: sys.template,
      ...(sys.owner ? { owner: sys.owner } : {}),
    });
    if (sys.approve) {
      const submitted = await data.indicatorSystems.setStatus(
        HARBIN.code,
        sys.id,
        1,
        created.version,
        ['draft'],
        'submitted',
      );
      await data.indicatorSystems.setStatus(
        HARBIN.code,
        sys.id,
        1,
        submitted.version,
        ['submitted'],
        'approved',
        '经市绩效管理委员会审查，同意备案。',
      );
    }
  }
  await put({ ...SEED_MARKER, seededAt: at });
  return true;
}
