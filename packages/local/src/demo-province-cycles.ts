import type { DemoCall, Loose } from './demo-api';
import { finishedRun, lockstep, type ProvinceDriver, tenantCaller } from './demo-province-api';
import {
  levelWord,
  PROVINCE_TENANTS,
  type ProvinceTenant,
  SUPPLIED_LEAVES,
  unitValue,
} from './demo-province-tenants';

/**
 * One annual cycle of every province demo tenant, replayed through the API as 哈尔滨市's 2024 special
 * evaluation is (demo-results.ts): plans drafted, consulted on, submitted and approved; monitoring;
 * self-assessment; the year's values supplied by the office; verification with the office's
 * determinations (incidents against the deduction leaves, the expert and survey leaves exempted);
 * review with a concluded meeting; an official run on the real state machine; release. The 2024
 * cycles are then closed after the appeal window; the 2025 ones stay in review.
 *
 * All tenants move together one day at a time (the clock is global). Every step looks at where a
 * cycle stands before it acts, so a replay cut short picks up where it stopped.
 */

type Y = 2024 | 2025;

interface Ctx {
  t: ProvinceTenant;
  /** Where the tenant's demo sits in the table (varies incidents). */
  n: number;
  year: Y;
  call: DemoCall;
  admin: (method: string, path: string, body?: unknown) => Promise<Loose>;
  cycle?: { id: string; state: string; version: number };
  /** Each unit's plan as last written (a replay that resumes reads it again). */
  plans: Map<string, Loose>;
  run?: string;
  /** A run a stopped process left running (its lease runs out the next day). */
  orphan?: boolean;
}

export async function replayProvinceYear(
  d: ProvinceDriver,
  tenants: readonly ProvinceTenant[],
  year: Y,
): Promise<void> {
  const ctxs: Ctx[] = tenants.map((t) => {
    const call = tenantCaller(d, t.code);
    return {
      t,
      n: PROVINCE_TENANTS.indexOf(t),
      year,
      call,
      plans: new Map(),
      admin: (method, path, body) => call(t.admin, method, path, body),
    };
  });
  const y = String(year);
  const next = String(year + 1);
  const steps: [string, (c: Ctx) => Promise<void>][] = [
    [`${y}-01-10`, openCycle],
    [`${y}-02-10`, draftPlans],
    [`${y}-02-18`, submitPlans],
    [`${y}-02-24`, approvePlans],
    [`${y}-04-01`, move('planning', 'start_monitoring')],
    [`${y}-12-01`, move('monitoring', 'open_self_assessment')],
    [`${y}-12-10`, supplyValues],
    [`${y}-12-15`, move('self_assessment', 'start_verification')],
    [`${y}-12-17`, determine],
    [`${y}-12-22`, move('verification', 'start_review')],
    [`${y}-12-26`, holdMeeting],
  ];
  for (const [day, step] of steps) await lockstep(d, day, ctxs, step);
  // The official runs, all on one day, a few at a time (each renders every unit's reports: the real
  // batch); each wave is awaited one run at a time, so polling stays one request at a time.
  d.at(`${y}-12-29`);
  for (let i = 0; i < ctxs.length; i += RUNS_AT_ONCE) {
    const wave = ctxs.slice(i, i + RUNS_AT_ONCE);
    await Promise.all(wave.map(startRun));
    for (const c of wave) if (c.run && !c.orphan) await finishedRun(c.call, c.t.admin, c.cycle!.id, c.run);
  }
  // A replay cut short during the runs left them running with nobody executing them: the next day
  // their lease has run out, and they are resumed as the office would.
  const orphans = ctxs.filter((c) => c.orphan);
  if (orphans.length) {
    d.at(`${y}-12-30`);
    for (const c of orphans)
      await c.admin('POST', `/v1/cycles/${c.cycle!.id}/evaluation/runs/${c.run}/resume`);
    for (const c of orphans) await finishedRun(c.call, c.t.admin, c.cycle!.id, c.run!);
  }
  await lockstep(d, `${y}-12-30`, ctxs, release);
  if (year === 2024) await lockstep(d, `${next}-02-28`, ctxs, move('review', 'close'));
}

const RUNS_AT_ONCE = 7;

const calendar = (year: Y) => ({
  planDeadline: `${year}-03-31`,
  consultationDays: 7,
  progressPeriods: [],
  selfAssessment: { opens: `${year}-12-01`, closes: `${year}-12-12` },
  verification: { opens: `${year}-12-15`, closes: `${year}-12-19` },
  review: { opens: `${year}-12-22`, closes: `${year}-12-31` },
  appeal: { opens: `${year + 1}-01-05`, closes: `${year + 1}-01-16` },
});

async function openCycle(c: Ctx): Promise<void> {
  const found = ((await c.admin('GET', '/v1/cycles')).items as Loose[]).find(
    (x) => x.year === c.year && x.kind === 'annual',
  );
  const cycle =
    found ??
    (await c.admin('POST', '/v1/cycles', {
      name: `${c.t.name} ${c.year} 年度政府工作部门绩效评估`,
      year: c.year,
      kind: 'annual',
      scope: `${c.t.name}政府工作部门（${c.t.units.map((u) => u.name.slice(c.t.name.length)).join('、')}），按年度开展绩效评估（示例）。`,
      bindings: [{ system: c.t.system, systemVersion: 1, groups: c.t.groups }],
      calendar: calendar(c.year),
    }));
  c.cycle = { id: cycle.id, state: cycle.state, version: cycle.version };
  await move('draft', 'open_planning')(c);
}

/** A forward transition of the cycle, if it is in `from`. */
function move(from: string, action: string) {
  return async (c: Ctx): Promise<void> => {
    if (c.cycle?.state !== from) return;
    const moved = await c.admin('POST', `/v1/cycles/${c.cycle.id}/transitions`, {
      version: c.cycle.version,
      action,
    });
    c.cycle = { id: moved.id, state: moved.state, version: moved.version };
  };
}

const planPath = (c: Ctx, unit: string) => `/v1/cycles/${c.cycle!.id}/plans/${unit}`;

/** A plan transition from the version last seen (every plan write answers with the plan). */
const planStep = (c: Ctx, who: string, unit: string, plan: Loose, action: string): Promise<Loose> =>
  c.call(who, 'POST', `${planPath(c, unit)}/transitions`, { version: plan.version, action });

/** The budget of “三公”经费 the plan states (the reverse rule's target): a little over the average. */
function budget(c: Ctx, i: number): number {
  const avg = [0, 1, 2].reduce((s, k) => s + unitValue(c.t, c.year, 'D1-2', k), 0) / 3;
  const b = avg * (1.02 + 0.01 * ((c.n + i) % 3));
  return c.t.yuan ? Math.round(b) : Math.round(b * 10) / 10;
}

/** Each liaison drafts the unit's plan and opens it for public comment (art. 11). */
async function draftPlans(c: Ctx): Promise<void> {
  if (c.cycle?.state !== 'planning') return;
  for (const [i, u] of c.t.units.entries()) {
    let view = await c.call(u.user, 'GET', planPath(c, u.code));
    if (!view.plan) {
      view = await c.call(u.user, 'PUT', planPath(c, u.code), {
        basis: `依据${c.t.name}${c.year} 年政府工作报告、部门预算和本单位三定职责确定年度绩效目标。`,
        items: (view.leaves as Loose[]).map((l) => ({
          leaf: l.code,
          ...(l.needsNumber
            ? { target: l.officeTarget ?? (l.code === 'D1-2' ? budget(c, i) : 100) }
            : { targetText: `按期完成${l.name}相关工作` }),
          basis: '上年完成情况和本年度工作安排',
          standard: '按指标体系评分标准评估',
          measures: '项目化推进，按月调度',
          owner: '办公室',
        })),
      });
    }
    let plan = view.plan;
    if (plan.status === 'draft' && !plan.consultation)
      plan = (await planStep(c, u.user, u.code, plan, 'open_consultation')).plan;
    c.plans.set(u.code, plan);
  }
}

/** The consultation closes after its week; the plan is submitted. */
async function submitPlans(c: Ctx): Promise<void> {
  if (c.cycle?.state !== 'planning') return;
  for (const u of c.t.units) {
    let plan = c.plans.get(u.code) ?? (await c.call(u.user, 'GET', planPath(c, u.code))).plan;
    if (plan.status === 'consultation')
      plan = (await planStep(c, u.user, u.code, plan, 'close_consultation')).plan;
    if (plan.status === 'draft') plan = (await planStep(c, u.user, u.code, plan, 'submit')).plan;
    c.plans.set(u.code, plan);
  }
}

async function approvePlans(c: Ctx): Promise<void> {
  if (c.cycle?.state !== 'planning') return;
  for (const u of c.t.units) {
    const plan = c.plans.get(u.code) ?? (await c.admin('GET', planPath(c, u.code))).plan;
    if (plan.status !== 'submitted') continue;
    await c.admin('POST', `${planPath(c, u.code)}/reviews`, {
      version: plan.version,
      decisions: (plan.items as Loose[]).map((i) => ({ leaf: i.leaf, decision: 'approved' })),
    });
  }
}

/** The office enters the year's figures itself (一数一源: 财政局's accounts, the task ledgers). */
async function supplyValues(c: Ctx): Promise<void> {
  if (c.cycle?.state !== 'self_assessment') return;
  for (const leaf of SUPPLIED_LEAVES)
    await c.admin('POST', `/v1/cycles/${c.cycle.id}/supplied-values`, {
      leaf,
      rows: c.t.units.map((u, i) => ({ unit: u.code, value: unitValue(c.t, c.year, leaf, i) })),
    });
}

const EXEMPT = { kind: 'exempt', reason: '本年度未组织专家评议和满意度测评，按工作方案免考（示例）' };

/** Incidents found by audit and legal supervision (a few, spread by tenant, unit and year). */
async function determine(c: Ctx): Promise<void> {
  if (c.cycle?.state !== 'verification') return;
  for (const [i, u] of c.t.units.entries()) {
    const k = c.n * 3 + i + c.year;
    await c.admin('PUT', `/v1/cycles/${c.cycle.id}/determinations/${u.code}`, {
      leaves: {
        'D1-3': { kind: 'incidents', counts: k % 5 === 0 ? { SJ: 1 } : k % 7 === 0 ? { WG: 1 } : {} },
        'D3-3': { kind: 'incidents', counts: k % 6 === 1 ? { FY: 1 } : {} },
        'D3-1': EXEMPT,
        'D3-2': EXEMPT,
      },
      bonus: {},
      vetoes: {},
      note: `依据${c.t.name}审计局 ${c.year} 年度审计报告和司法局行政执法监督通报认定（示例）。`,
    });
  }
}

const CHAIRS = ['高振东', '林卫平', '马晓光', '田志勇', '邵明杰', '石立新', '韩国庆'];
const MEMBERS = [
  '袁丽娟',
  '蒋文涛',
  '邓海燕',
  '曹志强',
  '彭玉梅',
  '潘建军',
  '董桂芝',
  '程晓峰',
  '于春梅',
  '任德胜',
  '姜红霞',
  '崔永刚',
  '谭秀云',
  '白立东',
  '范淑华',
  '秦海军',
  '贾丽萍',
];
const pick = (names: readonly string[], i: number) => names[i % names.length]!;

async function holdMeeting(c: Ctx): Promise<void> {
  if (c.cycle?.state !== 'review') return;
  const path = `/v1/cycles/${c.cycle.id}/review-meeting`;
  const level = levelWord(c.t);
  const found = await c.admin('GET', path);
  if (found.meeting?.status === 'concluded') return;
  const meeting = await c.admin('PUT', path, {
    ...(found.meeting ? { version: found.meeting.version } : {}),
    title: `${c.year} 年度政府工作部门绩效评估评议会`,
    day: `${c.year}-12-26`,
    place: `${level}政府会议室`,
    members: [
      { name: pick(CHAIRS, c.n), organisation: `${level}政府分管领导`, role: 'chair' },
      { name: pick(MEMBERS, c.n), organisation: `${level}考核办`, role: 'member' },
      { name: pick(MEMBERS, c.n + 5), organisation: `${level}人大代表`, role: 'member' },
      { name: pick(MEMBERS, c.n + 9), organisation: `${level}政协委员`, role: 'member' },
      { name: pick(MEMBERS, c.n + 13), organisation: `${level}考核办`, role: 'secretary' },
    ],
    documents: [{ title: `${c.year} 年度绩效评估结果初稿`, reference: `${level}考核办汇总稿` }],
    decisions: [],
    minutes: '评议会审议了各部门的年度绩效评估结果，同意考核办的计分（示例）。',
  });
  await c.admin('POST', `${path}/conclude`, { version: meeting.meeting.version });
}

/**
 * The official run: started once. A finished one is taken up; one found running was left by a
 * process that stopped (this replay awaits every run it starts), so it is resumed later.
 */
async function startRun(c: Ctx): Promise<void> {
  if (c.cycle?.state !== 'review') return;
  const ov = await c.admin('GET', `/v1/cycles/${c.cycle.id}/evaluation`);
  if (ov.released) return;
  const taken = (ov.runs as Loose[]).find(
    (r) => r.kind === 'official' && ['running', 'ready'].includes(r.status),
  );
  c.orphan = taken?.status === 'running';
  c.run =
    taken?.id ??
    (await c.admin('POST', `/v1/cycles/${c.cycle.id}/evaluation/runs`, { reason: '年终评估正式计算' })).id;
}

async function release(c: Ctx): Promise<void> {
  if (!c.run) return;
  const run = await c.admin('GET', `/v1/cycles/${c.cycle!.id}/evaluation/runs/${c.run}`);
  if (run.current) return;
  await c.admin('POST', `/v1/cycles/${c.cycle!.id}/evaluation/runs/${c.run}/release`, {
    version: run.version,
    note: '评估结果反馈各单位，申诉期为次年 1 月 5 日至 16 日（示例）。',
  });
}
