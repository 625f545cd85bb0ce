export { type ExportMeta, exportSystemXlsx } from './indicator-xlsx/export';
export { type ImportResult, type Issue, importSystemXlsx } from './indicator-xlsx/import';
export {
  formatRuleParams,
  PARAM_EXAMPLES,
  parseRuleParams,
  RULE_NAMES,
  ruleKindFromName,
} from './indicator-xlsx/rule-params';
