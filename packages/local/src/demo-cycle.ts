/**
 * The demo's living year: 哈尔滨市's 2025 evaluation of its departments, replayed through the real
 * API (so every rule and the audit trail apply) with the clock set to the day each step happened.
 * Where it stands: every plan approved and published after consultation (one unit returned once,
 * one submitted late), progress reported for Q1 and H1 by all and for Q3 by most (two units late,
 * some behind their path), a spot check and an expert consultation, self-assessments in (two units
 * missed the window), values supplied once by 市统计局, and verification under way with some values
 * corrected and many still pending. The dates and numbers are examples (示例).
 */

type Fetch = (req: Request) => Promise<Response>;

export interface DemoCycleDriver {
  fetch: Fetch;
  /** A bearer token for a Harbin demo user. */
  token: (user: string) => Promise<string>;
  /** Sets the product's clock (the day a step happens, Asia/Shanghai noon). */
  at: (day: string) => void;
}

const T = '230100';
const GROUPS = ['ECON', 'SOCIAL', 'ENFORCE'];
/** Units that are late or behind, so the overview has something to show. */
const LATE_PLAN = 'CGJ';
const RETURNED_ONCE = 'JYJ';
const NO_Q3 = ['STHJJ', 'MZJ'];
const BEHIND = ['GXJ', 'YJGLJ', 'STHJJ'];
const NO_SELF = ['CGJ', 'MZJ'];
/** 市统计局 supplies these (一数一源). */
const SUPPLIED = ['D1-1', 'D1-2'];

type Leaf = {
  code: string;
  name: string;
  type: string;
  needsNumber: boolean;
  officeTarget?: number;
  weight: number;
};

export async function seedDemoCycle(d: DemoCycleDriver): Promise<void> {
  const tokens = new Map<string, string>();
  const tok = async (user: string) => {
    if (!tokens.has(user)) tokens.set(user, await d.token(user));
    return tokens.get(user)!;
  };
  const call = async (user: string | undefined, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { origin: 'http://demo' };
    if (user) headers.authorization = `Bearer ${await tok(user)}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await d.fetch(
      new Request(`http://demo${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    // biome-ignore lint/suspicious/noExplicitAny: the demo script reads the API's answers loosely; their shapes are the contracts'
    const json = (await res.json().catch(() => ({}))) as any;
    if (!res.ok)
      throw new Error(`demo cycle: ${method} ${path} → ${res.status} ${JSON.stringify(json).slice(0, 400)}`);
    return json;
  };
  const admin = (method: string, path: string, body?: unknown) => call('hrb-admin', method, path, body);

  const existing = await admin('GET', '/v1/cycles');
  if (existing.items.some((c: { year: number }) => c.year === 2025)) return;

  d.at('2025-01-08');
  const cycle = await admin('POST', '/v1/cycles', {
    name: '哈尔滨市 2025 年度市直部门绩效评估',
    year: 2025,
    kind: 'annual',
    scope:
      '市政府工作部门（综合经济、社会管理、执法监管三类），按《哈尔滨市政府绩效管理条例（草案）》第二十一条按年度评估。',
    bindings: [{ system: 'ishrbdepartm25', systemVersion: 1, groups: GROUPS }],
    calendar: {
      planDeadline: '2025-03-31',
      consultationDays: 7,
      progressPeriods: [
        { code: 'Q1', name: '第一季度', ends: '2025-03-31', due: '2025-04-10' },
        { code: 'H1', name: '上半年', ends: '2025-06-30', due: '2025-07-10' },
        { code: 'Q3', name: '前三季度', ends: '2025-09-30', due: '2025-10-15' },
      ],
      selfAssessment: { opens: '2026-01-05', closes: '2026-01-23' },
      verification: { opens: '2026-01-26', closes: '2026-12-18' },
      review: { opens: '2026-12-21', closes: '2026-12-31' },
      appeal: { opens: '2027-01-04', closes: '2027-01-15' },
    },
    providers: SUPPLIED.map((leaf) => ({ leaf, unit: 'TJJ' })),
  });
  const id = cycle.id as string;
  const move = async (action: string) => {
    const c = await admin('GET', `/v1/cycles/${id}`);
    return admin('POST', `/v1/cycles/${id}/transitions`, { version: c.version, action });
  };
  await admin('PATCH', `/v1/cycles/${id}`, {
    version: cycle.version,
    workPlan: {
      tasks: [
        { name: '印发年终评估工作方案', owner: '市考核办综合科', due: '2025-12-20', done: true },
        { name: '召开评估动员会', owner: '市考核办', due: '2025-12-30', done: true },
        { name: '组织自我测评', owner: '各被考核单位', due: '2026-01-23', done: true },
        { name: '指标考核（数据核验）', owner: '市考核办、市统计局', due: '2026-12-18', done: false },
        { name: '召开评议会', owner: '市考核办', due: '2026-12-28', done: false },
      ],
      training: [
        { topic: '年度绩效计划编制与自评报告撰写', day: '2025-01-20', audience: '各单位绩效联络员' },
      ],
      notes: '年终评估按条例第二十三条程序实施。',
    },
  });
  await move('open_planning');

  const units: { code: string; user: string }[] = [];
  for (const g of GROUPS) {
    const page = await admin('GET', `/v1/units?group=${g}&limit=200`);
    for (const u of page.items) units.push({ code: u.code, user: await unitUser(u.code, u.name) });
  }
  /** The unit's liaison (绩效联络员): the demo's own users where they exist, else one made now. */
  async function unitUser(code: string, name: string): Promise<string> {
    const found = await admin('GET', `/v1/users?unit=${code}`);
    const user = found.items.find((u: { roles: string[] }) => u.roles.includes('unit_user'));
    if (user) return user.id;
    const made = await admin('POST', '/v1/users', {
      name: `${name.replace(/^哈尔滨市/, '')}绩效联络员`,
      roles: ['unit_user'],
      unit: code,
    });
    return made.id;
  }

  // Plans: each unit drafts, consults the public for a week, answers, submits; the office reviews.
  const leavesOf: Record<string, Leaf[]> = {};
  for (const [i, u] of units.entries()) {
    const day = u.code === LATE_PLAN ? '2025-04-08' : `2025-02-${String(10 + (i % 15)).padStart(2, '0')}`;
    d.at(day);
    const view = await call(u.user, 'GET', `/v1/cycles/${id}/plans/${u.code}`);
    const leaves: Leaf[] = view.leaves;
    leavesOf[u.code] = leaves;
    await call(u.user, 'PUT', `/v1/cycles/${id}/plans/${u.code}`, planBody(leaves, i));
    const opened = await planStep(u, 'open_consultation');
    if (i % 3 === 0 || u.code === 'FGW') {
      const consultation = opened.plan.consultation.id as string;
      await call(undefined, 'POST', `/v1/public/${T}/consultations/${consultation}/comments`, {
        text: i % 2 ? '建议公开重点工作任务的季度完成进度。' : '希望进一步压缩企业办事时限。',
        name: i % 2 ? '市民' : '企业代表',
      });
      const comments = await call(u.user, 'GET', `/v1/cycles/${id}/plans/${u.code}/comments`);
      for (const c of comments.items)
        await call(u.user, 'PATCH', `/v1/cycles/${id}/plans/${u.code}/comments/${c.id}`, {
          version: c.version,
          status: 'published',
          answer: '感谢建议，已在年度计划“方法和措施”中补充季度进度公开。',
        });
    }
    d.at(shift(day, 8));
    await planStep(u, 'close_consultation');
    await planStep(u, 'submit');
    d.at(shift(day, 12));
    const submitted = await admin('GET', `/v1/cycles/${id}/plans/${u.code}`);
    const returned = u.code === RETURNED_ONCE;
    await admin('POST', `/v1/cycles/${id}/plans/${u.code}/reviews`, {
      version: submitted.plan.version,
      decisions: leaves.map((l, k) =>
        returned && k === 3
          ? { leaf: l.code, decision: 'returned', comment: '目标值低于上年实际完成值，请对标调整。' }
          : { leaf: l.code, decision: 'approved' },
      ),
    });
    if (returned) {
      d.at(shift(day, 15));
      const back = await call(u.user, 'GET', `/v1/cycles/${id}/plans/${u.code}`);
      await call(u.user, 'PUT', `/v1/cycles/${id}/plans/${u.code}`, {
        ...planBody(leaves, i, 1.05),
        version: back.plan.version,
      });
      await planStep(u, 'submit');
      d.at(shift(day, 18));
      const again = await admin('GET', `/v1/cycles/${id}/plans/${u.code}`);
      await admin('POST', `/v1/cycles/${id}/plans/${u.code}/reviews`, {
        version: again.plan.version,
        decisions: leaves.map((l) => ({ leaf: l.code, decision: 'approved' })),
      });
    }
    await planStep({ code: u.code, user: 'hrb-admin' }, 'publish');
  }
  async function planStep(u: { code: string; user: string }, action: string) {
    const p = await call(u.user, 'GET', `/v1/cycles/${id}/plans/${u.code}`);
    return call(u.user, 'POST', `/v1/cycles/${id}/plans/${u.code}/transitions`, {
      version: p.plan.version,
      action,
    });
  }

  // A member of the public writes to the office about a published plan (art. 12); it is forwarded and answered.
  d.at('2025-04-20');
  await call(undefined, 'POST', `/v1/public/${T}/cycles/${id}/plans/FGW/opinions`, {
    text: '建议在重大项目推进指标中增加对民营企业参与情况的考核。',
    name: '市工商联会员',
  });
  const opinions = await admin('GET', `/v1/cycles/${id}/opinions`);
  const op = opinions.items[0];
  const forwarded = await admin('POST', `/v1/cycles/${id}/opinions/${op.id}/steps`, {
    version: op.version,
    action: 'forward',
    text: '请市发改委研究并于 10 个工作日内答复。',
  });
  d.at('2025-04-28');
  await call('hrb-fgw', 'POST', `/v1/cycles/${id}/opinions/${op.id}/steps`, {
    version: forwarded.version,
    action: 'reply',
    text: '已研究，将在下一年度计划中增设“民间投资项目推进率”指标。',
  });

  d.at('2025-04-01');
  await move('start_monitoring');

  // Progress: Q1 and H1 by everyone; Q3 by most; some behind their path.
  for (const [period, ends, due, share] of [
    ['Q1', '2025-03-31', '2025-04-08', 0.26],
    ['H1', '2025-06-30', '2025-07-08', 0.52],
    ['Q3', '2025-09-30', '2025-10-13', 0.76],
  ] as const) {
    for (const [i, u] of units.entries()) {
      if (period === 'Q3' && NO_Q3.includes(u.code)) continue;
      d.at(shift(due, -(i % 4)));
      const pace = BEHIND.includes(u.code)
        ? share * (period === 'Q1' ? 0.9 : 0.7)
        : share * (1 + (i % 3) * 0.02);
      const items = (leavesOf[u.code] ?? [])
        .filter((l) => l.needsNumber)
        .map((l) => ({ leaf: l.code, value: round((l.officeTarget ?? targetOf(l, i)) * pace) }));
      // Units on track have met their mid-year milestones by H1; those behind have not.
      const milestones =
        period === 'Q1' || BEHIND.includes(u.code)
          ? []
          : (leavesOf[u.code] ?? [])
              .filter((l) => l.needsNumber)
              .map((l) => ({ leaf: l.code, index: 0, done: true }));
      await call(u.user, 'PUT', `/v1/cycles/${id}/progress/${u.code}/${period}`, {
        items,
        milestones,
        narrative: `${ends.slice(0, 7)} 前各项工作按计划推进${BEHIND.includes(u.code) ? '，部分重点任务进度滞后，已制定赶进度措施' : ''}。`,
        submit: true,
      });
    }
  }

  d.at('2025-08-19');
  await admin('POST', `/v1/cycles/${id}/checks`, {
    kind: 'spot_check',
    unit: 'YJGLJ',
    day: '2025-08-19',
    leaves: ['D2-1'],
    participants: '市考核办 王丽、李明',
    findings: '安全生产专项整治年度任务台账与报送进度不一致，部分任务完成佐证缺失。',
    followUp: '10 月 15 日前补齐台账并在前三季度进度中如实报送。',
    followUpDue: '2025-10-15',
  });
  await admin('POST', `/v1/cycles/${id}/checks`, {
    kind: 'consultation',
    unit: 'STHJJ',
    day: '2025-09-10',
    participants: '赵教授（评审专家）',
    findings: '空气质量改善目标分解不够细，建议按季度设置节点并与气象条件挂钩评估。',
    followUp: '专家意见已反馈，单位已调整工作措施。',
    followUpStatus: 'done',
  });

  // 市统计局 supplies its indicators once for every unit (一数一源).
  d.at('2026-01-08');
  await move('open_self_assessment');
  for (const leaf of SUPPLIED) {
    await call('hrb-tjj', 'POST', `/v1/cycles/${id}/supplied-values`, {
      leaf,
      rows: units.map((u, i) => ({
        unit: u.code,
        value: leaf === 'D1-1' ? round(92 + (i % 7) * 1.1) : round(18 + (i % 5) * 3.5),
      })),
    });
  }
  for (const [i, u] of units.entries()) {
    if (NO_SELF.includes(u.code)) continue;
    d.at(`2026-01-${String(12 + (i % 10)).padStart(2, '0')}`);
    const leaves = leavesOf[u.code] ?? [];
    const saved = await call(u.user, 'PUT', `/v1/cycles/${id}/self-assessments/${u.code}`, {
      items: leaves.map((l) => ({
        leaf: l.code,
        ...(l.type === 'quantitative' && !SUPPLIED.includes(l.code)
          ? { actual: round((l.officeTarget ?? targetOf(l, i)) * (BEHIND.includes(u.code) ? 0.88 : 1.01)) }
          : {}),
        ...(l.type === 'qualitative' ? { actualText: '全年任务按计划完成，详见自评报告。' } : {}),
        selfScore: round(l.weight * (BEHIND.includes(u.code) ? 0.82 : 0.95)),
        narrative: '对照年度绩效计划逐项完成，佐证材料已整理归档。',
      })),
      report:
        '2025 年，本单位以年度绩效计划为统领，围绕职能任务和重点工作，逐项分解目标、压实责任、按季调度。全年主要指标总体完成，个别指标因外部因素未达预期，已分析原因并提出改进措施。',
    });
    await call(u.user, 'POST', `/v1/cycles/${id}/self-assessments/${u.code}/actions`, {
      version: saved.assessment.version,
      action: 'submit',
    });
  }

  // The window closed with two units missing; verification is under way.
  d.at('2026-01-26');
  await move('start_verification');
  d.at('2026-11-20');
  for (const [i, u] of units.entries()) {
    if (i % 2) continue;
    const rows = await admin('GET', `/v1/cycles/${id}/values?unit=${u.code}&status=pending`);
    for (const [k, r] of rows.items.entries()) {
      const correct = k === 0 && i % 4 === 0;
      await admin('POST', `/v1/cycles/${id}/values/${u.code}/${r.leaf}/verification`, {
        version: r.version,
        ...(correct
          ? {
              action: 'correct',
              value: round((r.original ?? 0) * 0.96),
              reason: '与统计台账核对，剔除跨年度结转项目后更正。',
            }
          : { action: 'confirm' }),
      });
    }
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A plausible target for an indicator the office does not fix (示例 numbers). */
function targetOf(l: Leaf, i: number): number {
  if (l.code === 'D1-2') return 20 + (i % 4) * 5; // 万元
  if (l.code === 'D2-3') return 5; // 天
  return 100;
}

function planBody(leaves: Leaf[], i: number, raise = 1) {
  return {
    basis:
      '依据《哈尔滨市国民经济和社会发展第十四个五年规划》、2025 年市政府工作报告和本单位三定职责确定年度目标。',
    items: leaves.map((l) => ({
      leaf: l.code,
      ...(l.needsNumber
        ? l.officeTarget === undefined
          ? { target: round(targetOf(l, i) * raise) }
          : { target: l.officeTarget }
        : { targetText: `按期完成${l.name}相关工作` }),
      basis: '上年实际完成情况和本年度重点工作安排',
      standard: '按指标体系评分标准评估',
      measures: '目标分解到处室，按月调度、按季通报',
      owner: '办公室',
      progress: 'cumulative',
      milestones: l.needsNumber
        ? [{ name: '年中过半', due: '2025-06-30', owner: '办公室', standard: '完成全年目标的 50%' }]
        : [],
    })),
  };
}

/** A day `n` days after `day`. */
function shift(day: string, n: number): string {
  const t = new Date(`${day}T12:00:00+08:00`).getTime() + n * 86400000;
  return new Date(t + 8 * 3600000).toISOString().slice(0, 10);
}
