// The 评分参数 notation on its own, without the workbook code (and so without exceljs), for the console.
// Rule names are not here: they are RULE_LABELS in @jixiao/core (the vocabulary).
export {
  formatRuleParams,
  PARAM_EXAMPLES,
  parseRuleParams,
  ruleKindFromName,
} from './indicator-xlsx/rule-params';
