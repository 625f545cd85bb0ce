export { neutraliseFormula, restoreFormula } from './formula-safe';
export {
  columnPoints,
  fitToPrint,
  MIN_PRINT_POINTS,
  type PrintOptions,
  pagePoints,
  printScale,
  printSetup,
  sheetPoints,
  smallestPoints,
} from './print';
export { fitRowHeights, LINE_FACTOR, MAX_ROW_POINTS } from './rows';
export { BODY_POINTS, splitByLines, textWidth, wrappedLines } from './text';
export { workbookBytes } from './workbook';
