import type { Appeal } from '../evaluation/appeals';
import { assembleSnapshot } from '../evaluation/assemble';
import { digestOf } from '../evaluation/digest';
import type { ResultRow, UnitRunResult } from '../evaluation/model';
import type { Rectification } from '../evaluation/rectification';
import { resultRowOf, unitRunResultOf } from '../evaluation/rows';
import { FINANCE_CALCULATORS } from '../finance';
import { leavesOf } from '../indicators/model';
import { scoreUnits } from '../scoring/engine';
import type { UnitResult } from '../scoring/types';
import { buildCongressReport } from './congress-report';
import type { OfficeReportInputs, ReportContext, UnitReportInputs } from './inputs';
import type { CongressReport, OfficeReport, TrendPoint, UnitReport } from './model';
import { buildOfficeReport } from './office-report';
import {
  APPEALED,
  SAMPLE_CONTENT,
  SAMPLE_GROUPS,
  SAMPLE_SYSTEM,
  SAMPLE_UNITS,
  sampleRawData,
} from './sample-cycle';
import { buildUnitReport } from './unit-report';

/**
 * Realistic report inputs for tests (the builders', the renderers', the API's), made BY RUNNING THE
 * REAL ENGINE on the sample year of ./sample-cycle.ts: the freeze step (`assembleSnapshot`), the
 * engine (`scoreUnits`), the run's results, rows and digest, twice: the first release (run 1) and
 * the re-run after an accepted appeal (run 2, the one reported). Around them: an accepted and a
 * rejected appeal, four rectification tasks (one overdue on the report day, one closed) and two
 * earlier years of each unit's results. Deterministic: every call returns equal data.
 */

export const SAMPLE_IDS = {
  cycle: 'cysamplecyclea',
  firstRun: 'rnsamplefirst2',
  run: 'rnsamplesecnd2',
  accepted: 'apsampleaccpt2',
  rejected: 'apsamplerejct2',
} as const;

/** The unit the sample unit report is about: its appeal was accepted and it has an overdue task. */
export const SAMPLE_UNIT = APPEALED.unit;

export const SAMPLE_CONTEXT: ReportContext = {
  tenant: { code: '230100', name: '哈尔滨市' },
  cycle: { id: SAMPLE_IDS.cycle, name: '哈尔滨市 2024 年度市直部门和区县政府绩效评估', year: 2024 },
  run: { id: SAMPLE_IDS.run, number: 2 },
  releasedOn: '2025-01-20',
  publishedOn: '2025-01-24',
  asOf: '2025-01-24',
};

interface Run {
  results: UnitRunResult[];
  rows: ResultRow[];
  digest: ReturnType<typeof digestOf>;
}

/** One run of the batch over the sample year: freeze, score, results, rows and digest. */
function runOf(corrected: boolean): Run {
  const snapshot = assembleSnapshot(sampleRawData(corrected, SAMPLE_IDS.accepted));
  const binding = snapshot.bindings[0]!;
  const scored = scoreUnits(binding.content, snapshot.inputs, {
    calculators: FINANCE_CALCULATORS,
    adjustments: new Map(Object.entries(snapshot.adjustments)),
  });
  const names = new Map(snapshot.units.map((u) => [u.code, u.name]));
  const results = scored.units.map((u) =>
    unitRunResultOf({
      unit: { code: u.unit, name: names.get(u.unit)! },
      system: binding.system,
      content: binding.content,
      result: u as UnitResult,
      provenance: snapshot.provenance[u.unit]!,
    }),
  );
  return { results, rows: results.map(resultRowOf), digest: digestOf(results, snapshot.inputs) };
}

const stamp = (at: string, by = 'uadminsample2345', name = '考核办 王丽') => ({ by, name, at });

function appealsOf(first: Run): Appeal[] {
  const standing = (unit: string) => {
    const r = first.rows.find((x) => x.unit === unit)!;
    return {
      run: SAMPLE_IDS.firstRun,
      number: 1,
      total: r.total.shown,
      rank: r.rank,
      of: r.of,
      grade: r.grade,
      gradeLabel: r.gradeLabel,
    };
  };
  const base = { cycle: SAMPLE_IDS.cycle, evidence: [], version: 2 };
  return [
    {
      ...base,
      id: SAMPLE_IDS.accepted,
      unit: APPEALED.unit,
      target: 'indicator',
      leaf: APPEALED.leaf,
      leafName: '目标任务完成率',
      reasons: '第四季度完成的两项重点任务未计入目标任务完成率，佐证材料已补充上传。',
      evidence: [{ id: 'evsampleevid22', title: '第四季度重点任务完成情况说明' }],
      status: 'accepted',
      appealed: standing(APPEALED.unit),
      submitted: stamp('2025-01-07T02:00:00.000Z', 'usampleunitngq23', '南岗区 李明'),
      decision: {
        ...stamp('2025-01-13T08:30:00.000Z'),
        status: 'accepted',
        reason: '经核实，两项重点任务已于 12 月完成，完成率更正为 96%。',
        correction: { value: APPEALED.after },
        applied: { value: { before: APPEALED.before, after: APPEALED.after } },
      },
      createdAt: '2025-01-07T02:00:00.000Z',
      updatedAt: '2025-01-13T08:30:00.000Z',
    },
    {
      ...base,
      id: SAMPLE_IDS.rejected,
      unit: 'MZJ',
      target: 'conclusion',
      reasons: '本单位全年工作量大幅增加，认为综合等次未能反映实际工作成效，申请复核。',
      status: 'rejected',
      appealed: standing('MZJ'),
      submitted: stamp('2025-01-08T03:00:00.000Z', 'usampleunitmzj23', '市民政局 赵强'),
      decision: {
        ...stamp('2025-01-14T07:00:00.000Z'),
        status: 'rejected',
        reason: '经复核，各项指标得分计算无误，等次按评分办法确定，维持原结论。',
      },
      createdAt: '2025-01-08T03:00:00.000Z',
      updatedAt: '2025-01-14T07:00:00.000Z',
    },
  ];
}

function task(
  id: string,
  unit: string,
  title: string,
  deadline: string,
  status: Rectification['status'],
  leaf?: string,
): Rectification {
  return {
    id,
    cycle: SAMPLE_IDS.cycle,
    unit,
    title,
    problem: `${title}：评估发现的问题，须按期整改。`,
    source: 'results',
    ...(leaf ? { leaf } : {}),
    owner: '办公室',
    deadline,
    status,
    progress: [],
    transitions: [],
    created: stamp('2025-01-21T01:00:00.000Z'),
    version: 1,
    createdAt: '2025-01-21T01:00:00.000Z',
    updatedAt: '2025-01-21T01:00:00.000Z',
  };
}

/** Four tasks: NGQ's in progress past its deadline (overdue on 2025-01-24), one closed, two open. */
const TASKS: Rectification[] = [
  task('rtsampletaskaa', 'NGQ', '环保督察通报问题整改', '2025-01-22', 'in_progress'),
  task('rtsampletaskbb', 'NGQ', '提高服务效能', '2025-06-30', 'open', 'EF'),
  task('rtsampletaskcc', 'DWQ', '规范行政执法', '2025-03-31', 'open', 'DE'),
  task('rtsampletaskdd', 'MZJ', '投诉办结提速', '2025-01-15', 'closed', 'RV'),
];

/** Two earlier years of a unit's results (示例 numbers, drifting towards this year's). */
function historyOf(row: ResultRow, index: number): TrendPoint[] {
  const earlier = [
    {
      year: 2022,
      cycle: 'cysampleprevaa',
      cycleName: '哈尔滨市 2022 年度绩效评估',
      shift: -4.5 + (index % 3),
    },
    { year: 2023, cycle: 'cysampleprevbb', cycleName: '哈尔滨市 2023 年度绩效评估', shift: -2 + (index % 2) },
  ];
  return earlier.map((e) => {
    const total = Math.min(99, Math.max(40, Number(row.total.shown) + e.shift)).toFixed(2);
    const t = Number(total);
    const grade =
      t >= 90
        ? { code: 'excellent', label: { zh: '优秀', en: 'Excellent' } }
        : t >= 80
          ? { code: 'good', label: { zh: '良好', en: 'Good' } }
          : t >= 60
            ? { code: 'fair', label: { zh: '一般', en: 'Fair' } }
            : { code: 'fail', label: { zh: '不及格', en: 'Fail' } };
    return { year: e.year, cycle: e.cycle, cycleName: e.cycleName, total, grade, rank: row.rank, of: row.of };
  });
}

export interface SampleReportInputs {
  /** The sample unit's report inputs (南岗区: accepted appeal, overdue task, bar-excellent veto). */
  unit: UnitReportInputs;
  /** Every unit's report inputs, in unit-code order. */
  units: UnitReportInputs[];
  office: OfficeReportInputs;
}

/** The sample year's report inputs (see the module's comment). */
export function sampleReportInputs(): SampleReportInputs {
  const first = runOf(false);
  const second = runOf(true);
  const appeals = appealsOf(first);
  const unitsOfMeasure = Object.fromEntries(
    leavesOf(SAMPLE_CONTENT.dimensions).flatMap((l) => (l.unitOfMeasure ? [[l.code, l.unitOfMeasure]] : [])),
  );
  const units = SAMPLE_UNITS.map((u) => u)
    .sort((a, b) => (a.code < b.code ? -1 : 1))
    .map((u, i): UnitReportInputs => {
      const result = second.results.find((r) => r.unit === u.code)!;
      const row = second.rows.find((r) => r.unit === u.code)!;
      return {
        context: SAMPLE_CONTEXT,
        unit: {
          code: u.code,
          name: u.name,
          type: u.type,
          group: SAMPLE_GROUPS.find((g) => g.code === u.group)!,
        },
        result,
        groupRows: second.rows.filter((r) => r.group === u.group),
        digest: second.digest,
        unitsOfMeasure,
        history: historyOf(row, i),
        appeals: appeals.filter((a) => a.unit === u.code),
        tasks: TASKS.filter((t) => t.unit === u.code),
      };
    });
  return {
    unit: units.find((u) => u.unit.code === SAMPLE_UNIT)!,
    units,
    office: {
      context: SAMPLE_CONTEXT,
      groups: SAMPLE_GROUPS.map((g) => ({ ...g })),
      levels: SAMPLE_CONTENT.grading.levels.map((l) => ({ code: l.code, label: l.label })),
      rows: second.rows,
      results: second.results,
      firstRelease: { run: SAMPLE_IDS.firstRun, number: 1, rows: first.rows },
      appeals,
      tasks: TASKS,
    },
  };
}

/** The three reports of the sample year, built by the real builders. */
export function sampleReports(): {
  unit: UnitReport;
  units: UnitReport[];
  office: OfficeReport;
  congress: CongressReport;
} {
  const inputs = sampleReportInputs();
  const office = buildOfficeReport(inputs.office);
  return {
    unit: buildUnitReport(inputs.unit),
    units: inputs.units.map(buildUnitReport),
    office,
    congress: buildCongressReport({ office }),
  };
}

export { SAMPLE_SYSTEM };
