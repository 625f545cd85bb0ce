import {
  type Cycle,
  LIKERT_LEVELS,
  type LikertLevel,
  type StoredSurvey,
  type SystemContent,
  tenantFactsFor,
} from '@jixiao/core';
import { type CycleRecordKind, type DataLayer, ensureDivisions, keys, newId } from '@jixiao/data';
import { branch, leaf, system } from '../../packages/core/src/scoring/testing';

/**
 * A tenant's year for the batch's bench, written straight through the data layer (the API would
 * take minutes): 4 unit groups, one filed 150-leaf system, a cycle in verification, and inputs of
 * every source the freeze reads —
 * - `sources`: value records (VAL) for the 105 value-rule leaves, the office's determinations
 *   (grades, incidents, bonus, vetoes), an expert review (15 experts score each unit's 15 expert
 *   leaves in a closed round: 225 scores a unit) and a closed satisfaction survey (250 answers a
 *   unit, each rating its unit on the 5 satisfaction leaves), like the demo's;
 * - `determinations`: every leaf's input in one determination per unit (the scale run: 2,000
 *   units with every source would take the machine minutes to write; this scores the same tree).
 * Deterministic values (a seeded generator); ids are random.
 */

export type InputMode = 'sources' | 'determinations';

/** Seeded PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind =
  | 'target_completion'
  | 'reverse'
  | 'bands'
  | 'efficacy'
  | 'rank'
  | 'expert'
  | 'satisfaction'
  | 'deduction'
  | 'qualitative_grade';

const KINDS: Kind[] = [
  ...Array<Kind>(40).fill('target_completion'),
  ...Array<Kind>(25).fill('reverse'),
  ...Array<Kind>(25).fill('bands'),
  ...Array<Kind>(8).fill('efficacy'),
  ...Array<Kind>(7).fill('rank'),
  ...Array<Kind>(15).fill('expert'),
  ...Array<Kind>(5).fill('satisfaction'),
  ...Array<Kind>(15).fill('deduction'),
  ...Array<Kind>(10).fill('qualitative_grade'),
];
const VALUE_KINDS = new Set<Kind>(['target_completion', 'reverse', 'bands', 'efficacy', 'rank']);
const TARGETED = new Set<Kind>(['target_completion', 'reverse']);
const RESPONDENTS = [
  { key: 'RECIP', label: '服务对象', weight: 0.5, share: 0.5 },
  { key: 'NPC', label: '人大代表政协委员', weight: 0.2, share: 0.1 },
  { key: 'PUB', label: '社会公众', weight: 0.3, share: 0.4 },
];
export const GROUPS = ['G0', 'G1', 'G2', 'G3'];
export const EXPERTS_PER_LEAF = 15;
export const ANSWERS_PER_UNIT = 250;

const ruleOf = (k: Kind): Record<string, unknown> & { kind: Kind } => {
  switch (k) {
    case 'target_completion':
      return { kind: k, cap: 1.2 };
    case 'bands':
      return {
        kind: k,
        bands: [
          { min: null, max: 60, fraction: 0.4 },
          { min: 60, max: 80, fraction: 0.7 },
          { min: 80, max: 95, fraction: 0.9 },
          { min: 95, max: null, fraction: 1 },
        ],
      };
    case 'expert':
      return { kind: k, scale: 100 };
    case 'satisfaction':
      return {
        kind: k,
        groups: RESPONDENTS.map(({ key, label, weight }) => ({ key, label, weight })),
        minSample: 20,
      };
    case 'deduction':
      return {
        kind: k,
        items: [
          { code: 'LATE', label: '迟报', pointsEach: 0.1 },
          { code: 'ERR', label: '数据差错', pointsEach: 0.2 },
        ],
      };
    default:
      return { kind: k };
  }
};

const sourceOf = (k: Kind) =>
  k === 'expert'
    ? 'expert'
    : k === 'satisfaction'
      ? 'survey'
      : k === 'efficacy'
        ? 'data_provider'
        : 'self_report';

export interface BenchLeaf {
  code: string;
  kind: Kind;
}

/** 5 dimensions × 6 indicators × 5 sub-indicators = 150 leaves (100 of 0.6 and 50 of 0.8 points). */
export function citySystem(): { content: SystemContent; leaves: BenchLeaf[] } {
  const shuffled = [...KINDS];
  const r = rng(7);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const leaves: BenchLeaf[] = [];
  const dims = [];
  let n = 0;
  for (let d = 0; d < 5; d++) {
    const inds = [];
    for (let i = 0; i < 6; i++) {
      const subs = [];
      for (let s = 0; s < 5; s++) {
        const kind = shuffled[n]!;
        const code = `L${String(n).padStart(3, '0')}`;
        const weight = n % 3 === 2 ? 0.8 : 0.6;
        n++;
        leaves.push({ code, kind });
        subs.push(
          leaf(code, weight, ruleOf(kind), {
            direction: kind === 'reverse' ? 'lower' : 'higher',
            unitOfMeasure: '%',
            source: sourceOf(kind),
            type: kind === 'expert' || kind === 'qualitative_grade' ? 'qualitative' : 'quantitative',
          }),
        );
      }
      inds.push(branch(`D${d}I${i}`, Math.round(subs.reduce((s, x) => s + x.weight, 0) * 10) / 10, subs));
    }
    dims.push(branch(`D${d}`, Math.round(inds.reduce((s, x) => s + x.weight, 0) * 10) / 10, inds));
  }
  const content = system({
    name: '绩效评估基准体系',
    dimensions: dims,
    bonusItems: [{ code: 'AWARD', name: '表彰', maxPoints: 2 }],
    bonusCap: 3,
    vetoItems: [{ code: 'CORR', name: '严重违纪', effect: 'fail' }],
    grading: {
      levels: [
        { code: 'excellent', label: { zh: '优秀', en: 'Excellent' }, min: 90, maxShare: 0.2 },
        { code: 'good', label: { zh: '良好', en: 'Good' }, min: 80 },
        { code: 'fair', label: { zh: '一般', en: 'Fair' }, min: 60 },
        { code: 'fail', label: { zh: '不及格', en: 'Fail' }, min: 0 },
      ],
      tieBreak: ['dimension:D0', 'fewer_deductions'],
    },
  });
  return { content, leaves };
}

export interface SeededYear {
  tenant: string;
  cycle: string;
  admin: string;
  units: string[];
  /** Records written, by kind. */
  records: Record<string, number>;
  ms: number;
}

/** Writes items 25 to a request, a few requests at a time, retrying what DynamoDB leaves unprocessed. */
async function putAll(data: DataLayer, items: Record<string, unknown>[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const chunk = items.slice(next, next + 25);
      next += 25;
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      while (pending.length) {
        const r = await data.store.doc.batchWrite({ RequestItems: { [data.store.tableName]: pending } });
        pending = (r.UnprocessedItems?.[data.store.tableName] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

export async function seedYear(
  data: DataLayer,
  o: { tenant: string; units: number; mode: InputMode; seed: number },
): Promise<SeededYear> {
  const started = performance.now();
  const t = o.tenant;
  const r = rng(o.seed);
  const at = new Date().toISOString();
  const stamps = { version: 1, createdAt: at, updatedAt: at };
  const counts: Record<string, number> = {};
  const records: Record<string, unknown>[] = [];
  const record = (cycle: string, kind: CycleRecordKind, path: string[], body: object, index?: object) => {
    records.push({
      ...body,
      ...stamps,
      entity: `cycle.${kind}`,
      tenant: t,
      ...index,
      ...keys.cycleRecord(t, cycle, kind, ...path),
    });
    counts[kind] = (counts[kind] ?? 0) + 1;
  };

  await ensureDivisions();
  await data.tenants.create({ ...tenantFactsFor(t), planStatus: 'active' });
  for (const [i, code] of GROUPS.entries())
    await data.org.createGroup(t, { code, name: `第${i + 1}类单位`, sortOrder: i });
  const units = Array.from({ length: o.units }, (_, i) => `U${String(i).padStart(4, '0')}`);
  const groupOf = (i: number) => GROUPS[i % GROUPS.length]!;
  await putAll(
    data,
    units.map((code, i) => ({
      ...keys.unitInGroup(t, groupOf(i), code),
      ...keys.unit(t, code),
      entity: 'unit',
      tenant: t,
      code,
      name: `基准单位${code}`,
      type: 'department',
      group: groupOf(i),
      active: true,
      ...stamps,
    })),
  );
  const admin = 'bench-admin';
  await data.org.createUser(t, { id: admin, name: '基准考核办', roles: ['tenant_admin'], active: true });

  const { content, leaves } = citySystem();
  const systemId = newId('indicatorSystem');
  const created = await data.indicatorSystems.createVersion(t, { id: systemId, systemVersion: 1, content });
  const submitted = await data.indicatorSystems.setStatus(
    t,
    systemId,
    1,
    created.version,
    ['draft'],
    'submitted',
  );
  await data.indicatorSystems.setStatus(t, systemId, 1, submitted.version, ['submitted'], 'approved');

  const cycleId = newId('cycle');
  const cycle: Omit<Cycle, 'version' | 'createdAt' | 'updatedAt'> = {
    id: cycleId,
    name: `${tenantFactsFor(t).name} 2025 年度绩效评估（基准）`,
    year: 2025,
    kind: 'annual',
    bindings: [{ system: systemId, systemVersion: 1, groups: GROUPS }],
    calendar: {
      planDeadline: '2025-03-31',
      consultationDays: 7,
      progressPeriods: [],
      selfAssessment: { opens: '2025-12-01', closes: '2025-12-15' },
      verification: { opens: '2025-12-16', closes: '2025-12-31' },
      review: { opens: '2026-01-05', closes: '2026-01-20' },
      appeal: { opens: '2026-01-21', closes: '2026-01-31' },
    },
    warningRule: { greenAtLeast: 0.95, yellowAtLeast: 0.8 },
    providers: [],
    // The office fixes the targets of the target-based leaves for the year.
    targets: leaves.filter((l) => TARGETED.has(l.kind)).map((l) => ({ leaf: l.code, target: 100 })),
    state: 'verification',
    workPlan: { tasks: [], training: [] },
    reopenings: [],
  };
  await data.cycles.create(t, cycle);

  const byKind = (k: Kind) => leaves.filter((l) => l.kind === k).map((l) => l.code);
  const expertLeaves = byKind('expert');
  const satisfactionLeaves = byKind('satisfaction');
  const level = (lean: number): LikertLevel => LIKERT_LEVELS[Math.min(4, Math.floor(r() * r() * 5 + lean))]!;

  // Expert pool (one closed round of scoring) and the survey (closed), shared by all units.
  const experts = Array.from({ length: EXPERTS_PER_LEAF }, () => newId('expert'));
  const surveys: { id: string; units: string[] }[] = [];
  if (o.mode === 'sources') {
    for (const [i, id] of experts.entries())
      await data.experts.pool.create(t, {
        id,
        name: `评审专家${i + 1}`,
        specialties: [],
        conflicts: [],
        active: true,
      });
    record(cycleId, 'EXPROUND', ['01'], {
      number: 1,
      status: 'closed',
      items: [],
      openedAt: at,
      closedAt: at,
    });
    for (let i = 0; i < units.length; i += 200)
      surveys.push({ id: newId('survey'), units: units.slice(i, i + 200) });
    for (const s of surveys) {
      const survey: Omit<StoredSurvey, 'version' | 'createdAt' | 'updatedAt'> = {
        id: s.id,
        cycle: cycleId,
        title: '年度满意度测评',
        intro: '',
        groups: RESPONDENTS.map(({ key, label, weight }) => ({
          key,
          label,
          weight,
          openLink: key === 'PUB',
        })),
        units: s.units,
        questions: satisfactionLeaves.map((leafCode, q) => ({
          code: `Q${q + 1}`,
          text: `对该单位第${q + 1}项工作的满意程度`,
          kind: 'likert' as const,
          leaf: leafCode,
        })),
        openLink: { enabled: true, perNetworkPerHour: 30 },
        fastSeconds: 3,
        status: 'closed',
        openedAt: at,
        closedAt: at,
        salt: 'bench-salt',
      };
      record(cycleId, 'SURVEY', [s.id], survey);
    }
  }

  for (const [u, unit] of units.entries()) {
    const determination: Record<string, unknown> = {};
    const lean = (u % 7) / 10; // units differ a little in how satisfied people are
    for (const l of leaves) {
      const p = r();
      if (p < 0.01) continue; // not submitted
      const exempt = p < 0.02;
      if (VALUE_KINDS.has(l.kind)) {
        const actual = Math.round(50 + r() * 70);
        if (o.mode === 'determinations')
          determination[l.code] = exempt ? { kind: 'exempt', reason: '职能调整' } : { kind: 'value', actual };
        else if (!exempt)
          record(
            cycleId,
            'VAL',
            [unit, l.code],
            {
              cycle: cycleId,
              unit,
              leaf: l.code,
              origin: l.kind === 'efficacy' ? 'provider' : 'unit',
              original: actual,
              value: actual,
              status: 'confirmed',
            },
            keys.valueByLeaf(t, cycleId, l.code, unit),
          );
      } else if (l.kind === 'deduction')
        determination[l.code] = {
          kind: 'incidents',
          counts: { LATE: Math.floor(r() * 3), ERR: Math.floor(r() * 2) },
        };
      else if (l.kind === 'qualitative_grade')
        determination[l.code] = { kind: 'grade', grade: 'ABCD'[Math.floor(r() * 4)] };
      else if (o.mode === 'determinations')
        determination[l.code] =
          l.kind === 'expert'
            ? { kind: 'expert_scores', scores: Array.from({ length: 5 }, () => Math.round(60 + r() * 40)) }
            : {
                kind: 'survey',
                answers: Object.fromEntries(
                  RESPONDENTS.map((g) => [
                    g.key,
                    Object.fromEntries(LIKERT_LEVELS.map((lv) => [lv, Math.floor(r() * 30)])),
                  ]),
                ),
              };
    }
    record(cycleId, 'DETERM', [unit], {
      cycle: cycleId,
      unit,
      leaves: determination,
      bonus: r() < 0.3 ? { AWARD: Math.round(r() * 20) / 10 } : {},
      vetoes: r() < 0.02 ? { CORR: '通报批评' } : {},
      note: '',
    });

    if (o.mode !== 'sources') continue;
    for (const expert of experts) {
      const assignment = newId('assignment');
      record(cycleId, 'EXPASSIGN', [assignment], {
        id: assignment,
        cycle: cycleId,
        expert,
        unit,
        leaves: expertLeaves,
        status: 'active',
      });
      for (const leafCode of expertLeaves)
        record(cycleId, 'EXPSCORE', ['01', unit, leafCode, assignment], {
          cycle: cycleId,
          round: 1,
          assignment,
          expert,
          unit,
          leaf: leafCode,
          score: Math.round(60 + r() * 40),
          comment: '评审意见',
        });
    }
    const survey = surveys.find((s) => s.units.includes(unit))!;
    for (let a = 0; a < ANSWERS_PER_UNIT; a++) {
      const g = r();
      const group = g < 0.5 ? RESPONDENTS[0]! : g < 0.6 ? RESPONDENTS[1]! : RESPONDENTS[2]!;
      const id = newId('answer');
      record(cycleId, 'ANSWER', [survey.id, id], {
        id,
        survey: survey.id,
        group: group.key,
        channel: group.key === 'PUB' ? 'open_link' : 'invitation',
        ...(group.key === 'RECIP' ? { unit } : {}),
        ratings: { [unit]: Object.fromEntries(satisfactionLeaves.map((_, q) => [`Q${q + 1}`, level(lean)])) },
        texts: {},
        device: `d${u}-${a}`,
        network: `n${(u * ANSWERS_PER_UNIT + a) % 4093}`,
        durationSeconds: 40 + Math.floor(r() * 200),
        at,
      });
    }
  }
  await putAll(data, records);
  return {
    tenant: t,
    cycle: cycleId,
    admin,
    units,
    records: counts,
    ms: Math.round(performance.now() - started),
  };
}
