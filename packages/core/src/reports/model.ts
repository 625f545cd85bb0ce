import { z } from 'zod';
import { APPEAL_STATUSES } from '../evaluation/appeals';
import { RESULT_STAGES } from '../evaluation/model';
import { RECTIFICATION_STATUSES } from '../evaluation/rectification';
import { codeSchema, UNIT_TYPES } from '../org/schemas';
import { bilingualSchema } from '../scoring/types';

/**
 * What an evaluation year leaves behind in writing: per unit (单位绩效评估报告), the office's
 * overall report (绩效评估总体情况报告) and the annual report to the People's Congress standing
 * committee (向人大常委会报告, Harbin draft art. 46, 原文 in seed/). Each report is first plain data
 * (these schemas, built by the pure builders beside them) and then rendered by packages/reports to
 * PDF, XLSX and HTML, so the three formats can never disagree. Numbers are the results' shown
 * decimal strings; charts read the same strings as numbers.
 * Labels of every enum here: ../vocabulary/report-labels.ts.
 */

export const REPORT_KINDS = ['unit', 'office', 'congress'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_FORMATS = ['pdf', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The layout's version: part of every report's content hash, so a change of layout renders every
 * report again while unchanged inputs under the same layout are never rendered twice.
 */
export const REPORT_LAYOUT_VERSION = 'layout-1';

/** Where a dimension stands against the unit's group: above the group's mean by a margin, below, or level. */
export const POSITION_VERDICTS = ['strength', 'weakness', 'par'] as const;
export type PositionVerdict = (typeof POSITION_VERDICTS)[number];

/** What every report says about where it comes from. */
export const reportHeaderSchema = z
  .object({
    tenant: z.object({ code: z.string(), name: z.string() }),
    cycle: z.object({ id: z.string(), name: z.string(), year: z.number().int() }),
    run: z.object({ id: z.string(), number: z.number().int().positive() }),
    /** The day (Asia/Shanghai) the results were released, and published, where they were. */
    releasedOn: z.string().optional(),
    publishedOn: z.string().optional(),
    /** The day the data was taken: reports are regenerated when their data changes, never dated by the render. */
    asOf: z.string(),
  })
  .meta({ id: 'ReportHeader' });
export type ReportHeader = z.infer<typeof reportHeaderSchema>;

const grade = z.object({ code: z.string(), label: bilingualSchema });

/** A unit's position on one dimension (一级指标) within its group. */
export const dimensionPositionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    points: z.string(),
    max: z.string(),
    groupMean: z.string(),
    groupMax: z.string(),
    groupMin: z.string(),
    /** Competition rank within the group on this dimension alone (1 = best). */
    position: z.number().int().positive(),
    of: z.number().int().positive(),
    verdict: z.enum(POSITION_VERDICTS),
  })
  .meta({ id: 'DimensionPosition' });
export type DimensionPosition = z.infer<typeof dimensionPositionSchema>;

/** One leaf of the breakdown, as a reader sees it. */
export const reportIndicatorSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    /** Names of the branches above it, dimension first. */
    path: z.array(z.string()),
    value: z.union([z.number(), z.string(), z.null()]),
    unitOfMeasure: z.string().optional(),
    points: z.string(),
    max: z.string(),
    status: z.string(),
    reason: bilingualSchema,
  })
  .meta({ id: 'ReportIndicator' });
export type ReportIndicator = z.infer<typeof reportIndicatorSchema>;

/** One year of a unit's results (the trend over previous years, this one last). */
export const trendPointSchema = z
  .object({
    year: z.number().int(),
    cycle: z.string(),
    cycleName: z.string(),
    total: z.string(),
    grade,
    rank: z.number().int(),
    of: z.number().int(),
  })
  .meta({ id: 'TrendPoint' });
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const reportAppealSchema = z
  .object({
    id: z.string(),
    subject: z.string(),
    status: z.enum(APPEAL_STATUSES),
    reason: z.string().optional(),
    decidedOn: z.string().optional(),
    /** The total before the appeal and after the run that included it, where it changed. */
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .meta({ id: 'ReportAppeal' });

export const reportTaskSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    owner: z.string(),
    deadline: z.string(),
    status: z.enum(RECTIFICATION_STATUSES),
    overdue: z.boolean(),
  })
  .meta({ id: 'ReportTask' });

/** The report of one unit (单位绩效评估报告). */
export const unitReportSchema = z
  .object({
    kind: z.literal('unit'),
    header: reportHeaderSchema,
    unit: z.object({
      code: codeSchema,
      name: z.string(),
      type: z.enum(UNIT_TYPES),
      group: z.object({ code: z.string(), name: z.string() }),
    }),
    total: z.string(),
    grade,
    rank: z.number().int(),
    of: z.number().int(),
    stages: z.array(z.object({ stage: z.enum(RESULT_STAGES), points: z.string(), max: z.string() })),
    base: z.string(),
    bonus: z.string(),
    deductions: z.string(),
    adjustment: z.object({ points: z.string(), reason: z.string() }).optional(),
    vetoes: z.array(z.object({ name: z.string(), effect: z.enum(['fail', 'bar_excellent']) })),
    dimensions: z.array(dimensionPositionSchema),
    indicators: z.array(reportIndicatorSchema),
    /** The leaves that lost most points (max − points), largest first: where to improve. */
    losses: z.array(z.object({ code: z.string(), name: z.string(), lost: z.string() })),
    trend: z.array(trendPointSchema),
    appeals: z.array(reportAppealSchema),
    rectification: z.array(reportTaskSchema),
  })
  .meta({ id: 'UnitReport' });
export type UnitReport = z.infer<typeof unitReportSchema>;

/** A unit's line in the office's and the Congress report's rankings. */
export const rankingLineSchema = z
  .object({
    unit: z.string(),
    name: z.string(),
    total: z.string(),
    rank: z.number().int(),
    of: z.number().int(),
    grade,
    vetoed: z.boolean(),
  })
  .meta({ id: 'RankingLine' });
export type RankingLine = z.infer<typeof rankingLineSchema>;

/** A group's results: its ranking, grade counts, and the spread of totals. */
export const groupSummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    units: z.number().int(),
    mean: z.string(),
    max: z.string(),
    min: z.string(),
    grades: z.array(z.object({ code: z.string(), label: bilingualSchema, count: z.number().int() })),
    ranking: z.array(rankingLineSchema),
  })
  .meta({ id: 'GroupSummary' });
export type GroupSummary = z.infer<typeof groupSummarySchema>;

/** The distribution of totals in 10-point bands (below 60 together), for the histogram. */
export const scoreBandSchema = z
  .object({ from: z.number(), to: z.number(), label: z.string(), count: z.number().int() })
  .meta({ id: 'ScoreBand' });

/** A problem found: an indicator most units lost points on. */
export const reportProblemSchema = z
  .object({
    leaf: z.string(),
    name: z.string(),
    /** Units that lost points on it, of those it applies to. */
    units: z.number().int(),
    of: z.number().int(),
    /** Mean share of its points kept, 0–100. */
    scoreRate: z.string(),
  })
  .meta({ id: 'ReportProblem' });

/** What appeals changed: units whose total, grade or rank moved between the first and the current release. */
export const appealChangeSchema = z
  .object({
    unit: z.string(),
    name: z.string(),
    before: z.object({ total: z.string(), grade, rank: z.number().int() }),
    after: z.object({ total: z.string(), grade, rank: z.number().int() }),
  })
  .meta({ id: 'AppealChange' });

/** The office's overall report (绩效评估总体情况报告): 评估总体情况、得分明细和问题分析 (seed 2.3). */
export const officeReportSchema = z
  .object({
    kind: z.literal('office'),
    header: reportHeaderSchema,
    units: z.number().int(),
    mean: z.string(),
    /**
     * The stages of the evaluation (指标考核, 满意度测评, 专家评议) the units were scored in: how many
     * units had each, their mean points and the stage's mean maximum (its full marks, unless weight
     * moved for some unit). Added by the builder (optional for data built before it).
     */
    stages: z
      .array(
        z.object({
          stage: z.enum(RESULT_STAGES),
          units: z.number().int(),
          mean: z.string(),
          max: z.string(),
        }),
      )
      .optional(),
    grades: z.array(z.object({ code: z.string(), label: bilingualSchema, count: z.number().int() })),
    bands: z.array(scoreBandSchema),
    groups: z.array(groupSummarySchema),
    problems: z.array(reportProblemSchema),
    appeals: z.object({
      submitted: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      withdrawn: z.number().int(),
      changes: z.array(appealChangeSchema),
    }),
    rectification: z.object({
      tasks: z.number().int(),
      closed: z.number().int(),
      overdue: z.number().int(),
    }),
  })
  .meta({ id: 'OfficeReport' });
export type OfficeReport = z.infer<typeof officeReportSchema>;

/**
 * The annual report to the People's Congress standing committee, in the formal layout of a
 * government's report (标题、主送、正文分部分、落款、日期、附件). Its paragraphs are written from the
 * office report's data by the builder (示例 wording), never typed in by hand.
 */
export const congressReportSchema = z
  .object({
    kind: z.literal('congress'),
    header: reportHeaderSchema,
    /** 关于…的报告 */
    title: z.string(),
    /** 主送: 市人大常委会 */
    addressee: z.string(),
    /** 一、二、三… each with its heading and paragraphs. */
    sections: z.array(z.object({ heading: z.string(), paragraphs: z.array(z.string()) })),
    /** 落款: the government's name, and the date as GB/T 9704-2012 writes it (2025年1月10日). */
    signature: z.string(),
    dateLine: z.string(),
    /** 附件: the ranking by group. */
    annex: z.array(groupSummarySchema),
    office: officeReportSchema.omit({ header: true, kind: true }),
  })
  .meta({ id: 'CongressReport' });
export type CongressReport = z.infer<typeof congressReportSchema>;

export const reportDataSchema = z.discriminatedUnion('kind', [
  unitReportSchema,
  officeReportSchema,
  congressReportSchema,
]);
export type ReportData = z.infer<typeof reportDataSchema>;

/** A rendered file: where our API hands it out, and what it is. */
export const reportFileSchema = z
  .object({
    kind: z.enum(REPORT_KINDS),
    format: z.enum(REPORT_FORMATS),
    unit: z.string().optional(),
    fileName: z.string(),
    bytes: z.number().int(),
    sha256: z.string(),
    /** A short-lived presigned GET of the stored file. */
    url: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'ReportFile' });
export type ReportFile = z.infer<typeof reportFileSchema>;

/** The reports of a cycle's run, and how far the run's report step has come. */
export const reportIndexSchema = z
  .object({
    cycle: z.string(),
    run: z.object({ id: z.string(), number: z.number().int(), status: z.string() }),
    units: z.array(z.object({ code: z.string(), name: z.string(), group: z.string() })),
    /** Unit reports rendered by the run's report step, of all. */
    rendered: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'ReportIndex' });
export type ReportIndex = z.infer<typeof reportIndexSchema>;

export const reportQuerySchema = z.object({
  unit: codeSchema.optional(),
  run: z.string().optional(),
});
