import type { WorkbookLayout } from '../files/media-types';
import type { PublicationStatus } from '../publication/model';
import type { PositionVerdict, ReportFormat, ReportKind } from '../reports/model';
import { type Labels, labels } from './label';

/** Labels of the reports' and the publication's enums (registered in VOCABULARY by ./by-name). */

/** 报告类型. */
export const REPORT_KIND_LABELS: Labels<ReportKind> = labels({
  unit: { zh: '单位绩效评估报告', en: 'Unit evaluation report' },
  office: { zh: '绩效评估总体情况报告', en: 'Overall evaluation report' },
  congress: { zh: '向人大常委会的年度报告', en: "Annual report to the People's Congress" },
});

/** 文件格式. */
export const REPORT_FORMAT_LABELS: Labels<ReportFormat> = labels({
  pdf: { zh: 'PDF 文档', en: 'PDF' },
  xlsx: { zh: 'Excel 表格', en: 'Excel workbook' },
  html: { zh: '网页', en: 'Web page' },
});

/** Excel 导出版式. */
export const WORKBOOK_LAYOUT_LABELS: Labels<WorkbookLayout> = labels({
  full: { zh: '完整版（可改后导入）', en: 'Full (edit and import back)' },
  print: { zh: '打印版', en: 'For printing' },
});

/** 组内位置 (a dimension against the unit's group). */
export const POSITION_VERDICT_LABELS: Labels<PositionVerdict> = labels({
  strength: { zh: '优势', en: 'Strength' },
  weakness: { zh: '短板', en: 'Weakness' },
  par: { zh: '持平', en: 'On par' },
});

/** 公开状态. */
export const PUBLICATION_STATUS_LABELS: Labels<PublicationStatus> = labels({
  published: { zh: '已公开', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
});
