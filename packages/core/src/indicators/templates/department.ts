import { example, fromSource } from '../provenance';
import {
  COMMON_BONUS,
  COMMON_BONUS_CAP,
  COMMON_VETO,
  dim,
  leaf,
  PUBLIC_GROUPS,
  rule,
  system,
  type Template,
} from './build';

/**
 * 政府所属部门: 投入、产出、效果 are the Harbin draft regulation's own three aspects (art. 18, second
 * sentence). The regulation names nothing under them: every leaf, weight, rule and target is an
 * example. One leaf (行政审批办理时限) only makes sense for departments that do administrative
 * approval, so it applies to the `approval` unit group alone; an office that copies the template
 * creates that group (or clears the leaf's groups) before the system can be filed.
 */
const ART18 = fromSource(
  'harbin_regulation',
  '第十八条',
  '政府所属部门的绩效评估内容应当包含投入、产出、效果三个方面',
);

export const department: Template = {
  id: 'department',
  name: { zh: '政府所属部门绩效评估指标体系', en: 'Government departments' },
  description: {
    zh: '依据《哈尔滨市政府绩效管理条例（草案）》第十八条：政府所属部门的绩效评估内容包含投入、产出、效果三个方面（原文）。条例未规定具体指标、权重和评分办法：三个方面下的二级指标、全部权重、评分办法、目标值、加分项、否决项和等级划分均为示例，可按本地实际修改。“行政审批办理时限”只适用于“承担行政审批职能的部门”分组（approval），复制模板后请先建立该分组或修改该指标的适用分组。',
    en: 'Inputs, outputs and outcomes are quoted from art. 18 of the Harbin draft regulation. The regulation gives no indicators, weights or scoring methods: every indicator under the three aspects, every weight, rule, target, bonus and veto item and the grading are editable examples. The approval time-limit indicator applies only to the unit group "approval" (departments that do administrative approval); create that group, or change the indicator’s groups, after copying the template.',
  },
  appliesTo: {
    zh: '市直、县直政府部门（政府所属工作部门）',
    en: 'City and county government departments',
  },
  source: '哈尔滨市政府绩效管理条例（草案）第十八条（投入、产出、效果）',
  groups: [
    {
      code: 'approval',
      name: { zh: '承担行政审批职能的部门', en: 'Departments that do administrative approval' },
    },
  ],
  content: system({
    name: '政府所属部门绩效评估指标体系',
    description:
      '投入、产出、效果三个方面为原文（《哈尔滨市政府绩效管理条例（草案）》第十八条）；其下指标、权重和评分办法为示例。',
    dimensions: [
      dim('D1', '投入', 25, ART18, [
        leaf({
          code: 'D1-1',
          name: '预算执行率',
          weight: 10,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.target(),
          officeParams: { target: 100 },
          criteria:
            '预算执行率 = 年度实际支出 / 年度预算 × 100%；目标值由考核办统一设定为 100%，得分 = 权重 × min(预算执行率 / 100%, 1)。',
          dataSource: '市财政局',
          evidence: '部门决算报表',
          provenance: example('细化「投入」的示例指标'),
        }),
        leaf({
          code: 'D1-2',
          name: '“三公”经费支出',
          weight: 5,
          unit: '万元',
          direction: 'lower',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.reverse(),
          criteria:
            '逆向指标：目标值取该部门经批准的年度“三公”经费预算数，得分 = 权重 × min(预算数 / 实际支出, 1)，超支按比例扣减。',
          dataSource: '市财政局',
          evidence: '“三公”经费决算公开表',
          provenance: example('细化「投入」的示例指标'),
        }),
        leaf({
          code: 'D1-3',
          name: '财务管理合规性',
          weight: 10,
          unit: '项',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.deduction([
            ['SJ', '审计发现违规问题', 2],
            ['WG', '违规使用财政资金', 5],
          ]),
          criteria: '审计发现违规问题每项扣 2 分，违规使用财政资金每项扣 5 分，扣完为止。',
          dataSource: '市审计局',
          evidence: '审计报告、整改报告',
          provenance: example('细化「投入」的示例指标'),
        }),
      ]),
      dim('D2', '产出', 40, ART18, [
        leaf({
          code: 'D2-1',
          name: '年度重点工作任务完成率',
          weight: 20,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.target(),
          officeParams: { target: 100 },
          criteria:
            '按经审核的年度绩效计划确定的重点工作任务逐项核验，完成率 = 已完成任务数 / 计划任务数 × 100%；目标值由考核办统一设定为 100%，得分 = 权重 × min(完成率 / 100%, 1)。',
          dataSource: '被考核单位自报，绩效管理机构核验',
          evidence: '任务台账、完成情况佐证材料',
          provenance: example('细化「产出」的示例指标'),
        }),
        leaf({
          code: 'D2-2',
          name: '重点工作按期完成率',
          weight: 10,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.bands([
            [null, 60, 0, '低于 60%'],
            [60, 80, 0.6, '60%–80%'],
            [80, 95, 0.8, '80%–95%'],
            [95, null, 1, '95% 及以上'],
          ]),
          criteria:
            '按年度绩效计划里程碑按期完成的比例分档：95% 及以上得满分，80%–95% 得 80%，60%–80% 得 60%，低于 60% 不得分。',
          dataSource: '被考核单位自报，绩效管理机构日常监测',
          evidence: '里程碑完成记录、进度报告',
          provenance: example('细化「产出」的示例指标'),
        }),
        leaf({
          code: 'D2-3',
          name: '行政审批办理时限',
          weight: 10,
          unit: '天',
          direction: 'lower',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.reverse(),
          appliesTo: ['approval'],
          criteria:
            '仅适用于“承担行政审批职能的部门”分组（approval）的单位；其他部门不考核本项，其分值按指标体系的免考规则处理（默认按比例分配给“产出”下的其他指标）。逆向指标：完成值为审批事项平均实际办理天数，目标值取该部门经审核的年度绩效计划载明的承诺办理时限，得分 = 权重 × min(承诺时限 / 实际平均办理时限, 1)。',
          dataSource: '市政务服务中心审批系统',
          evidence: '审批系统办件统计',
          provenance: example('细化「产出」的示例指标，只适用于承担行政审批职能的部门'),
        }),
      ]),
      dim('D3', '效果', 35, ART18, [
        leaf({
          code: 'D3-1',
          name: '职能履行效果',
          weight: 15,
          unit: '分',
          type: 'qualitative',
          source: 'expert',
          rule: rule.expert(),
          criteria:
            '评审专家依据自评报告和佐证材料按百分制评分；专家不少于 5 人时去掉一个最高分和一个最低分后取平均，折算为本项得分。',
          dataSource: '专家评审',
          evidence: '绩效自评报告、年度工作总结',
          provenance: example('细化「效果」的示例指标'),
        }),
        leaf({
          code: 'D3-2',
          name: '服务对象满意度',
          weight: 15,
          unit: '分',
          type: 'qualitative',
          source: 'survey',
          rule: rule.satisfaction(PUBLIC_GROUPS),
          criteria:
            '满意度测评（分值与权重为示例）：很满意 100、满意 80、基本满意 60、不满意 30、很不满意 0，按服务对象 50%、人大代表政协委员 20%、社会公众 30% 加权；每类有效样本不少于 30 份。',
          dataSource: '绩效管理机构组织的满意度测评',
          evidence: '问卷回收统计',
          provenance: example('细化「效果」的示例指标'),
        }),
        leaf({
          code: 'D3-3',
          name: '依法行政',
          weight: 5,
          unit: '件',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.deduction([
            ['FY', '行政复议被纠错', 1],
            ['SS', '行政诉讼败诉', 2],
          ]),
          criteria: '行政复议决定被撤销、变更或确认违法的每件扣 1 分，行政诉讼败诉的每件扣 2 分，扣完为止。',
          dataSource: '市司法局',
          evidence: '行政复议决定书、法院判决书',
          provenance: example('细化「效果」的示例指标'),
        }),
      ]),
    ],
    bonusItems: COMMON_BONUS,
    bonusCap: COMMON_BONUS_CAP,
    vetoItems: COMMON_VETO,
    tieBreak: ['fewer_deductions', 'dimension:D3'],
  }),
};
