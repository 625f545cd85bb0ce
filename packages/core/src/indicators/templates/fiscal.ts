import { dim, leaf, rule, system, type Template, veto } from './build';

/** 财政绩效评价: 收入、支出、债务. */
export const fiscal: Template = {
  id: 'fiscal',
  name: { zh: '财政绩效评价指标体系', en: 'Fiscal performance' },
  description: {
    zh: '依据《财政绩效评价工作方案》“二、评价指标体系”：收入评价（收入增长率、财政收入结构、税收征管水平）、支出评价（政府支出结构、效益评价、财政投资效益）、债务评价（债务规模、偿债能力、债务结构）。比率类指标由计算公式从报表数据算出后计分；定性评价与定量评价相结合。',
    en: 'Follows the fiscal evaluation plan: revenue (growth, structure, tax collection), expenditure (structure, benefit, investment return) and debt (scale, repayment capacity, structure). Ratios are computed by calculators from the reported figures, then scored.',
  },
  appliesTo: {
    zh: '本级及下级人民政府的财政管理（财政部门）',
    en: "A government's fiscal management (finance bureaus of this and lower levels)",
  },
  source: '财政绩效评价工作方案（二、评价指标体系）',
  content: system({
    name: '财政绩效评价指标体系',
    description: '收入、支出、债务三类评价指标（《财政绩效评价工作方案》）。',
    dimensions: [
      dim('D1', '收入评价', 35, [
        leaf({
          code: 'D1-1',
          name: '收入增长率',
          weight: 12,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.formula('revenue_growth_rate', rule.target()),
          criteria:
            '收入增长率 =（本年财政收入 − 上年财政收入）/ 上年财政收入 × 100%；以年度预期增长目标为基准，得分 = 权重 × min(实际增长率 / 目标增长率, 1)，负增长不得分。',
          dataSource: '财政部门',
          evidence: '本年及上年财政决算报表',
        }),
        leaf({
          code: 'D1-2',
          name: '财政收入结构（税收收入占比）',
          weight: 10,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.formula(
            'structure_share',
            rule.bands([
              [null, 60, 0.4, '低于 60%'],
              [60, 70, 0.6, '60%–70%'],
              [70, 80, 0.8, '70%–80%'],
              [80, null, 1, '80% 及以上'],
            ]),
          ),
          criteria:
            '税收收入占一般公共预算收入的比重，分档计分：80% 及以上得满分，70%–80% 得 80%，60%–70% 得 60%，低于 60% 得 40%。',
          dataSource: '财政部门',
          evidence: '一般公共预算收入决算表',
        }),
        leaf({
          code: 'D1-3',
          name: '税收征管水平（税款征收率）',
          weight: 13,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.target(),
          criteria: '衡量税收征管工作的效果和税收合规情况：得分 = 权重 × min(实际入库税款 / 应征税款, 1)。',
          dataSource: '税务部门',
          evidence: '税收征管统计报表',
        }),
      ]),
      dim('D2', '支出评价', 35, [
        leaf({
          code: 'D2-1',
          name: '政府支出结构（民生支出占比）',
          weight: 10,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.formula(
            'structure_share',
            rule.bands([
              [null, 60, 0.4, '低于 60%'],
              [60, 70, 0.7, '60%–70%'],
              [70, 75, 0.9, '70%–75%'],
              [75, null, 1, '75% 及以上'],
            ]),
          ),
          criteria:
            '民生支出占一般公共预算支出的比重，分档计分：75% 及以上得满分，70%–75% 得 90%，60%–70% 得 70%，低于 60% 得 40%。',
          dataSource: '财政部门',
          evidence: '一般公共预算支出决算表',
        }),
        leaf({
          code: 'D2-2',
          name: '支出效益评价',
          weight: 13,
          unit: '分',
          type: 'qualitative',
          source: 'expert',
          rule: rule.expert(),
          criteria:
            '评审专家评估政府支出对经济和社会发展的贡献，按百分制评分；专家不少于 5 人时去掉一个最高分和一个最低分后取平均。',
          dataSource: '专家评审',
          evidence: '重点支出项目绩效自评报告、绩效评价报告',
        }),
        leaf({
          code: 'D2-3',
          name: '财政投资效益（政府投资项目绩效评价优良率）',
          weight: 12,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.bands([
            [null, 60, 0.3, '低于 60%'],
            [60, 80, 0.6, '60%–80%'],
            [80, 90, 0.8, '80%–90%'],
            [90, null, 1, '90% 及以上'],
          ]),
          criteria:
            '年度内完成绩效评价的政府投资项目中评价结果为优良的比例，分档计分：90% 及以上得满分，80%–90% 得 80%，60%–80% 得 60%，低于 60% 得 30%。',
          dataSource: '财政部门、发展改革部门',
          evidence: '政府投资项目绩效评价报告',
        }),
      ]),
      dim('D3', '债务评价', 30, [
        leaf({
          code: 'D3-1',
          name: '债务规模（政府债务率）',
          weight: 10,
          unit: '%',
          direction: 'lower',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.formula(
            'debt_ratio',
            rule.bands([
              [null, 80, 1, '低于 80%'],
              [80, 100, 0.8, '80%–100%'],
              [100, 120, 0.4, '100%–120%'],
              [120, null, 0, '120% 及以上'],
            ]),
          ),
          criteria:
            '政府债务率 = 债务余额 / 综合财力 × 100%，分档计分：低于 80% 得满分，80%–100% 得 80%，100%–120% 得 40%，120% 及以上不得分。',
          dataSource: '财政部门（政府债务管理系统）',
          evidence: '政府债务余额统计、综合财力测算表',
        }),
        leaf({
          code: 'D3-2',
          name: '偿债能力（偿债率）',
          weight: 10,
          unit: '%',
          direction: 'lower',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.formula('debt_service_ratio', rule.reverse()),
          criteria:
            '偿债率 = 当年还本付息额 / 综合财力 × 100%；逆向指标，以控制标准为目标，得分 = 权重 × min(控制标准 / 实际偿债率, 1)。',
          dataSource: '财政部门（政府债务管理系统）',
          evidence: '还本付息明细、综合财力测算表',
        }),
        leaf({
          code: 'D3-3',
          name: '债务结构',
          weight: 10,
          type: 'qualitative',
          source: 'expert',
          rule: rule.grade(),
          criteria:
            '评估一般债务、专项债务及不同期限债务所占比重的合理性和到期分布的均衡性，按优、良、中、差四等计分。',
          dataSource: '财政部门提供资料，专家评定等级',
          evidence: '政府债务结构分析报告',
        }),
      ]),
    ],
    vetoItems: [
      veto(
        'V1',
        '新增地方政府隐性债务',
        'fail',
        '年度内违法违规新增地方政府隐性债务被查处的，年度绩效等级定为不及格。',
      ),
      veto('V2', '发生政府债务违约', 'fail', '政府债务发生逾期或违约的，年度绩效等级定为不及格。'),
    ],
    tieBreak: ['fewer_deductions', 'dimension:D3'],
  }),
};
