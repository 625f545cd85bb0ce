import type { WorkbookLayout } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { workbookBytes } from '../xlsx-layout';
import { writeProvenance } from './export/provenance-sheet';
import { writeRules } from './export/rules-sheet';
import { writeBonus, writeStatistics } from './export/side-sheets';
import { writeTree } from './export/tree-sheet';
import { TREE_COLUMNS, treePrintColumns } from './layout';
import {
  type IndicatorNode,
  isBranch,
  isEnumValue,
  SYSTEM_STATUS_LABELS,
  type SystemContent,
  systemContentSchema,
} from './model';

export interface ExportMeta {
  /** Title row; default: tenant name and system name. */
  title?: string;
  tenantName?: string;
  /** A system status (draft, submitted …) or any text. */
  status?: string;
  systemVersion?: number;
  /**
   * `full` (default): every column, the layout the import reads back. `print`: the 指标体系 sheet
   * with the columns a reader needs (treePrintColumns), fitting A4 landscape at a readable size;
   * the page header says it is not for import.
   */
  layout?: WorkbookLayout;
}

const statusText = (status: string | undefined): string | undefined =>
  status === undefined
    ? undefined
    : isEnumValue('systemStatus', status)
      ? SYSTEM_STATUS_LABELS[status].zh
      : status;

const metaLine = (meta: ExportMeta): string =>
  [
    statusText(meta.status),
    meta.systemVersion === undefined ? undefined : `第 ${meta.systemVersion} 版`,
    meta.layout === 'print' ? '打印版（不用于导入）' : undefined,
  ]
    .filter(Boolean)
    .join('  ');

const depthOf = (nodes: readonly IndicatorNode[]): number =>
  Math.max(0, ...nodes.map((n) => (isBranch(n) ? 1 + depthOf(n.children) : 1)));

/**
 * The indicator system as an .xlsx in the layout offices keep (see layout.ts for the sheets,
 * rule-params.ts for the 评分参数 grammar, office-params.ts for 考核办设定参数 and provenance.ts for
 * 出处). The content is parsed with the schema first, so defaults are written out explicitly;
 * throws if it is not schema-valid or deeper than 3 levels. Sheets: 指标体系, 加分与否决,
 * 统计数据指标 (when there are statistic items), 等级与规则, 出处 (when anything has a provenance).
 */
export async function exportSystemXlsx(content: SystemContent, meta: ExportMeta = {}): Promise<Uint8Array> {
  const c = systemContentSchema.parse(content);
  const wb = new ExcelJS.Workbook();
  wb.creator = '绩效 jixiao';
  wb.title = c.name;
  const tenant = meta.tenantName && !c.name.includes(meta.tenantName) ? meta.tenantName : undefined;
  const header = metaLine(meta);
  const columns = meta.layout === 'print' ? treePrintColumns(depthOf(c.dimensions)) : TREE_COLUMNS;
  writeTree(wb, c, meta.title ?? [tenant, c.name].filter(Boolean).join(' '), header, columns);
  writeBonus(wb, c);
  writeStatistics(wb, c);
  writeRules(
    wb,
    c,
    { tenantName: meta.tenantName, status: statusText(meta.status), systemVersion: meta.systemVersion },
    header,
  );
  writeProvenance(wb, c);
  return workbookBytes(wb);
}
