/**
 * The batch's unit tests' world (not exported from the package): the stand-in storage of
 * ./memory.ts under the real steps, and a small cycle to freeze: three groups over two systems, a
 * peer-relative rule, a quota and an adjustment.
 */
import {
  type EvaluationRun,
  GRADE_LEVEL_LABELS,
  type Job,
  leafSchema,
  type RawCycleData,
  type SystemContent,
  systemContentSchema,
} from '@jixiao/core';
import type { CycleReader, StepDeps } from './context';
import { handleSteps } from './handler';
import { MemoryObjects, MemoryReports, MemoryRuns } from './memory';
import { ObjectCache } from './objects';

export { MemoryObjects, MemoryReports, MemoryRuns };

// ─── A small cycle ──────────────────────────────────────────────────────────────────────────────

const leaf = (
  code: string,
  weight: number,
  rule: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) =>
  leafSchema.parse({
    code,
    name: `指标${code}`,
    weight,
    type: 'quantitative',
    source: 'self_report',
    rule,
    ...extra,
  });

const GRADING = {
  levels: [
    { code: 'excellent', label: GRADE_LEVEL_LABELS.excellent, min: 90, maxShare: 0.2 },
    { code: 'good', label: GRADE_LEVEL_LABELS.good, min: 75 },
    { code: 'fair', label: GRADE_LEVEL_LABELS.fair, min: 60 },
    { code: 'fail', label: GRADE_LEVEL_LABELS.fail, min: 0 },
  ],
  quotaRounding: 'floor',
};

/** 部门体系: target completion, efficacy (peer-relative) and a deduction; a veto; a 20% 优秀 quota. */
export const DEPT_SYSTEM: SystemContent = systemContentSchema.parse({
  name: '部门体系',
  dimensions: [
    {
      code: 'D1',
      name: '履职',
      weight: 100,
      children: [
        leaf('GDP', 50, { kind: 'target_completion', cap: 1.2 }, { officeParams: { target: 100 } }),
        leaf('EFF', 40, { kind: 'efficacy' }),
        leaf('SAFE', 10, { kind: 'deduction', items: [{ code: 'ACC', label: '安全事故', pointsEach: 5 }] }),
      ],
    },
  ],
  vetoItems: [{ code: 'CORR', name: '严重违纪', effect: 'fail' }],
  grading: GRADING,
});

/** 区县体系: rank within the group and bands. */
export const DISTRICT_SYSTEM: SystemContent = systemContentSchema.parse({
  name: '区县体系',
  dimensions: [
    {
      code: 'D1',
      name: '发展',
      weight: 100,
      children: [
        leaf('GRW', 60, { kind: 'rank' }),
        leaf('SVC', 40, {
          kind: 'bands',
          bands: [
            { min: null, max: 60, fraction: 0.5 },
            { min: 60, max: null, fraction: 1 },
          ],
        }),
      ],
    },
  ],
  grading: GRADING,
});

export const TENANT = '230100';
export const CYCLE = 'cyaaaaaaaaaaaa';
const code = (prefix: string, i: number) => `${prefix}${String(i).padStart(2, '0')}`;

/** 30 units: ECON 12 and SOC 10 under 部门体系, DIST 8 under 区县体系; values by a formula of the index. */
export function rawCycle(over: Partial<RawCycleData> = {}): RawCycleData {
  const units = [
    ...Array.from({ length: 12 }, (_, i) => ({
      code: code('E', i + 1),
      name: `经济部门${i + 1}`,
      group: 'ECON',
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      code: code('S', i + 1),
      name: `社会部门${i + 1}`,
      group: 'SOC',
    })),
    ...Array.from({ length: 8 }, (_, i) => ({ code: code('X', i + 1), name: `区县${i + 1}`, group: 'DIST' })),
  ];
  const values: RawCycleData['values'] = units.flatMap((u, i) =>
    u.group === 'DIST'
      ? [
          {
            unit: u.code,
            leaf: 'GRW',
            origin: 'unit' as const,
            value: 3 + ((i * 7) % 5),
            status: 'confirmed' as const,
          },
          {
            unit: u.code,
            leaf: 'SVC',
            origin: 'unit' as const,
            value: 50 + i * 3,
            status: 'confirmed' as const,
          },
        ]
      : [
          {
            unit: u.code,
            leaf: 'GDP',
            origin: 'unit' as const,
            value: 80 + ((i * 13) % 30),
            status: 'confirmed' as const,
          },
          {
            unit: u.code,
            leaf: 'EFF',
            origin: 'provider' as const,
            value: 10 + ((i * 11) % 17),
            status: 'confirmed' as const,
          },
        ],
  );
  return {
    cycle: { id: CYCLE, name: '2025 年度', year: 2025, kind: 'annual', state: 'verification', targets: [] },
    bindings: [
      {
        system: { id: 'isaaaaaaaaaaaa', version: 1, name: '部门体系' },
        content: DEPT_SYSTEM,
        groups: ['ECON', 'SOC'],
      },
      {
        system: { id: 'isbbbbbbbbbbbb', version: 2, name: '区县体系' },
        content: DISTRICT_SYSTEM,
        groups: ['DIST'],
      },
    ],
    units,
    values,
    planTargets: [],
    determinations: [
      {
        unit: 'E03',
        leaves: { SAFE: { kind: 'incidents', counts: { ACC: 1 } } },
        bonus: {},
        vetoes: {},
        note: '',
      },
      { unit: 'S02', leaves: {}, bonus: {}, vetoes: { CORR: '通报' }, note: '年终认定' },
    ],
    experts: [],
    surveys: [],
    adjustments: [{ unit: 'E05', points: 2, reason: '评议会调整' }],
    evidence: [],
    appeals: [],
    ...over,
  };
}

/** A run just started (as the API's start does: lock taken, status running, step freeze). */
export function startRun(
  runs: MemoryRuns,
  id: string,
  over: Partial<EvaluationRun> = {},
): { run: EvaluationRun; job: Job } {
  const at = '2026-01-10T02:00:00.000Z';
  const run = runs.add(TENANT, CYCLE, {
    id,
    cycle: CYCLE,
    number: runs.runs.size + 1,
    kind: 'trial',
    trigger: 'office',
    reason: '',
    appeals: [],
    status: 'running',
    step: 'freeze',
    done: [],
    scored: 0,
    total: 0,
    batches: [],
    reported: 0,
    reportBatches: [],
    failures: [],
    attempts: 1,
    started: { by: 'hrb-admin', at },
    ...over,
  });
  runs.lockHeld = { run: id, leaseUntil: '2026-01-10T02:02:00.000Z' };
  return { run, job: { tenant: TENANT, cycle: CYCLE, run: id, attempt: run.attempts } };
}

/** Steps' deps over memory, the cycle's reads given by the test. */
export function memoryDeps(over: Partial<StepDeps> & { cycle?: CycleReader } = {}) {
  let clock = new Date('2026-01-10T02:00:00.000Z');
  const now = () => clock;
  const runs = new MemoryRuns(now);
  const blobs = new MemoryObjects();
  const reports = new MemoryReports(blobs);
  const logs: Record<string, unknown>[] = [];
  const gathered: string[] = [];
  const locked: string[] = [];
  const deps: StepDeps = {
    runs,
    blobs,
    now,
    log: (e) => logs.push(e),
    cache: new ObjectCache(),
    cycle: {
      gather: async (job) => {
        gathered.push(job.run);
        return rawCycle();
      },
      lockEvidence: async (job) => {
        locked.push(job.run);
      },
    },
    reports,
    ...over,
  };
  return {
    deps,
    runs,
    blobs,
    reports,
    logs,
    gathered,
    locked,
    handle: handleSteps(deps),
    tick: (ms: number) => {
      clock = new Date(clock.getTime() + ms);
    },
  };
}

/**
 * Runs every step of a job in order, the score Map in batches of `size` and the report Map in
 * batches of `reportSize` over items.json.
 */
export async function runAll(
  handle: (e: unknown) => Promise<Job>,
  blobs: MemoryObjects,
  job0: Job,
  size = 25,
  reportSize = 10,
) {
  const job = await handle({ step: 'freeze', job: job0 });
  const withItems = await handle({ step: 'peers', job });
  const key = withItems.items!.key;
  const items = JSON.parse(new TextDecoder().decode(blobs.objects.get(key))) as string[];
  for (let i = 0; i < items.length; i += size)
    await handle({ step: 'score', job: withItems, units: items.slice(i, i + size) });
  for (const step of ['rank', 'write'] as const) await handle({ step, job: withItems });
  for (let i = 0; i < items.length; i += reportSize)
    await handle({ step: 'report', job: withItems, units: items.slice(i, i + reportSize) });
  await handle({ step: 'ready', job: withItems });
  return { job: withItems, items };
}
