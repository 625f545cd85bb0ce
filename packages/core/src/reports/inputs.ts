import type { Appeal, Rectification } from '../evaluation';
import type { ResultRow, RunDigest, UnitRunResult } from '../evaluation/model';
import type { UnitType } from '../org/schemas';
import type { Bilingual } from '../scoring/types';
import type { TrendPoint } from './model';

/**
 * What the pure report builders read: records as stored, gathered by the API's use cases (and by
 * the batch's report step) so that both build the same report from the same records.
 */

/** Who and what a report is about, and the day its data was taken (Asia/Shanghai, YYYY-MM-DD). */
export interface ReportContext {
  tenant: { code: string; name: string };
  cycle: { id: string; name: string; year: number };
  run: { id: string; number: number };
  releasedOn?: string;
  publishedOn?: string;
  asOf: string;
}

export interface UnitReportInputs {
  context: ReportContext;
  unit: { code: string; name: string; type: UnitType; group: { code: string; name: string } };
  result: UnitRunResult;
  /** The run's rows of every unit of the unit's group (itself included). */
  groupRows: ResultRow[];
  /** The run's digest: every unit's leaf points, for the unit's position on each dimension. */
  digest: RunDigest;
  /** Units of measure of the leaves, where the system gives one. */
  unitsOfMeasure?: Record<string, string>;
  /** The unit's results in earlier years' released runs (oldest first; this year is added). */
  history: TrendPoint[];
  /** The unit's appeals in this cycle, and the rows of the runs they led to (to say what changed). */
  appeals: Appeal[];
  /** The unit's rectification tasks in this cycle. */
  tasks: Rectification[];
}

export interface OfficeReportInputs {
  context: ReportContext;
  groups: Array<{ code: string; name: string }>;
  /**
   * The grade levels (等次) of the cycle's systems, highest first as each system lists them
   * (`content.grading.levels`), merged over the cycle's bindings in binding order. Grade counts
   * follow this order and list every level, 0 included. Without it, only the grades given appear,
   * the default levels (优秀, 良好, 一般, 不及格) in their order first.
   */
  levels?: Array<{ code: string; label: Bilingual }>;
  rows: ResultRow[];
  /** Every unit's result (the breakdown), for the problems found. */
  results: UnitRunResult[];
  /** The rows of the first release of the cycle when it differs from this run: what appeals changed. */
  firstRelease?: { run: string; number: number; rows: ResultRow[] };
  appeals: Appeal[];
  tasks: Rectification[];
}

export interface CongressReportInputs {
  /** The overall report it is written from. */
  office: import('./model').OfficeReport;
  /** Defaults: `${tenant}人大常委会` and `${tenant}人民政府`. */
  addressee?: string;
  signature?: string;
}
