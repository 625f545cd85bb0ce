import type { Loose } from './demo-api';
import type { DemoReview } from './demo-review';

/**
 * The demo year's expert review (专家评审), through the API: a pool of six experts (赵教授 signs in
 * as `hrb-expert`; the others get expert accounts here), one whose own unit is 市财政局 and one who
 * declared a conflict with 市教育局 (回避), five experts on each unit's D3-1 职能履行效果, round 1
 * scored by all — one expert consistently harsher, one far off on one unit — and closed, and round 2
 * opened for what calibration flags. Names, scores and dates are examples (示例).
 */

const LEAF = 'D3-1';

interface DemoExpert {
  key: string;
  name: string;
  title: string;
  organisation: string;
  specialties: string[];
  unit?: string;
  conflicts?: string[];
  /** The demo user it signs in as; absent: an expert account is made for it. */
  user?: string;
  /** How this expert scores against the consensus (偏严: consistently lower). */
  offset: number;
}

const EXPERTS: DemoExpert[] = [
  {
    key: 'zhao',
    name: '赵教授',
    title: '教授',
    organisation: '哈尔滨工业大学经济与管理学院',
    specialties: ['公共管理', '绩效评估'],
    user: 'hrb-expert',
    offset: 1,
  },
  {
    key: 'qian',
    name: '钱研究员',
    title: '研究员',
    organisation: '黑龙江省社会科学院',
    specialties: ['区域经济'],
    offset: -1,
  },
  {
    key: 'sun',
    name: '孙会计师',
    title: '高级会计师',
    organisation: '哈尔滨市财政局',
    specialties: ['财政绩效', '预算管理'],
    unit: 'CZJ',
    offset: 0,
  },
  {
    key: 'li',
    name: '李教授',
    title: '教授',
    organisation: '黑龙江大学政府管理学院',
    specialties: ['教育政策', '社会治理'],
    // Her spouse works at 市教育局: she declared the conflict (申请回避).
    conflicts: ['JYJ'],
    offset: 2,
  },
  {
    key: 'zhou',
    name: '周高工',
    title: '正高级工程师',
    organisation: '哈尔滨市工程咨询院',
    specialties: ['投资项目', '生态环境'],
    // Consistently harsher (偏严) than the others.
    offset: -16,
  },
  {
    key: 'wu',
    name: '吴律师',
    title: '律师',
    organisation: '黑龙江某律师事务所',
    specialties: ['行政执法', '法治政府'],
    offset: -2,
  },
];

/** The consensus score of each unit's 职能履行效果 (示例). */
const BASE: Record<string, number> = {
  FGW: 88,
  CZJ: 86,
  GXJ: 78,
  SWJ: 82,
  TJJ: 85,
  JYJ: 87,
  WJW: 84,
  RSJ: 83,
  MZJ: 76,
  SCJGJ: 81,
  STHJJ: 74,
  YJGLJ: 79,
  CGJ: 72,
};
/** One expert far from the others on one unit (离群评分). */
const OUTLIER = { expert: 'qian', unit: 'GXJ', score: 45 };

const COMMENTS = [
  '职能履行到位，重点任务推进有力，佐证材料完整。',
  '年度目标基本完成，部分工作进度偏慢，建议加强统筹。',
  '工作成效明显，但量化成果不足，自评报告可更具体。',
  '履职情况较好，群众反映的问题整改及时。',
];

export async function seedDemoExperts(r: DemoReview): Promise<void> {
  const admin = (method: string, path: string, body?: unknown) => r.call('hrb-admin', method, path, body);
  const P = `/v1/cycles/${r.cycleId}/expert-review`;

  r.at('2026-02-02');
  const users = new Map<string, string>();
  const pool = new Map<string, Loose>();
  for (const e of EXPERTS) {
    let user = e.user;
    if (!user) {
      const u = await admin('POST', '/v1/users', { name: `${e.name}（评审专家）`, roles: ['expert'] });
      user = u.id as string;
    }
    users.set(e.key, user);
    const created = await admin('POST', '/v1/experts', {
      name: e.name,
      title: e.title,
      organisation: e.organisation,
      specialties: e.specialties,
      userId: user,
      ...(e.unit ? { unit: e.unit } : {}),
      ...(e.conflicts ? { conflicts: e.conflicts } : {}),
    });
    pool.set(e.key, created);
  }

  // Five experts per unit: whoever must recuse (own unit, declared conflict) is left out, then
  // one more in turn, so every unit has five and every expert a fair share.
  r.at('2026-02-05');
  const review = await admin('GET', P);
  const units: string[] = review.assignable
    .filter((u: Loose) => u.leaves.some((l: Loose) => l.code === LEAF))
    .map((u: Loose) => u.unit);
  const assigned = new Map<string, { expert: DemoExpert; id: string }[]>();
  units.forEach((unit, i) => {
    const eligible = EXPERTS.filter((e) => e.unit !== unit && !(e.conflicts ?? []).includes(unit));
    const skip = eligible.length > 5 ? eligible[(i + 1) % eligible.length]!.key : undefined;
    // 赵教授 always scores 市发改委 (the demo's victim unit for the isolation suite).
    const chosen = eligible.filter((e) => e.key !== skip || (unit === 'FGW' && e.key === 'zhao'));
    assigned.set(
      unit,
      chosen.slice(0, 5).map((expert) => ({ expert, id: '' })),
    );
  });
  for (const [unit, list] of assigned)
    for (const a of list) {
      const made = await admin('POST', `${P}/assignments`, {
        expertId: pool.get(a.expert.key).id,
        unit,
        leaves: [LEAF],
      });
      a.id = made.id;
    }

  r.at('2026-02-10');
  await admin('POST', `${P}/rounds`, { note: '第一轮：依据自评报告和佐证材料独立评分（示例）' });

  // Round 1, each expert over a few days.
  let day = 12;
  for (const e of EXPERTS) {
    r.at(`2026-02-${String(day).padStart(2, '0')}`);
    day += 2;
    const scores: Loose[] = [];
    for (const [unit, list] of assigned) {
      const mine = list.find((a) => a.expert.key === e.key);
      if (!mine) continue;
      const base = BASE[unit] ?? 80;
      const score =
        OUTLIER.expert === e.key && OUTLIER.unit === unit ? OUTLIER.score : Math.min(100, base + e.offset);
      scores.push({
        assignment: mine.id,
        leaf: LEAF,
        score,
        comment: COMMENTS[(unit.length + e.key.length) % COMMENTS.length],
      });
    }
    if (scores.length) await r.call(users.get(e.key), 'PUT', `${P}/mine/scores`, { scores });
  }

  r.at('2026-03-06');
  const rounds = (await admin('GET', P)).rounds as Loose[];
  await admin('POST', `${P}/rounds/1/close`, { version: rounds[0].version });

  // Round 2 for what calibration flags (by default), after looking at the figures.
  r.at('2026-03-10');
  await admin('GET', `${P}/calibration?round=1`);
  await admin('POST', `${P}/rounds`, {
    note: '第二轮：对评分分歧较大的项目复评，请参考第一轮评分分布（德尔菲法）',
  });
}
