import { type DemoCall, type DemoDriver, demoCaller, type Loose } from './demo-api';

/**
 * The year-end evaluation in the demo (issue #10), through the real API and the real state machine:
 *
 * - a small finished year: 哈尔滨市's 2024 special evaluation of its social-management departments
 *   (2024 年度民生领域专项绩效评估, four units): plans, values supplied by the office, the office's
 *   year-end determinations, a concluded review meeting with one adjustment, an official run
 *   released to the units, two appeals (one accepted with a correction, one rejected), the re-run
 *   after the appeal released in its place, rectification tasks (one closed, one under way, one
 *   overdue) and the uses of the results; the cycle is then closed;
 * - the 2025 cycle (still in verification): the open tasks of 2024 carried over, and a trial run
 *   (试算) so the office sees provisional results.
 * The dates, numbers and words are examples (示例).
 */

const GROUP = 'SOCIAL';
const SYSTEM = { system: 'ishrbdepartm25', systemVersion: 1 };

export async function seedDemoResults(d: DemoDriver): Promise<void> {
  const call = demoCaller(d);
  const admin = (method: string, path: string, body?: unknown) => call('hrb-admin', method, path, body);
  const cycles = (await admin('GET', '/v1/cycles')).items as Loose[];
  const y2025 = cycles.find((c) => c.year === 2025);
  let y2024 = cycles.find((c) => c.year === 2024);
  if (!y2024) y2024 = await seedSpecial2024(call, d);
  if (y2025) await seedTrial2025(call, d, y2025.id, y2024.id);
}

/** Waits for a run to finish (the state machine runs in the background), then returns it. */
async function finished(call: DemoCall, cycle: string, run: string): Promise<Loose> {
  for (let i = 0; i < 600; i++) {
    const r = await call('hrb-admin', 'GET', `/v1/cycles/${cycle}/evaluation/runs/${run}`);
    if (r.status !== 'running') {
      if (r.status === 'failed')
        throw new Error(`demo: run ${r.number} failed: ${JSON.stringify(r.failures)}`);
      return r;
    }
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('demo: a run did not finish in 30 s');
}

/** The unit's liaison (绩效联络员) made by the demo year. */
async function liaison(call: DemoCall, unit: string): Promise<string> {
  const found = await call('hrb-admin', 'GET', `/v1/users?unit=${unit}`);
  const user = found.items.find((u: { roles: string[] }) => u.roles.includes('unit_user'));
  if (!user) throw new Error(`demo: no unit user for ${unit}`);
  return user.id;
}

async function seedSpecial2024(call: DemoCall, d: DemoDriver): Promise<Loose> {
  const admin = (method: string, path: string, body?: unknown) => call('hrb-admin', method, path, body);
  d.at('2024-03-01');
  const cycle = await admin('POST', '/v1/cycles', {
    name: '哈尔滨市 2024 年度民生领域专项绩效评估',
    year: 2024,
    kind: 'special',
    subject: 'welfare',
    scope:
      '社会管理类市直部门承担的 2024 年民生实事项目（教育、卫生健康、人社、民政），按条例第十三条开展专项评估。',
    bindings: [{ ...SYSTEM, groups: [GROUP] }],
    calendar: {
      planDeadline: '2024-03-31',
      consultationDays: 7,
      progressPeriods: [],
      selfAssessment: { opens: '2024-12-02', closes: '2024-12-13' },
      verification: { opens: '2024-12-16', closes: '2024-12-20' },
      review: { opens: '2024-12-23', closes: '2024-12-31' },
      appeal: { opens: '2025-01-06', closes: '2025-01-17' },
    },
  });
  const id = cycle.id as string;
  const move = async (action: string) => {
    const c = await admin('GET', `/v1/cycles/${id}`);
    return admin('POST', `/v1/cycles/${id}/transitions`, { version: c.version, action });
  };
  await move('open_planning');

  const units = ((await admin('GET', `/v1/units?group=${GROUP}&limit=200`)).items as Loose[]).map(
    (u) => u.code as string,
  );
  const users = new Map<string, string>();
  for (const u of units) users.set(u, await liaison(call, u));
  const leavesOf = new Map<string, Loose[]>();
  for (const [i, u] of units.entries()) {
    const user = users.get(u)!;
    d.at(`2024-03-${String(4 + i).padStart(2, '0')}`);
    const view = await call(user, 'GET', `/v1/cycles/${id}/plans/${u}`);
    leavesOf.set(u, view.leaves);
    await call(user, 'PUT', `/v1/cycles/${id}/plans/${u}`, {
      basis: '依据 2024 年市政府民生实事项目安排和本单位三定职责确定专项评估目标。',
      items: (view.leaves as Loose[]).map((l) => ({
        leaf: l.code,
        ...(l.needsNumber
          ? { target: l.officeTarget ?? (l.code === 'D1-2' ? 30 + i * 5 : 100) }
          : { targetText: `按期完成${l.name}相关工作` }),
        basis: '上年完成情况和本年度民生实事安排',
        standard: '按指标体系评分标准评估',
        measures: '项目化推进，按月调度',
        owner: '办公室',
      })),
    });
    const step = async (who: string, action: string) => {
      const p = await call(who, 'GET', `/v1/cycles/${id}/plans/${u}`);
      return call(who, 'POST', `/v1/cycles/${id}/plans/${u}/transitions`, {
        version: p.plan.version,
        action,
      });
    };
    await step(user, 'open_consultation');
    d.at(`2024-03-${String(12 + i).padStart(2, '0')}`);
    await step(user, 'close_consultation');
    await step(user, 'submit');
    d.at(`2024-03-${String(18 + i).padStart(2, '0')}`);
    const submitted = await admin('GET', `/v1/cycles/${id}/plans/${u}`);
    await admin('POST', `/v1/cycles/${id}/plans/${u}/reviews`, {
      version: submitted.plan.version,
      decisions: (view.leaves as Loose[]).map((l) => ({ leaf: l.code, decision: 'approved' })),
    });
  }
  d.at('2024-04-01');
  await move('start_monitoring');
  d.at('2024-12-02');
  await move('open_self_assessment');

  // The office enters the year's values for the four units itself (一数一源, from the 民生实事台账).
  const VALUES: Record<string, Record<string, number>> = {
    'D1-1': { JYJ: 98.6, WJW: 95.2, RSJ: 97.4, MZJ: 91.8 },
    'D1-2': { JYJ: 28.5, WJW: 36.2, RSJ: 41.0, MZJ: 47.5 },
    'D2-1': { JYJ: 100, WJW: 96.5, RSJ: 98, MZJ: 88 },
    'D2-2': { JYJ: 96, WJW: 92, RSJ: 85, MZJ: 78 },
  };
  d.at('2024-12-10');
  for (const [leaf, byUnit] of Object.entries(VALUES))
    await admin('POST', `/v1/cycles/${id}/supplied-values`, {
      leaf,
      rows: units.filter((u) => u in byUnit).map((unit) => ({ unit, value: byUnit[unit]! })),
    });
  d.at('2024-12-16');
  await move('start_verification');

  // Year-end determinations: incidents found by audit and supervision, and the two stages this special
  // evaluation did not hold (no expert review, no survey: exempted, their weight redistributed).
  const exempt = { kind: 'exempt', reason: '本专项评估未组织专家评议和满意度测评，按工作方案免考' };
  const incidents: Record<string, [Record<string, number>, Record<string, number>]> = {
    JYJ: [{}, {}],
    WJW: [{ WG: 1 }, {}],
    RSJ: [{}, { FY: 1 }],
    MZJ: [{ SJ: 1, WG: 1 }, { SS: 1 }],
  };
  d.at('2024-12-18');
  for (const u of units) {
    const [fin, law] = incidents[u] ?? [{}, {}];
    await admin('PUT', `/v1/cycles/${id}/determinations/${u}`, {
      leaves: {
        'D1-3': { kind: 'incidents', counts: fin },
        'D3-3': { kind: 'incidents', counts: law },
        'D3-1': exempt,
        'D3-2': exempt,
      },
      bonus: u === 'JYJ' ? { B2: 1 } : {},
      vetoes: {},
      note: '依据市审计局 2024 年度审计报告和市司法局行政执法监督通报认定。',
    });
  }
  d.at('2024-12-23');
  await move('start_review');

  d.at('2024-12-26');
  const meeting = await admin('PUT', `/v1/cycles/${id}/review-meeting`, {
    title: '2024 年度民生领域专项绩效评估评议会',
    day: '2024-12-26',
    place: '市政府第三会议室',
    members: [
      { name: '陈志远', organisation: '市政府分管领导', role: 'chair' },
      { name: '孙明', organisation: '市考核办', role: 'member' },
      { name: '李红梅', organisation: '市人大代表', role: 'member' },
      { name: '周建华', organisation: '市政协委员', role: 'member' },
      { name: '刘洋', organisation: '市考核办', role: 'secretary' },
    ],
    documents: [{ title: '2024 年度民生领域专项绩效评估结果初稿', reference: '市考核办汇总稿' }],
    decisions: [
      {
        unit: 'WJW',
        decision: '同意考核结果；承担全市流感高峰期医疗救治保障任务成效突出，给予加分',
        adjustment: { points: 1, reason: '流感高峰期医疗救治保障任务经市政府通报表扬' },
      },
    ],
    minutes: '评议会审议了四个单位的专项评估结果，同意市考核办的计分，并对市卫健委作出加分调整。',
  });
  await admin('POST', `/v1/cycles/${id}/review-meeting/conclude`, { version: meeting.meeting.version });

  d.at('2024-12-30');
  const first = await admin('POST', `/v1/cycles/${id}/evaluation/runs`, { reason: '年终综合评估正式计算' });
  const run1 = await finished(call, id, first.id);
  await admin('POST', `/v1/cycles/${id}/evaluation/runs/${run1.id}/release`, {
    version: run1.version,
    note: '评估结果反馈各单位，申诉期 2025 年 1 月 6 日至 17 日。',
  });

  // Appeals (申诉复核): 市民政局 shows its ledger for one indicator (accepted, value corrected); 市人社局
  // appeals its grade (rejected). The re-run after the appeal is released in place of the first run.
  const appeals = `/v1/cycles/${id}/appeals/units`;
  d.at('2025-01-08');
  const mzj = await call(users.get('MZJ')!, 'POST', `${appeals}/MZJ`, {
    target: 'indicator',
    leaf: 'D2-1',
    reasons:
      '年度重点工作任务完成率按 88% 计算有误：养老服务设施建设任务已于 12 月 28 日全部验收，完成台账和验收单已随本次申诉提交，实际完成率应为 94%。',
  });
  d.at('2025-01-09');
  const rsj = await call(users.get('RSJ')!, 'POST', `${appeals}/RSJ`, {
    target: 'conclusion',
    reasons: '本单位全年就业工作任务完成情况良好，认为应评为优秀等次，请求复核考核结论。',
  });
  d.at('2025-01-14');
  await admin('POST', `${appeals}/MZJ/${mzj.id}/decision`, {
    version: mzj.version,
    status: 'accepted',
    reason: '经核对验收单和任务台账，养老服务设施建设任务确已于年底前完成，完成率更正为 94%。',
    correction: { value: 94 },
  });
  await admin('POST', `${appeals}/RSJ/${rsj.id}/decision`, {
    version: rsj.version,
    status: 'rejected',
    reason: '考核结论依据评分办法和优秀等次名额（不超过本组单位数的 20%）确定，计分无误，维持原结论。',
  });
  d.at('2025-01-20');
  const second = await admin('POST', `/v1/cycles/${id}/evaluation/runs`, {
    reason: '申诉复核采纳后重新计算',
  });
  const run2 = await finished(call, id, second.id);
  await admin('POST', `/v1/cycles/${id}/evaluation/runs/${run2.id}/release`, {
    version: run2.version,
    note: '根据申诉复核结果更正后重新发布。',
  });

  // Rectification (整改): one closed, one reported done and confirmed, one overdue, one still open.
  const tasks = `/v1/cycles/${id}/rectification/units`;
  d.at('2025-01-22');
  const task = (unit: string, body: Record<string, unknown>) =>
    admin('POST', `${tasks}/${unit}`, { source: 'results', owner: '办公室', ...body });
  const mzjTask = await task('MZJ', {
    title: '财务管理不合规问题整改',
    problem: '审计发现专项资金拨付不及时、个别支出凭证不规范（财务管理合规性扣 4 分）。',
    leaf: 'D1-3',
    owner: '财务科',
    deadline: '2025-06-30',
  });
  const wjwTask = await task('WJW', {
    title: '财务违规问题整改',
    problem: '审计发现一笔医疗设备采购未按规定履行政府采购程序。',
    leaf: 'D1-3',
    owner: '规划财务处',
    deadline: '2025-04-30',
  });
  await task('RSJ', {
    title: '行政复议纠错案件整改',
    problem: '2024 年度 1 件行政处罚决定被行政复议纠错，暴露执法程序问题。',
    leaf: 'D3-3',
    owner: '法规处',
    deadline: '2026-12-31',
  });
  d.at('2025-03-15');
  await call(users.get('WJW')!, 'POST', `${tasks}/WJW/${wjwTask.id}/progress`, {
    version: wjwTask.version,
    note: '已对采购程序进行全面自查，正在补办相关手续。',
    status: 'in_progress',
  });
  d.at('2025-05-20');
  const reported = await call(users.get('MZJ')!, 'POST', `${tasks}/MZJ/${mzjTask.id}/progress`, {
    version: mzjTask.version,
    note: '专项资金已全部拨付到位，支出凭证已补正并建立月度核查制度。',
    status: 'done',
  });
  d.at('2025-06-02');
  await admin('POST', `${tasks}/MZJ/${mzjTask.id}/transitions`, {
    version: reported.version,
    action: 'close',
    reason: '经复核整改到位，予以销号。',
  });

  // The use of the results (结果运用).
  const uses = `/v1/cycles/${id}/result-uses/units`;
  d.at('2025-02-10');
  await admin('POST', `${uses}/JYJ`, {
    kind: 'reward',
    description: '专项评估结果排名第一，通报表扬并给予专项工作经费奖励。',
    amount: 10,
    document: '哈政办发〔2025〕5号',
    day: '2025-02-10',
  });
  await admin('POST', `${uses}/MZJ`, {
    kind: 'accountability',
    description: '专项评估结果排名末位，由市政府分管领导约谈单位主要负责人。',
    document: '哈政办发〔2025〕6号',
    day: '2025-02-12',
  });
  await admin('POST', `${uses}/WJW`, {
    kind: 'budget',
    description: '下年度民生专项预算安排与评估结果挂钩，按评估得分核定。',
    amount: 120,
    document: '哈财预〔2025〕18号',
    day: '2025-02-20',
  });
  d.at('2025-02-28');
  await move('close');
  return { id };
}

async function seedTrial2025(call: DemoCall, d: DemoDriver, id: string, from: string): Promise<void> {
  const overview = await call('hrb-admin', 'GET', `/v1/cycles/${id}/evaluation`);
  if (overview.runs.length > 0) return;
  // The open rectification tasks of 2024 carry into this year's cycle.
  d.at('2026-01-05');
  await call('hrb-admin', 'POST', `/v1/cycles/${id}/rectification/carry-over`, { from });
  // The office's year-end determinations so far: incidents against the two deduction indicators (from
  // the audit report and the law-enforcement supervision), bonus items and one veto item.
  d.at('2026-11-25');
  const units = new Set<string>();
  for (const g of ['ECON', 'SOCIAL', 'ENFORCE'])
    for (const u of (await call('hrb-admin', 'GET', `/v1/units?group=${g}&limit=200`)).items as Loose[])
      units.add(u.code);
  for (const [i, unit] of [...units].sort().entries()) {
    await call('hrb-admin', 'PUT', `/v1/cycles/${id}/determinations/${unit}`, {
      leaves: {
        'D1-3': { kind: 'incidents', counts: i % 4 === 1 ? { WG: 1 } : i % 7 === 3 ? { SJ: 1 } : {} },
        'D3-3': { kind: 'incidents', counts: i % 5 === 2 ? { FY: 1 } : {} },
      },
      bonus: i % 6 === 0 ? { B2: 1 } : i === 4 ? { B1: 2, B3: 2 } : {},
      vetoes: unit === 'SWJ' ? { V2: '2025 年 9 月市纪委通报：公务接待超标准问题（示例）' } : {},
      note: '依据市审计局 2025 年度审计报告、市司法局行政执法监督通报和各级表彰文件认定（示例）。',
    });
  }
  d.at('2026-11-27');
  const started = await call('hrb-admin', 'POST', `/v1/cycles/${id}/evaluation/runs`, {
    reason: '核验期间试算，预览各单位得分',
  });
  await finished(call, id, started.id);
}
