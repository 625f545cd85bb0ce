export { auditXlsx } from './audit';
export { type BurdenTable, burdenXlsx } from './burden';
export { type CheckTableRow, checksXlsx } from './checks';
export { type OverviewMeta, overviewXlsx } from './overview';
export { type PlanSummaryRow, plansXlsx } from './plans';
export {
  type CellValue,
  type Column,
  type Lang,
  shanghaiTime,
  tableWorkbook,
} from './table-workbook';
export { type ValueTableRow, valuesXlsx } from './values';
