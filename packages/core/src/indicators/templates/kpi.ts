import { fromSource } from '../provenance';
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
 * 政府KPI绩效考核方案, 考核指标与权重: the seven aspects WITH the plan's own weights (the only source
 * that gives weights, so they cover 'weight') and the items it lists under each. The plan's weights
 * add up to 110%, and the template keeps them as written: it does not validate (one issue, the
 * dimension sum), and the office chooses the correction in the editor — scale all seven to 100, or
 * say which to lower. Choosing for the office would put a weighting in the source's name that the
 * source never gave. The split of each aspect's weight among its items, every rule and target are
 * examples.
 */
const SEC = '考核指标与权重';
const aspect = (n: number, quote: string) => fromSource('kpi', `${SEC} ${n}.`, quote, ['weight']);
const item = (n: number, quote: string) => fromSource('kpi', `${SEC} ${n}.`, quote);

export const kpi: Template = {
  id: 'kpi',
  name: { zh: '政府KPI绩效考核指标体系', en: 'Government KPI plan' },
  description: {
    zh: '依据《政府KPI绩效考核方案》“考核指标与权重”：七个方面、各方面的权重和其下所列考核指标均为原文（方案称之为“可能的考核指标和权重示例”）。原方案的权重为 30%+20%+15%+15%+10%+10%+10%，合计 110%，超过 100%；本模板如实保留原文权重，因此校验会提示一级指标权重合计为 110、应为 100，更正之前不能提交备案。请考核办在编辑器中选择更正方式：将七项权重按比例缩放为合计 100，或指明调低哪几项权重。各方面权重在其下指标间的分配、评分办法、目标值、加分项、否决项和等级划分均为示例，可按本地实际修改。',
    en: 'Follows the "indicators and weights" part of the government KPI plan: the seven aspects, their weights and the items listed under each are quoted from the plan (which calls them "possible indicators and example weights"). The plan’s weights are 30%+20%+15%+15%+10%+10%+10%, which add up to 110%, not 100%. The template keeps the source’s weights as written, so validation reports that the dimension weights add up to 110 instead of 100, and the system cannot be filed until that is corrected. The office chooses the correction in the editor: scale all seven weights proportionally to 100, or name which weights to lower. How each aspect’s weight is split among its items, every rule and target, the bonus and veto items and the grading are editable examples.',
  },
  appliesTo: {
    zh: '政府职能部门（KPI 考核）',
    en: 'Government functional departments (KPI appraisal)',
  },
  source: '政府KPI绩效考核方案（考核指标与权重 1.–7.）',
  content: system({
    name: '政府KPI绩效考核指标体系',
    description:
      '七个方面及其权重、所列考核指标为原文（《政府KPI绩效考核方案》）；原文权重合计 110%，须由考核办更正为 100 后方可提交备案。',
    dimensions: [
      dim('D1', '工作目标完成情况', 30, aspect(1, '1. 工作目标完成情况(权重:30%)'), [
        leaf({
          code: 'D1-1',
          name: '目标完成率',
          weight: 15,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.target(),
          officeParams: { target: 100 },
          criteria:
            '目标完成率 = 已完成目标数 / 经审核的年度绩效计划确定的目标数 × 100%；目标值由考核办统一设定为 100%，得分 = 权重 × min(目标完成率 / 100%, 1)。',
          dataSource: '被考核单位自报，绩效管理机构核验',
          evidence: '年度绩效计划、目标完成佐证材料',
          provenance: item(1, '目标完成率'),
        }),
        leaf({
          code: 'D1-2',
          name: '项目进度和质量',
          weight: 8,
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
            '以重点项目按期且质量达标的比例计量，分档计分：95% 及以上得满分，80%–95% 得 80%，60%–80% 得 60%，低于 60% 不得分。',
          dataSource: '被考核单位自报，绩效管理机构察访核验',
          evidence: '项目进度报告、验收材料',
          provenance: item(1, '项目进度和质量'),
        }),
        leaf({
          code: 'D1-3',
          name: '重点工作任务完成情况',
          weight: 7,
          type: 'qualitative',
          source: 'self_report',
          rule: rule.grade(),
          criteria:
            '评价重点工作任务完成的质量和实效，优（A）得满分，良（B）得 80%，中（C）得 60%，差（D）得 40%。',
          dataSource: '被考核单位自报，绩效管理机构核验',
          evidence: '工作总结、督查通报',
          provenance: item(1, '重点工作任务完成情况'),
        }),
      ]),
      dim('D2', '绩效评估结果', 20, aspect(2, '2. 绩效评估结果(权重:20%)'), [
        leaf({
          code: 'D2-1',
          name: '绩效评价结果和评价报告',
          weight: 10,
          unit: '分',
          type: 'qualitative',
          source: 'expert',
          rule: rule.composite([
            ['third_party', '第三方评估', 0.5],
            ['expert', '专家评审', 0.3],
            ['self', '自评报告质量', 0.2],
          ]),
          criteria:
            '综合得分 = 第三方评估 × 50% + 专家评审 × 30% + 自评报告质量 × 20%（各项百分制），折算为本项得分。',
          dataSource: '第三方评估机构、评审专家、绩效管理机构',
          evidence: '绩效自评报告、第三方评估报告',
          provenance: item(2, '绩效评价结果和评价报告'),
        }),
        leaf({
          code: 'D2-2',
          name: '服务质量和用户满意度',
          weight: 10,
          unit: '分',
          type: 'qualitative',
          source: 'survey',
          rule: rule.satisfaction([['clients', '服务对象', 1]]),
          criteria:
            '服务对象问卷调查（分值为示例）：很满意 100、满意 80、基本满意 60、不满意 30、很不满意 0，有效样本不少于 30 份。',
          dataSource: '服务对象问卷调查',
          evidence: '问卷回收统计',
          provenance: item(2, '服务质量和用户满意度'),
        }),
      ]),
      dim('D3', '资源利用情况', 15, aspect(3, '3. 资源利用情况(权重:15%)'), [
        leaf({
          code: 'D3-1',
          name: '预算执行情况',
          weight: 8,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.bands([
            [null, 60, 0, '低于 60%'],
            [60, 80, 0.6, '60%–80%'],
            [80, 90, 0.8, '80%–90%'],
            [90, null, 1, '90% 及以上'],
          ]),
          criteria:
            '以预算执行率计量，分档计分：90% 及以上得满分，80%–90% 得 80%，60%–80% 得 60%，低于 60% 不得分。',
          dataSource: '财政部门',
          evidence: '部门决算报表',
          provenance: item(3, '预算执行情况'),
        }),
        leaf({
          code: 'D3-2',
          name: '人力资源利用率',
          weight: 7,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.target(),
          officeParams: { target: 100 },
          criteria:
            '以实有在岗人员占核定编制的比例计量；目标值由考核办统一设定为 100%，得分 = 权重 × min(实际比例 / 100%, 1)。',
          dataSource: '被考核单位自报，机构编制部门核验',
          evidence: '编制台账、人员花名册',
          provenance: item(3, '人力资源利用率'),
        }),
      ]),
      dim('D4', '决策与执行能力', 15, aspect(4, '4. 决策与执行能力(权重:15%)'), [
        leaf({
          code: 'D4-1',
          name: '沟通协调能力',
          weight: 8,
          unit: '分',
          type: 'qualitative',
          source: 'survey',
          rule: rule.composite([
            ['leaders', '领导评价', 0.4],
            ['peers', '同级部门评价', 0.3],
            ['clients', '服务对象评价', 0.3],
          ]),
          criteria:
            '360 度评估：综合得分 = 领导评价 × 40% + 同级部门评价 × 30% + 服务对象评价 × 30%（各项百分制）。',
          dataSource: '绩效管理机构组织的 360 度评估',
          evidence: '评价表回收统计',
          provenance: item(4, '沟通协调能力'),
        }),
        leaf({
          code: 'D4-2',
          name: '应急处理能力',
          weight: 7,
          type: 'qualitative',
          source: 'self_report',
          rule: rule.grade(),
          criteria:
            '评价突发事件应急预案、响应时效和处置效果，优（A）得满分，良（B）得 80%，中（C）得 60%，差（D）得 40%。',
          dataSource: '被考核单位自报，应急管理部门核验',
          evidence: '应急预案、处置报告',
          provenance: item(4, '应急处理能力'),
        }),
      ]),
      dim('D5', '制度建设与创新', 10, aspect(5, '5. 制度建设与创新(权重:10%)'), [
        leaf({
          code: 'D5-1',
          name: '内部管理制度建设',
          weight: 5,
          type: 'qualitative',
          source: 'self_report',
          rule: rule.grade(),
          criteria:
            '评价内部管理制度的健全程度和执行情况，优（A）得满分，良（B）得 80%，中（C）得 60%，差（D）得 40%。',
          dataSource: '被考核单位自报，绩效管理机构核验',
          evidence: '制度文件汇编、执行记录',
          provenance: item(5, '内部管理制度建设'),
        }),
        leaf({
          code: 'D5-2',
          name: '创新改革措施',
          weight: 5,
          unit: '分',
          type: 'qualitative',
          source: 'expert',
          rule: rule.expert(),
          criteria:
            '评审专家评估创新改革措施的新颖性和实效，按百分制评分；专家不少于 5 人时去掉一个最高分和一个最低分后取平均。',
          dataSource: '专家评审',
          evidence: '创新项目材料、推广文件',
          provenance: item(5, '创新改革措施'),
        }),
      ]),
      dim('D6', '公众满意度调查', 10, aspect(6, '6. 公众满意度调查(权重:10%)'), [
        leaf({
          code: 'D6-1',
          name: '问卷调查结果',
          weight: 6,
          unit: '分',
          type: 'qualitative',
          source: 'survey',
          rule: rule.satisfaction(PUBLIC_GROUPS),
          criteria:
            '分值与权重为示例：很满意 100、满意 80、基本满意 60、不满意 30、很不满意 0，按服务对象 50%、人大代表政协委员 20%、社会公众 30% 加权；每类有效样本不少于 30 份。',
          dataSource: '绩效管理机构组织的满意度测评',
          evidence: '问卷回收统计',
          provenance: item(6, '问卷调查结果'),
        }),
        leaf({
          code: 'D6-2',
          name: '受理投诉处理情况',
          weight: 4,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.target(),
          officeParams: { target: 100 },
          criteria:
            '以投诉按期办结率计量；目标值由考核办统一设定为 100%，得分 = 权重 × min(按期办结率 / 100%, 1)。',
          dataSource: '12345 热线、信访部门',
          evidence: '投诉受理及办结记录',
          provenance: item(6, '受理投诉处理情况'),
        }),
      ]),
      dim('D7', '团队建设与人才培养', 10, aspect(7, '7. 团队建设与人才培养(权重:10%)'), [
        leaf({
          code: 'D7-1',
          name: '团队建设情况',
          weight: 5,
          type: 'qualitative',
          source: 'self_report',
          rule: rule.grade(),
          criteria:
            '评价班子团结、队伍作风和学习培训情况，优（A）得满分，良（B）得 80%，中（C）得 60%，差（D）得 40%。',
          dataSource: '被考核单位自报，组织人事部门核验',
          evidence: '培训记录、民主测评结果',
          provenance: item(7, '团队建设情况'),
        }),
        leaf({
          code: 'D7-2',
          name: '人才培养和绩效提升计划',
          weight: 5,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.target(),
          officeParams: { target: 100 },
          criteria:
            '以经审核的年度人才培养和绩效提升计划的事项完成率计量：已完成事项数 / 计划事项数 × 100%；目标值由考核办统一设定为 100%，得分 = 权重 × min(完成率 / 100%, 1)。',
          dataSource: '被考核单位自报，组织人事部门核验',
          evidence: '人才培养计划、完成情况材料',
          provenance: item(7, '人才培养和绩效提升计划'),
        }),
      ]),
    ],
    bonusItems: COMMON_BONUS,
    bonusCap: COMMON_BONUS_CAP,
    vetoItems: COMMON_VETO,
    tieBreak: ['dimension:D1', 'fewer_deductions'],
  }),
};
