import { MONEY_UNIT_LABELS } from '@jixiao/core';
import type { DemoCall, Loose } from './demo-api';
import { lockstep, type ProvinceDriver, tenantCaller } from './demo-province-api';
import type { ProvinceTenant } from './demo-province-tenants';

/**
 * The comparison itself, through the API: 黑龙江省's office writes its standard library; each tenant
 * maps its leaves and shares its released 2024 and 2025 results with the province (a county also
 * with 哈尔滨市); 哈尔滨市 shares its released 2024 special evaluation when the demo year made one;
 * the province defines four peer groups (分类考核); 哈尔滨市 sends two guidance documents to its
 * counties. Every write checks what is there first, so a replay cut short is simply run again.
 * Names, definitions, weights and documents are examples (示例).
 */

const PROVINCE = '230000';
const HARBIN = '230100';
const PROVINCE_ADMIN = 'hlj-admin';
const HARBIN_ADMIN = 'hrb-admin';

const SOURCE = '示例：标准指标的名称、定义、公式和权重为演示用，非省级正式文件';

export const STANDARDS: Record<string, Loose> = {
  S01: {
    name: '预算执行率',
    dimension: '投入管理',
    definition: '部门年度实际支出占经批准的年度预算的比例，反映预算执行进度和财政资金使用效率。',
    unit: '%',
    direction: 'higher',
    formula: '预算执行率 = 年度实际支出 ÷ 年度预算 × 100%（各部门平均）',
    weight: 20,
  },
  S02: {
    name: '“三公”经费支出',
    dimension: '投入管理',
    definition: '因公出国（境）费、公务用车购置及运行费、公务接待费的年度决算支出，按部门平均，越低越好。',
    unit: MONEY_UNIT_LABELS.ten_thousand_yuan.zh,
    direction: 'lower',
    formula: '“三公”经费支出 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费（各部门平均，万元）',
    weight: 15,
  },
  S03: {
    name: '年度重点工作任务完成率',
    dimension: '履职产出',
    definition: '经审核的年度绩效计划确定的重点工作任务中，年底前完成的比例。',
    unit: '%',
    direction: 'higher',
    formula: '完成率 = 已完成任务数 ÷ 计划任务数 × 100%（各部门平均）',
    weight: 25,
  },
  S04: {
    name: '重点工作按期完成率',
    dimension: '履职产出',
    definition: '年度绩效计划里程碑中按期完成的比例，反映工作推进的及时性。',
    unit: '%',
    direction: 'higher',
    formula: '按期完成率 = 按期完成的里程碑数 ÷ 计划里程碑数 × 100%（各部门平均）',
    weight: 20,
  },
  S05: {
    name: '服务对象满意度',
    dimension: '社会效果',
    definition: '服务对象满意度测评中“满意”和“很满意”的有效样本占全部有效样本的比例。',
    unit: '%',
    direction: 'higher',
    formula: '满意度 = （很满意 + 满意）样本数 ÷ 有效样本数 × 100%',
    weight: 20,
  },
};

/** The leaves of the `department` template each tenant maps (S05 has no numeric leaf: nobody maps it). */
const MAPPED: [string, string][] = [
  ['D1-1', 'S01'],
  ['D1-2', 'S02'],
  ['D2-1', 'S03'],
  ['D2-2', 'S04'],
];

export const PEER_GROUPS: Record<string, Loose> = {
  'CITY-DEV': {
    name: '重点开发区域城市',
    description: '按主体功能区划属于重点开发区域的地级市，侧重重点任务推进（示例）。',
    members: ['230100', '230200', '230600', '231000', '230800'],
    weights: { S01: 15, S02: 10, S03: 35, S04: 25, S05: 15 },
    method: 'efficacy',
  },
  'CITY-ECO': {
    name: '资源型和生态功能区城市',
    description: '资源型城市和重点生态功能区城市，侧重预算管理和厉行节约（示例）。',
    members: ['230300', '230700', '231100', '231200'],
    weights: { S01: 25, S02: 25, S03: 20, S04: 15, S05: 15 },
    method: 'efficacy',
  },
  'COUNTY-AGRI': {
    name: '农产品主产区县（市）',
    description: '哈尔滨市所辖农产品主产区县，侧重基本公共服务（示例）。',
    members: ['230125', '230126', '230124', '230123'],
    weights: { S01: 20, S02: 15, S03: 25, S04: 20, S05: 20 },
    method: 'percentile',
  },
  'COUNTY-DEV': {
    name: '重点开发县（市）',
    description: '哈尔滨市所辖重点开发县级市（示例）。',
    members: ['230183', '230184'],
    weights: { S01: 20, S02: 10, S03: 30, S04: 30, S05: 10 },
    method: 'zscore',
    grades: { excellent: 50, good: 50, fair: 0 },
  },
};

const GUIDANCE = [
  {
    day: '2025-02-20',
    title: '关于做好2025年度县（市）政府绩效管理工作的指导意见',
    reference: '哈绩效办〔2025〕2号',
    body: [
      '各县（市）绩效管理机构：',
      '为推进全市政府绩效管理工作规范化，现就做好 2025 年度县（市）政府绩效管理工作提出如下意见。',
      '一、统一指标口径。各县（市）政府工作部门绩效评估指标体系中，预算执行率、“三公”经费支出、年度重点工作任务完成率、重点工作按期完成率四项指标，请对照省级标准指标库完成对标，计量单位不一致的注明换算系数。',
      '二、按时完成年度评估。年终评估结果经评议会审议并发布后，请于次年 1 月底前向省绩效办和市考核办共享评估结果。',
      '三、加强数据质量。一数一源，由财政、审计等部门提供的数据须经核验后使用。',
      '（示例）',
    ].join('\n'),
  },
  {
    day: '2025-11-10',
    title: '关于开展2025年度绩效评估结果共享和对标分析工作的通知',
    reference: '哈绩效办〔2025〕9号',
    body: [
      '各县（市）绩效管理机构：',
      '省绩效办将按分类考核组对各地评估结果开展对标分析。请各县（市）在年终评估结果发布后，通过系统向省绩效办和市考核办共享，并核对指标对标和覆盖率。',
      '共享的是评估结果汇总和对标指标值，不含各单位的原始数据和佐证材料；如需撤回，请说明理由。',
      '（示例）',
    ].join('\n'),
  },
];

interface Sharer {
  code: string;
  kind: 'city' | 'county';
  admin: string;
  system: string;
  call: DemoCall;
  /** Factor of D1-2 into 万元 (大庆市 keeps 元). */
  d12: number;
}

export async function seedProvinceSharing(
  d: ProvinceDriver,
  tenants: readonly ProvinceTenant[],
): Promise<void> {
  const province = tenantCaller(d, PROVINCE);
  const harbin = tenantCaller(d, HARBIN);
  const sharers: Sharer[] = tenants.map((t) => ({
    code: t.code,
    kind: t.kind,
    admin: t.admin,
    system: t.system,
    call: tenantCaller(d, t.code),
    d12: t.yuan ? 0.0001 : 1,
  }));

  // The province's library.
  d.at('2025-01-08');
  const have = new Set(
    ((await province(PROVINCE_ADMIN, 'GET', '/v1/standards')).items as Loose[]).map((s) => s.code),
  );
  for (const [code, s] of Object.entries(STANDARDS))
    if (!have.has(code))
      await province(PROVINCE_ADMIN, 'PUT', `/v1/standards/${code}`, { ...s, source: SOURCE });

  // Each tenant maps the four numeric leaves (哈尔滨市 the system of its 2024 special evaluation).
  const special = await harbinSpecial2024(harbin);
  const mappers = [
    ...sharers,
    ...(special ? [{ code: HARBIN, admin: HARBIN_ADMIN, system: special.system, call: harbin, d12: 1 }] : []),
  ];
  await lockstep(d, '2025-01-09', mappers, async (s) => {
    const path = `/v1/standard-mappings/${s.system}`;
    const found = ((await s.call(s.admin, 'GET', '/v1/standard-mappings')).items as Loose[]).find(
      (m) => m.system === s.system,
    );
    if (found) return;
    await s.call(s.admin, 'PUT', path, {
      items: MAPPED.map(([leaf, standard]) => ({
        leaf,
        standard,
        factor: leaf === 'D1-2' ? s.d12 : 1,
        aggregate: 'mean',
      })),
    });
  });

  // 2024: every tenant shares with the province, a county also with 哈尔滨市; 哈尔滨市 its special evaluation.
  await lockstep(d, '2025-01-21', sharers, (s) => shareYear(s, 2024));
  if (special)
    await share(harbin, HARBIN_ADMIN, special.cycle, 'province', '2024 年度民生领域专项绩效评估结果（示例）');

  // The peer groups (分类考核).
  d.at('2025-01-22');
  const groups = new Set(
    ((await province(PROVINCE_ADMIN, 'GET', '/v1/peer-groups')).items as Loose[]).map((g) => g.code),
  );
  for (const [code, g] of Object.entries(PEER_GROUPS))
    if (!groups.has(code)) await province(PROVINCE_ADMIN, 'PUT', `/v1/peer-groups/${code}`, g);

  // 哈尔滨市's guidance to its counties.
  const sent = new Set(
    ((await harbin(HARBIN_ADMIN, 'GET', '/v1/guidance/sent?limit=100')).items as Loose[]).map((g) => g.title),
  );
  for (const g of GUIDANCE) {
    if (sent.has(g.title)) continue;
    d.at(g.day);
    await harbin(HARBIN_ADMIN, 'POST', '/v1/guidance', {
      title: g.title,
      reference: g.reference,
      body: g.body,
      to: [],
    });
  }

  await lockstep(d, '2026-01-20', sharers, (s) => shareYear(s, 2025));
}

/** 哈尔滨市's released 2024 special evaluation (demo-results.ts), if the demo year made one. */
async function harbinSpecial2024(harbin: DemoCall): Promise<{ cycle: string; system: string } | undefined> {
  const cycles = (await harbin(HARBIN_ADMIN, 'GET', '/v1/cycles')).items as Loose[];
  const c = cycles.find((x) => x.year === 2024 && x.kind === 'special');
  if (!c) return undefined;
  const ov = await harbin(HARBIN_ADMIN, 'GET', `/v1/cycles/${c.id}/evaluation`);
  if (!ov.released) return undefined;
  const full = await harbin(HARBIN_ADMIN, 'GET', `/v1/cycles/${c.id}`);
  return { cycle: c.id, system: full.bindings[0].system };
}

async function shareYear(s: Sharer, year: number): Promise<void> {
  const cycles = (await s.call(s.admin, 'GET', '/v1/cycles')).items as Loose[];
  const c = cycles.find((x) => x.year === year && x.kind === 'annual');
  if (!c) throw new Error(`demo: ${s.code} has no ${year} cycle to share`);
  const note = `${year} 年度政府工作部门绩效评估结果（示例）`;
  await share(s.call, s.admin, c.id, 'province', note);
  if (s.kind === 'county') await share(s.call, s.admin, c.id, 'city', note);
}

async function share(call: DemoCall, admin: string, cycle: string, to: string, note: string): Promise<void> {
  const shares = (await call(admin, 'GET', `/v1/cycles/${cycle}/shares`)).items as Loose[];
  if (shares.some((r) => r.recipientKind === to && r.status === 'shared')) return;
  await call(admin, 'POST', `/v1/cycles/${cycle}/shares`, { to, note });
}
