import type { ScoringRule } from '../model';
import { example, fromSource } from '../provenance';
import { dim, leaf, rule, system, type Template, veto } from './build';

/**
 * 财政绩效评价工作方案, 二、评价指标体系: the three groups and the nine items under them, each
 * with the plan's own one-line definition, are the source's (原文). The plan gives no formulas,
 * weights or standards: each item's measure, the shares that make "各项…比重" measurable, every
 * weight, band and target are examples. Control standards (the debt ratio's bands, the debt
 * service ratio's limit) and the revenue growth target are the office's, never the unit's input.
 */
const INCOME = '二、评价指标体系 1. 收入评价指标';
const SPENDING = '二、评价指标体系 2. 支出评价指标';
const DEBT = '二、评价指标体系 3. 债务评价指标';
const cite = (section: string, quote: string) => fromSource('fiscal_evaluation', section, quote);

/** 差额计分: full points at the target, 0 at `tolerance` short; works for growth targets ≤ 0. */
const gap = (tolerance: number): Extract<ScoringRule, { kind: 'target_gap' }> => ({
  kind: 'target_gap',
  tolerance,
});

export const fiscal: Template = {
  id: 'fiscal',
  name: { zh: '财政绩效评价指标体系', en: 'Fiscal performance' },
  description: {
    zh: '依据《财政绩效评价工作方案》“二、评价指标体系”：收入评价（收入增长率、财政收入结构、税收征管水平）、支出评价（政府支出结构、效益评价、财政投资效益）、债务评价（债务规模、偿债能力、债务结构）；三类评价、九项指标及其释义为原文，“税收征管水平”下的“税收征管效果”“税收合规情况”取自其释义。方案未给出计算公式和标准：各项的计量方式（如以税收收入占比、民生支出占比、一年内到期债务占比衡量“结构”）、全部权重、分档界限、目标值和控制标准、否决项和等级划分均为示例，可按本地实际修改。比率类指标由计算公式从报表数据算出后计分；增长目标和债务控制标准由考核办设定，被评价单位不能提交。',
    en: 'Follows section 2 of the fiscal evaluation plan: revenue (growth rate, revenue structure, tax collection), expenditure (structure, benefit, investment return) and debt (scale, repayment capacity, structure). The three groups, the nine items and their one-line definitions are quoted from the plan; "tax collection effect" and "tax compliance" come from the definition of tax collection. The plan gives no formulas or standards: how each item is measured (e.g. the tax share, the social spending share and the share of debt due within a year for "structure"), every weight, band, target and control standard, the veto items and the grading are editable examples. Ratios are computed by calculators from the reported figures; the growth target and the debt control standards are the office’s, not the unit’s input.',
  },
  appliesTo: {
    zh: '本级及下级人民政府的财政管理（财政部门）',
    en: "A government's fiscal management (finance bureaus of this and lower levels)",
  },
  source: '财政绩效评价工作方案（二、评价指标体系 1.–3.）',
  content: system({
    name: '财政绩效评价指标体系',
    description:
      '收入、支出、债务三类评价指标及九项指标为原文（《财政绩效评价工作方案》）；计量方式、权重、分档和控制标准为示例。',
    dimensions: [
      dim('D1', '收入评价', 35, cite(INCOME, '1. 收入评价指标'), [
        leaf({
          code: 'D1-1',
          name: '收入增长率',
          weight: 12,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.formula('revenue_growth_rate', gap(5)),
          officeParams: { target: 5 },
          criteria:
            '收入增长率 =（本年财政收入 − 上年财政收入）/ 上年财政收入 × 100%。差额计分：达到或超过考核办设定的增长目标（示例 5%）得满分，每低 1 个百分点扣 20%，低 5 个百分点及以上不得分；目标设为 0 或负数时同样适用。',
          dataSource: '财政部门',
          evidence: '本年及上年财政决算报表',
          provenance: cite(INCOME, '收入增长率:比较与上年度相比,财政收入的增长情况'),
        }),
        dim(
          'D1-2',
          '财政收入结构',
          10,
          cite(INCOME, '财政收入结构:评估各项收入在总体收入中的比重'),
          [
            leaf({
              code: 'D1-2-1',
              name: '税收收入占比',
              weight: 6,
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
                '税收收入占一般公共预算收入的比重 = 税收收入 / 一般公共预算收入 × 100%，分档计分：80% 及以上得满分，70%–80% 得 80%，60%–70% 得 60%，低于 60% 得 40%。',
              dataSource: '财政部门',
              evidence: '一般公共预算收入决算表',
              provenance: example('以税收收入所占比重衡量收入质量的示例'),
            }),
            leaf({
              code: 'D1-2-2',
              name: '政府性基金收入占比',
              weight: 4,
              unit: '%',
              direction: 'lower',
              type: 'quantitative',
              source: 'data_provider',
              rule: rule.formula(
                'structure_share',
                rule.bands([
                  [null, 30, 1, '低于 30%'],
                  [30, 40, 0.8, '30%–40%'],
                  [40, 50, 0.6, '40%–50%'],
                  [50, null, 0.3, '50% 及以上'],
                ]),
              ),
              criteria:
                '政府性基金预算收入占总体财政收入（一般公共预算收入 + 政府性基金预算收入）的比重，衡量对土地出让等非经常性收入的依赖，越低越好。分档计分：低于 30% 得满分，30%–40% 得 80%，40%–50% 得 60%，50% 及以上得 30%。',
              dataSource: '财政部门',
              evidence: '一般公共预算及政府性基金预算收入决算表',
              provenance: example('以政府性基金收入所占比重衡量收入结构稳定性的示例'),
            }),
          ],
          '“各项收入在总体收入中的比重”以两项占比衡量（示例）；两项的分母不同，互不重复。',
        ),
        dim('D1-3', '税收征管水平', 13, cite(INCOME, '税收征管水平:衡量税收征管工作的效果和税收合规情况'), [
          leaf({
            code: 'D1-3-1',
            name: '税收征管效果',
            weight: 7,
            unit: '%',
            type: 'quantitative',
            source: 'data_provider',
            rule: rule.target(),
            officeParams: { target: 100 },
            criteria:
              '以税款征收率计量：实际入库税款 / 应征税款 × 100%；目标值由考核办统一设定为 100%，得分 = 权重 × min(征收率 / 100%, 1)。',
            dataSource: '税务部门',
            evidence: '税收征管统计报表',
            provenance: cite(INCOME, '衡量税收征管工作的效果'),
          }),
          leaf({
            code: 'D1-3-2',
            name: '税收合规情况',
            weight: 6,
            unit: '%',
            type: 'quantitative',
            source: 'data_provider',
            rule: rule.bands([
              [null, 90, 0, '低于 90%'],
              [90, 95, 0.6, '90%–95%'],
              [95, 98, 0.8, '95%–98%'],
              [98, null, 1, '98% 及以上'],
            ]),
            criteria:
              '以纳税人按期申报率计量：按期申报户数 / 应申报户数 × 100%。分档计分：98% 及以上得满分，95%–98% 得 80%，90%–95% 得 60%，低于 90% 不得分。',
            dataSource: '税务部门',
            evidence: '纳税申报统计报表',
            provenance: cite(INCOME, '税收合规情况'),
          }),
        ]),
      ]),
      dim('D2', '支出评价', 35, cite(SPENDING, '2. 支出评价指标'), [
        dim(
          'D2-1',
          '政府支出结构',
          12,
          cite(SPENDING, '政府支出结构:评估政府支出在各项支出中的比重'),
          [
            leaf({
              code: 'D2-1-1',
              name: '民生支出占比',
              weight: 7,
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
                '民生支出占一般公共预算支出的比重 = 民生支出 / 一般公共预算支出 × 100%，分档计分：75% 及以上得满分，70%–75% 得 90%，60%–70% 得 70%，低于 60% 得 40%。',
              dataSource: '财政部门',
              evidence: '一般公共预算支出决算表',
              provenance: example('以民生支出所占比重衡量支出结构的示例'),
            }),
            leaf({
              code: 'D2-1-2',
              name: '一般性支出占比',
              weight: 5,
              unit: '%',
              direction: 'lower',
              type: 'quantitative',
              source: 'data_provider',
              rule: rule.formula(
                'structure_share',
                rule.bands([
                  [null, 8, 1, '低于 8%'],
                  [8, 10, 0.8, '8%–10%'],
                  [10, 12, 0.6, '10%–12%'],
                  [12, null, 0.3, '12% 及以上'],
                ]),
              ),
              criteria:
                '一般性支出（机关运行经费、“三公”经费等）占一般公共预算支出的比重，越低越好。分档计分：低于 8% 得满分，8%–10% 得 80%，10%–12% 得 60%，12% 及以上得 30%；分档界限为示例，宜按本地历年水平校准。',
              dataSource: '财政部门',
              evidence: '一般公共预算支出决算表、机关运行经费统计',
              provenance: example('以一般性支出所占比重衡量支出结构的示例'),
            }),
          ],
          '“政府支出在各项支出中的比重”以两项占比衡量（示例）。',
        ),
        leaf({
          code: 'D2-2',
          name: '效益评价',
          weight: 12,
          unit: '分',
          type: 'qualitative',
          source: 'expert',
          rule: rule.expert(),
          criteria:
            '评审专家评估政府支出对经济和社会发展的贡献，按百分制评分；专家不少于 5 人时去掉一个最高分和一个最低分后取平均。',
          dataSource: '专家评审',
          evidence: '重点支出项目绩效自评报告、绩效评价报告',
          provenance: cite(SPENDING, '效益评价:评估政府支出对经济和社会发展的贡献'),
        }),
        leaf({
          code: 'D2-3',
          name: '财政投资效益',
          weight: 11,
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
            '以政府投资项目绩效评价优良率计量：年度内完成绩效评价的政府投资项目中评价结果为优良的比例。分档计分：90% 及以上得满分，80%–90% 得 80%，60%–80% 得 60%，低于 60% 得 30%。',
          dataSource: '财政部门、发展改革部门',
          evidence: '政府投资项目绩效评价报告',
          provenance: cite(SPENDING, '财政投资效益:评估政府投资项目的效益和回报情况'),
        }),
      ]),
      dim('D3', '债务评价', 30, cite(DEBT, '3. 债务评价指标'), [
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
            '政府债务率 = 债务余额 / 综合财力 × 100%。分档界限即考核办设定的控制标准（示例）：低于 80% 得满分，80%–100% 得 80%，100%–120% 得 40%，120% 及以上不得分。',
          dataSource: '财政部门（政府债务管理系统）',
          evidence: '政府债务余额统计、综合财力测算表',
          provenance: cite(DEBT, '债务规模:评估政府债务的规模和债务负担'),
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
          officeParams: { target: 10 },
          criteria:
            '偿债率 = 当年还本付息额 / 综合财力 × 100%。逆向指标：以考核办设定的控制标准（示例 10%）为目标，得分 = 权重 × min(控制标准 / 实际偿债率, 1)，不超过控制标准得满分。',
          dataSource: '财政部门（政府债务管理系统）',
          evidence: '还本付息明细、综合财力测算表',
          provenance: cite(DEBT, '偿债能力:评估政府偿还债务的能力和稳定性'),
        }),
        leaf({
          code: 'D3-3',
          name: '债务结构（一年内到期债务占比）',
          weight: 10,
          unit: '%',
          direction: 'lower',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.formula(
            'structure_share',
            rule.bands([
              [null, 15, 1, '低于 15%'],
              [15, 20, 0.8, '15%–20%'],
              [20, 30, 0.5, '20%–30%'],
              [30, null, 0, '30% 及以上'],
            ]),
          ),
          criteria:
            '一年内到期债务占政府债务余额的比重 = 一年内到期债务 / 债务余额 × 100%，反映到期分布是否集中，越低越好。分档计分：低于 15% 得满分，15%–20% 得 80%，20%–30% 得 50%，30% 及以上不得分。',
          dataSource: '财政部门（政府债务管理系统）',
          evidence: '政府债务期限结构统计',
          provenance: cite(DEBT, '债务结构:评估政府债务在不同类型债务中的比重'),
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
