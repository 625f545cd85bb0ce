import type { RuleKind } from '../model';

/** The canonical 评分参数 of each rule kind, quoted in error messages (and tested to round-trip). */
export const PARAM_EXAMPLES: Record<RuleKind, string> = {
  target_completion: '封顶 1.2',
  reverse: '封顶 1',
  target_gap: '容差 5',
  bands: '[0,60):0; [60,80):0.6; [80,):1',
  deduction: 'AQ1 发生安全事故 每次扣2; 最多扣10',
  efficacy: '基础分 60; 浮动分 40',
  rank: '末位 0.6',
  qualitative_grade: 'A 1; B 0.8; C 0.6; D 0.4',
  expert: '满分 100; 5人及以上去掉最高最低分',
  satisfaction:
    '很满意100 满意80 基本满意60 不满意30 很不满意0; FWDX 服务对象 0.5, GZ 社会公众 0.5; 最少样本 30',
  composite: 'ZBKH 指标考核 0.6; MYD 满意度 0.4',
  formula: 'employment_per_investment → 目标完成率 封顶 1',
};
