// The 评分参数 and 考核办设定参数 notations on their own, without the workbook code (and so without exceljs),
// for the console.
// Rule names are not here: they are RULE_LABELS in @jixiao/core (the vocabulary).
export { formatOfficeParams, readOfficeParams } from './indicator-xlsx/office-params';
export {
  formatRuleParams,
  PARAM_EXAMPLES,
  parseRuleParams,
  ruleKindFromName,
} from './indicator-xlsx/rule-params';
