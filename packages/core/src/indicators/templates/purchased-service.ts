import { fromSource } from '../provenance';
import { dim, leaf, rule, system, type Template, veto } from './build';

/**
 * 政府购买服务绩效评价: 输入、过程、输出 (3. 绩效评价指标体系). The 输入 indicators measure what the
 * government put in, so their leaves are the buyer's (`party: 'buyer'`); 过程 and 输出 measure the
 * provider. The engine reports points per party, so the provider's result stands on its own.
 */

const DOC = 'purchased_service';
const SYSTEM = '3. 绩效评价指标体系';
const INPUT = `${SYSTEM} 3.1 输入指标`;
const PROCESS = `${SYSTEM} 3.2 过程指标`;
const OUTPUT = `${SYSTEM} 3.3 输出指标`;
const INPUTS = '包括资金投入、人力投入、设备投入等方面的指标';
const PROCESSES = '包括服务提供商的责任落实情况、服务过程中的问题处理能力、工作流程是否合理等方面的指标';
const OUTPUTS = '包括服务的投入产出比、服务的实际效果、受益人满意度等方面的指标';
const BUYER_NOTE = '本项衡量购买主体（政府）的投入，计入购买主体得分，不计入承接主体得分。';

export const purchasedService: Template = {
  id: 'purchased_service',
  name: { zh: '政府购买服务绩效评价指标体系', en: 'Government-purchased services' },
  description: {
    zh: '依据《政府购买服务绩效评价方案》“3. 绩效评价指标体系”：输入指标反映政府在购买服务时投入的资源（资金投入、人力投入、设备投入），评价的是购买主体；过程指标（服务提供商的责任落实情况、问题处理能力、工作流程）和输出指标（投入产出比、实际效果、受益人满意度）评价的是承接主体。每个指标标明评价对象，得分按评价对象分别汇总：承接主体的得分不因购买主体资金拨付迟延等投入问题而降低，可按原文 2.2 对服务提供商的绩效进行评价和公开，并按 2.1 在以后的购买中向表现优秀的服务提供商倾斜。一级、二级指标的名称为原文；权重、评分办法、目标值和否决项均为示例。',
    en: "Follows the purchased-services evaluation plan, section 3: input indicators (funds, staff, equipment) measure what the government, the buyer, put in; process (accountability, problem handling, workflow) and output (input-output ratio, actual effect, beneficiary satisfaction) measure the provider. Every leaf names the party it measures and points are reported per party, so the provider is never marked down for the buyer's late funding, and its result can be published and weighed in later purchases. Names are quoted from the source; weights, rules, targets and vetoes are editable examples.",
  },
  appliesTo: {
    zh: '政府购买服务项目：输入指标评价购买主体，过程、输出指标评价承接主体（服务提供商）；由购买主体、财政部门或委托的第三方评估机构评价',
    en: 'Purchased-service projects: the input indicators assess the buyer, the process and output indicators the contracted provider; evaluated by the buyer, the finance bureau or a third-party evaluator',
  },
  source: '政府购买服务绩效评价方案（3. 绩效评价指标体系）',
  content: system({
    name: '政府购买服务绩效评价指标体系',
    description:
      '输入（购买主体）、过程和输出（承接主体）三类指标（《政府购买服务绩效评价方案》3.）。得分按评价对象分别汇总。',
    dimensions: [
      dim('D1', '输入指标', 20, fromSource(DOC, INPUT, '输入指标反映政府在购买服务时投入的资源'), [
        leaf({
          code: 'D1-1',
          name: '资金投入',
          weight: 8,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.target(),
          criteria: `资金按期到位率 = 按合同约定时间拨付的资金 / 合同约定应拨付资金 × 100%；目标值 100% 由考核办设定，得分 = 权重 × min(到位率 / 100%, 1)（示例）。${BUYER_NOTE}`,
          dataSource: '财政部门国库支付记录，购买主体财务部门',
          evidence: '购买服务合同、资金拨付凭证',
          provenance: fromSource(DOC, INPUT, INPUTS),
          officeParams: { target: 100 },
          party: 'buyer',
        }),
        leaf({
          code: 'D1-2',
          name: '人力投入',
          weight: 6,
          type: 'qualitative',
          source: 'expert',
          rule: rule.grade(),
          criteria: `购买主体为合同管理、过程监督和履约验收配备的人员是否到位、职责是否明确，评价机构核查后按优、良、中、差四等评定，分别得权重的 100%、80%、60%、40%（示例）。${BUYER_NOTE}`,
          dataSource: '购买主体自报，评价机构核查',
          evidence: '项目管理人员名单及分工、监督检查记录',
          provenance: fromSource(DOC, INPUT, INPUTS),
          party: 'buyer',
        }),
        leaf({
          code: 'D1-3',
          name: '设备投入',
          weight: 6,
          type: 'qualitative',
          source: 'expert',
          rule: rule.grade(),
          criteria: `购买主体按合同约定提供的场地、设施设备是否按时到位、能否正常使用，评价机构核查后按优、良、中、差四等评定（示例）。${BUYER_NOTE}`,
          dataSource: '购买主体自报，评价机构现场核查',
          evidence: '合同约定的设施设备清单、交付记录、现场照片',
          provenance: fromSource(DOC, INPUT, INPUTS),
          party: 'buyer',
        }),
      ]),
      dim(
        'D2',
        '过程指标',
        30,
        fromSource(DOC, PROCESS, '过程指标反映政府购买服务过程中的操作效率和服务质量'),
        [
          leaf({
            code: 'D2-1',
            name: '责任落实情况',
            weight: 10,
            type: 'qualitative',
            source: 'expert',
            rule: rule.grade(),
            criteria:
              '评价服务提供商落实合同责任、管理制度和服务规范的情况，评价机构依据购买主体的日常监管记录按优、良、中、差四等评定（示例）。评价对象：承接主体。',
            dataSource: '购买主体日常监管记录，评价机构评定等级',
            evidence: '服务台账、管理制度、监管检查记录',
            provenance: fromSource(DOC, PROCESS, PROCESSES),
            party: 'provider',
          }),
          leaf({
            code: 'D2-2',
            name: '问题处理能力',
            weight: 10,
            unit: '%',
            type: 'quantitative',
            source: 'data_provider',
            rule: rule.bands([
              [null, 80, 0, '低于 80%'],
              [80, 90, 0.6, '80%–90%'],
              [90, 100, 0.8, '90%–100%'],
              [100, null, 1, '100%'],
            ]),
            criteria:
              '服务过程中发现或受理的问题、投诉按期处理的比例，分档计分（示例）：全部按期处理得满分，90% 以上得 80%，80% 以上得 60%，低于 80% 不得分。评价对象：承接主体。',
            dataSource: '购买主体投诉受理和问题督办记录',
            evidence: '问题及投诉登记、处理记录',
            provenance: fromSource(DOC, PROCESS, PROCESSES),
            party: 'provider',
          }),
          leaf({
            code: 'D2-3',
            name: '工作流程',
            weight: 10,
            unit: '分',
            type: 'qualitative',
            source: 'expert',
            rule: rule.expert(),
            criteria:
              '评审专家评估服务工作流程是否合理、规范、高效，按百分制评分；专家不少于 5 人时去掉一个最高分和一个最低分后取平均（示例）。评价对象：承接主体。',
            dataSource: '专家评审',
            evidence: '服务流程说明、过程记录',
            provenance: fromSource(DOC, PROCESS, PROCESSES),
            party: 'provider',
          }),
        ],
      ),
      dim('D3', '输出指标', 50, fromSource(DOC, OUTPUT, '输出指标反映政府购买服务所产生的结果和效果'), [
        leaf({
          code: 'D3-1',
          name: '投入产出比',
          weight: 15,
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.formula('input_output_ratio', rule.target()),
          criteria:
            '投入产出比 = 产出（按合同单价核定的实际完成服务价值，万元）/ 投入（购买主体实际支付的服务费用，万元）；目标值 1 由考核办设定，得分 = 权重 × min(比值 / 1, 1)（示例）。按实际支付计算，购买主体少付或迟付不降低承接主体的得分。评价对象：承接主体。',
          dataSource: '购买主体财务部门、服务记录和验收结论',
          evidence: '资金支付凭证、服务量统计、验收报告',
          provenance: fromSource(DOC, OUTPUT, OUTPUTS),
          officeParams: { target: 1 },
          party: 'provider',
        }),
        leaf({
          code: 'D3-2',
          name: '实际效果',
          weight: 15,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.target(),
          criteria:
            '合同约定的服务数量、质量和绩效目标的完成率；目标值 100% 由考核办设定，得分 = 权重 × min(完成率 / 100%, 1)（示例）。评价对象：承接主体。',
          dataSource: '承接主体自报，购买主体验收核定',
          evidence: '服务记录、绩效目标完成情况表、验收报告',
          provenance: fromSource(DOC, OUTPUT, OUTPUTS),
          officeParams: { target: 100 },
          party: 'provider',
        }),
        leaf({
          code: 'D3-3',
          name: '受益人满意度',
          weight: 20,
          unit: '分',
          type: 'qualitative',
          source: 'survey',
          rule: rule.satisfaction([
            ['clients', '服务对象（受益人）', 0.7],
            ['public', '社会公众', 0.3],
          ]),
          criteria:
            '问卷调查（示例）：很满意 100、满意 80、基本满意 60、不满意 30、很不满意 0，按服务对象（受益人）70%、社会公众 30% 加权；每类有效样本不少于 30 份。评价对象：承接主体（受益人评价的是所提供的服务）。',
          dataSource: '第三方评估机构问卷调查',
          evidence: '问卷回收统计、访谈记录',
          provenance: fromSource(DOC, OUTPUT, OUTPUTS),
          party: 'provider',
        }),
      ]),
    ],
    vetoItems: [
      veto(
        'V1',
        '发生服务安全责任事故',
        'fail',
        '承接主体在服务过程中发生安全责任事故、造成人员伤亡或恶劣社会影响的，评价等级定为不及格（示例）。',
      ),
      veto('V2', '违规转包分包', 'fail', '承接主体将服务项目违规转包、分包的，评价等级定为不及格（示例）。'),
    ],
    tieBreak: ['dimension:D3'],
  }),
};
