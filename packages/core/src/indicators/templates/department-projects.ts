import { example, fromSource, type SourceProvenance } from '../provenance';
import { dim, leaf, rule, system, type Template, veto } from './build';

/**
 * 政府部门项目绩效考核: 五、考核指标 1–3 (项目质量、效率、服务, each with the three 考核内容 the plan
 * names) and a dimension with one leaf per project stage of 三、考核内容 (规划、策划、实施、监督、评估),
 * each leaf's criteria quoting that stage's 考核内容. The four grades are the plan's own
 * (六、考核评定 2.); their thresholds, like every weight and rule, are examples.
 */

const DOC = 'department_projects';
const INDICATORS = '五、考核指标';
const CONTENT = '三、考核内容';
const QUALITY = '1.项目质量指标:考核内容包括项目实施的质量、项目实施的效果、项目实施的成功率等';
const EFFICIENCY = '2.项目效率指标:考核内容包括项目实施的效率、项目实施的进度、项目实施的成本等';
const SERVICE = '3.项目服务指标:考核内容包括项目实施的服务水平、项目实施的受众满意度、项目实施的受众反馈等';
/** The plan names the four grades (not their thresholds); a fresh object per level. */
const grades = (): SourceProvenance => fromSource(DOC, '六、考核评定 2.', '包括优秀、良好、一般、不及格等');

/** The five stages of 三、考核内容, each with the plan's own 考核内容 (quoted whole). */
const STAGES = [
  ['D4-1', '规划阶段', '1.规划阶段:考核内容包括项目规划的完整性、项目规划的合理性、项目实施的可行性等'],
  ['D4-2', '策划阶段', '2.策划阶段:考核内容包括项目策划的完整性、项目策划的合理性、项目实施的可行性等'],
  ['D4-3', '实施阶段', '3.实施阶段:考核内容包括项目实施的有效性、项目实施的及时性、项目实施的质量等'],
  ['D4-4', '监督阶段', '4.监督阶段:考核内容包括项目监督的有效性、项目监督的及时性、项目监督的质量等'],
  ['D4-5', '评估阶段', '5.评估阶段:考核内容包括项目评估的完整性、项目评估的合理性、项目评估的可行性等'],
] as const;

const stageLeaf = ([code, name, quote]: (typeof STAGES)[number], n: number) =>
  leaf({
    code,
    name,
    weight: 5,
    type: 'qualitative',
    source: 'expert',
    rule: rule.grade(),
    criteria: `原文（三、考核内容 ${n}.）：“${quote.slice(2)}”。考核人员对照上述内容，依据该阶段的定期考核和定点考核记录，按优、良、中、差四等评定，分别得权重的 100%、80%、60%、40%（示例）；项目尚未进入该阶段的由考核办免考。`,
    dataSource: '部门自报阶段工作材料，考核人员评定等级',
    evidence: `${name}的工作材料和考核记录`,
    provenance: fromSource(DOC, `${CONTENT} ${n}.`, quote),
  });

export const departmentProjects: Template = {
  id: 'department_projects',
  name: { zh: '政府部门项目绩效考核指标体系', en: 'Department projects' },
  description: {
    zh: '依据《政府部门项目绩效考核实施方案》：项目质量、项目效率、项目服务三类考核指标（五、考核指标 1–3，各含原文所列三项考核内容），以及按三、考核内容所列五个阶段（规划、策划、实施、监督、评估）设置的阶段考核，每个阶段的评分标准引用原文的考核内容。考核评定分优秀、良好、一般、不及格四个等级（六、考核评定 2.，原文）。指标名称、阶段考核内容和等级名称为原文；“阶段考核”的分组名称、全部权重、评分办法、目标值、等级分数线和否决项均为示例。',
    en: "Follows the department project appraisal plan: project quality, efficiency and service (section V, items 1–3, with the three aspects each names) and a stage appraisal with one indicator per stage of section III (planning, design, implementation, supervision, evaluation), each quoting that stage's content. Grades 优秀/良好/一般/不及格 are the plan's own (VI.2). Names, stage content and grade names are quoted from the source; the stage grouping's name, weights, rules, targets, grade thresholds and vetoes are editable examples.",
  },
  appliesTo: {
    zh: '政府部门内的项目管理活动（按项目或按部门考核）',
    en: 'Project management within government departments (per project or per department)',
  },
  source: '政府部门项目绩效考核实施方案（三、考核内容；五、考核指标；六、考核评定）',
  content: system({
    name: '政府部门项目绩效考核指标体系',
    description:
      '项目质量、项目效率、项目服务、阶段考核四类指标（《政府部门项目绩效考核实施方案》五、三、），等级优秀、良好、一般、不及格（六、2.）。',
    dimensions: [
      dim('D1', '项目质量', 30, fromSource(DOC, `${INDICATORS} 1.`, QUALITY), [
        leaf({
          code: 'D1-1',
          name: '项目实施的质量',
          weight: 10,
          unit: '分',
          type: 'qualitative',
          source: 'expert',
          rule: rule.expert(),
          criteria:
            '考核人员（原文七、1.：专业的考核人员）对照项目批复的建设内容和质量标准评价项目实施的质量，按百分制评分；不少于 5 人时去掉一个最高分和一个最低分后取平均（示例）。',
          dataSource: '专家评审',
          evidence: '验收报告、质量检测材料',
          provenance: fromSource(DOC, `${INDICATORS} 1.`, QUALITY),
        }),
        leaf({
          code: 'D1-2',
          name: '项目实施的效果',
          weight: 10,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.target(),
          criteria:
            '项目绩效目标完成率 = 已实现的绩效目标数（按目标值加权）/ 经批复的项目绩效目标数 × 100%；目标值 100% 由考核办设定，得分 = 权重 × min(完成率 / 100%, 1)（示例）。',
          dataSource: '部门自报，考核办核验',
          evidence: '项目绩效目标表、完成情况佐证',
          provenance: fromSource(DOC, `${INDICATORS} 1.`, QUALITY),
          officeParams: { target: 100 },
        }),
        leaf({
          code: 'D1-3',
          name: '项目实施的成功率',
          weight: 10,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.bands([
            [null, 70, 0, '低于 70%'],
            [70, 85, 0.6, '70%–85%'],
            [85, 95, 0.8, '85%–95%'],
            [95, null, 1, '95% 及以上'],
          ]),
          criteria:
            '成功率 = 通过验收并达到预期目标的项目数 / 考核期内结项的项目数 × 100%，分档计分（示例）：95% 及以上得满分，85% 以上得 80%，70% 以上得 60%，低于 70% 不得分。',
          dataSource: '部门自报，考核办核验',
          evidence: '项目结项、验收材料',
          provenance: fromSource(DOC, `${INDICATORS} 1.`, QUALITY),
        }),
      ]),
      dim('D2', '项目效率', 25, fromSource(DOC, `${INDICATORS} 2.`, EFFICIENCY), [
        leaf({
          code: 'D2-1',
          name: '项目实施的效率',
          weight: 8,
          unit: '万元/单位产出',
          direction: 'lower',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.efficacy(),
          criteria:
            '单位产出成本 = 项目实际支出 / 完成的主要产出量，只在同类项目之间比较（考核办按项目类别分组）；功效系数法：最低者得满分，最高者得 60%，其余按差距线性计分（示例）。',
          dataSource: '部门财务报表和项目产出统计，考核办核验',
          evidence: '项目支出明细、产出统计',
          provenance: fromSource(DOC, `${INDICATORS} 2.`, EFFICIENCY),
        }),
        leaf({
          code: 'D2-2',
          name: '项目实施的进度',
          weight: 9,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: { kind: 'target_gap', tolerance: 20 },
          criteria:
            '进度完成率 = 实际完成进度 / 同期计划进度 × 100%；目标值 100% 由考核办设定。达到目标得满分，每落后 1 个百分点扣权重的 1/20，落后 20 个百分点及以上不得分（示例）。',
          dataSource: '部门自报，考核办定期考核核验',
          evidence: '项目进度计划、进度报表',
          provenance: fromSource(DOC, `${INDICATORS} 2.`, EFFICIENCY),
          officeParams: { target: 100 },
        }),
        leaf({
          code: 'D2-3',
          name: '项目实施的成本',
          weight: 8,
          unit: '万元',
          direction: 'lower',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.reverse(),
          criteria:
            '项目实际成本与批复预算比较，逆向指标：不超过预算得满分，超支时得分 = 权重 × 预算 / 实际成本（示例）；目标值取经批复的项目预算，由部门随数据报送、考核办核定。',
          dataSource: '部门财务报表，财政部门核验',
          evidence: '项目预算批复、支出明细',
          provenance: fromSource(DOC, `${INDICATORS} 2.`, EFFICIENCY),
        }),
      ]),
      dim('D3', '项目服务', 20, fromSource(DOC, `${INDICATORS} 3.`, SERVICE), [
        leaf({
          code: 'D3-1',
          name: '项目实施的服务水平',
          weight: 6,
          type: 'qualitative',
          source: 'expert',
          rule: rule.grade(),
          criteria:
            '项目面向受众提供服务的规范性、便利性和及时性，考核人员按优、良、中、差四等评定，分别得权重的 100%、80%、60%、40%（示例）。',
          dataSource: '考核人员现场核查，评定等级',
          evidence: '服务记录、现场核查记录',
          provenance: fromSource(DOC, `${INDICATORS} 3.`, SERVICE),
        }),
        leaf({
          code: 'D3-2',
          name: '项目实施的受众满意度',
          weight: 8,
          unit: '分',
          type: 'qualitative',
          source: 'survey',
          rule: rule.satisfaction([
            ['clients', '项目受众', 0.7],
            ['public', '社会公众', 0.3],
          ]),
          criteria:
            '问卷调查（示例）：很满意 100、满意 80、基本满意 60、不满意 30、很不满意 0，按项目受众 70%、社会公众 30% 加权；每类有效样本不少于 30 份。',
          dataSource: '第三方评估机构问卷调查',
          evidence: '问卷回收统计',
          provenance: fromSource(DOC, `${INDICATORS} 3.`, SERVICE),
        }),
        leaf({
          code: 'D3-3',
          name: '项目实施的受众反馈',
          weight: 6,
          unit: '件',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.deduction([
            ['WHY', '受众反馈意见未按期回应', 1],
            ['TS', '经核实的有效投诉', 2],
          ]),
          criteria:
            '实时考核中收集的受众反馈（原文四、2.：实时反馈受众的反馈意见）：未按期回应的反馈意见每件扣 1 分，经核实的有效投诉每件扣 2 分，扣完为止（示例）。',
          dataSource: '受众反馈和投诉受理记录',
          evidence: '反馈意见登记及回应记录',
          provenance: fromSource(DOC, `${INDICATORS} 3.`, SERVICE),
        }),
      ]),
      dim(
        'D4',
        '阶段考核',
        25,
        example(
          '按「三、考核内容」所列五个阶段设置；“阶段考核”为示例名称（四、1.：在每个项目实施阶段定期进行绩效考核）',
        ),
        STAGES.map((s, i) => stageLeaf(s, i + 1)),
      ),
    ],
    vetoItems: [
      veto(
        'V1',
        '发生重大质量安全事故',
        'fail',
        '项目实施中发生重大质量或安全责任事故的，考核评定为不及格（示例）。',
      ),
      veto(
        'V2',
        '项目资金被挤占挪用',
        'fail',
        '项目资金被挤占、挪用或虚报冒领并被审计、财政部门查实的，考核评定为不及格（示例）。',
      ),
    ],
    tieBreak: ['dimension:D1'],
    gradeProvenance: { excellent: grades(), good: grades(), fair: grades(), fail: grades() },
  }),
};
