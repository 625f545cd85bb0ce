// The 评分参数 notation on its own, without the workbook code (and so without exceljs), for the console.
export {
  formatRuleParams,
  PARAM_EXAMPLES,
  parseRuleParams,
  RULE_NAMES,
  ruleKindFromName,
} from './indicator-xlsx/rule-params';
