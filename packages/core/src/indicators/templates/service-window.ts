import { example, fromSource } from '../provenance';
import {
  COMMON_BONUS,
  COMMON_BONUS_CAP,
  dim,
  leaf,
  rule,
  statistic,
  system,
  type Template,
  veto,
} from './build';

/**
 * 办事服务绩效评估: 服务质量、服务效果、服务数据 (三、评估指标体系). Of 3. 服务数据指标 only the
 * 宣传 indicator is scored; the 统计数据指标 (办事量、服务时间、人员配置、各个环节服务质量数据) are
 * statistics, reported and shown beside the results: a busier window is not a better one.
 */

const DOC = 'service_window';
const SECTION = '三、评估指标体系';
const QUALITY = `${SECTION} 1.`;
const EFFECT = `${SECTION} 2.`;
const DATA = `${SECTION} 3.`;
const STATISTICS = '(1)统计数据指标:包括办事量、服务时间、人员配置、各个环节服务质量数据等';
const SHOWN = '统计数据指标，随评估结果列示，不计分（示例口径）。';

export const serviceWindow: Template = {
  id: 'service_window',
  name: { zh: '办事服务绩效评估指标体系', en: 'Public service windows' },
  description: {
    zh: '依据《办事服务绩效评估方案》“三、评估指标体系”：服务质量指标（办事时间、服务态度、信息公开、服务环境）、服务效果指标（办事成功率、服务满意度）、服务数据指标。服务数据指标中的“宣传宣传指标”（原文如此）计分；“统计数据指标”（办事量、服务时间、人员配置、各个环节服务质量数据）作为统计数据随结果列示、不计分。指标名称为原文；统计口径、权重、评分办法、目标值、加分项和否决项均为示例。',
    en: 'Follows the service-window evaluation plan, section III: service quality (processing time, attitude, disclosure, environment), service effect (success rate, satisfaction) and service data. Of the service data, the outreach indicator is scored; the statistics (volume, service hours, staffing, per-stage quality data) are reported beside the results and never scored. Names are quoted from the source; definitions, weights, rules, targets, bonus and veto items are editable examples.',
  },
  appliesTo: {
    zh: '政务服务中心、办事窗口及公共服务窗口单位',
    en: 'Government service centres and public service windows',
  },
  source: '办事服务绩效评估方案（三、评估指标体系）',
  content: system({
    name: '办事服务绩效评估指标体系',
    description:
      '服务质量、服务效果、服务数据三类指标（《办事服务绩效评估方案》三、），统计数据指标列示不计分。',
    dimensions: [
      dim('D1', '服务质量', 45, fromSource(DOC, QUALITY, '1.服务质量指标'), [
        leaf({
          code: 'D1-1',
          name: '办事时间',
          weight: 12,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.target(),
          criteria:
            '监测办事时长是否符合标准要求：按时办结率 = 在承诺（法定）时限内办结的件数 / 办结总件数 × 100%；目标值 100% 由考核办设定，得分 = 权重 × min(按时办结率 / 100%, 1)（示例）。',
          dataSource: '政务服务办件系统',
          evidence: '办件系统统计、超时件说明',
          provenance: fromSource(
            DOC,
            `${QUALITY} (1)`,
            '(1)办事时间:反映办事服务效率的指标,要求监测办事时长是否符合标准要求',
          ),
          officeParams: { target: 100 },
        }),
        leaf({
          code: 'D1-2',
          name: '服务态度',
          weight: 11,
          unit: '件',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.deduction([
            ['TS', '服务态度有效投诉', 1],
            ['BG', '被媒体曝光或上级通报', 3],
          ]),
          criteria:
            '电话接听、咨询引导、受理处理等服务环节的工作态度（示例计分）：有效投诉每件扣 1 分，被媒体曝光或上级通报每次扣 3 分，扣完为止。',
          dataSource: '12345 热线、投诉受理部门',
          evidence: '投诉登记及核实记录',
          provenance: fromSource(
            DOC,
            `${QUALITY} (2)`,
            '(2)服务态度:反映政府工作人员工作态度是否良好,包括电话接听、咨询引导、受理处理等服务环节',
          ),
        }),
        leaf({
          code: 'D1-3',
          name: '信息公开',
          weight: 11,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.bands([
            [null, 90, 0, '低于 90%'],
            [90, 95, 0.6, '90%–95%'],
            [95, 100, 0.8, '95%–100%'],
            [100, null, 1, '100%'],
          ]),
          criteria:
            '政策咨询、办事流程、结果反馈等信息及时公开的事项占应公开事项的比例，分档计分（示例）：全部公开得满分，95% 以上得 80%，90% 以上得 60%，低于 90% 不得分。',
          dataSource: '政务公开检查',
          evidence: '办事指南、公开栏及网站截图',
          provenance: fromSource(
            DOC,
            `${QUALITY} (3)`,
            '(3)信息公开:反映政府在服务过程中是否公开透明,及时向百姓公布有关政策咨询、办事流程、结果反馈等信息',
          ),
        }),
        leaf({
          code: 'D1-4',
          name: '服务环境',
          weight: 11,
          type: 'qualitative',
          source: 'expert',
          rule: rule.grade(),
          criteria:
            '服务场所是否安全和卫生、环境舒适整洁，现场察访核验后按优、良、中、差四等评定，分别得权重的 100%、80%、60%、40%（示例）。',
          dataSource: '绩效管理机构现场察访',
          evidence: '现场检查记录、照片',
          provenance: fromSource(
            DOC,
            `${QUALITY} (4)`,
            '(4)服务环境:反映政府服务场所是否安全和卫生、环境舒适整洁等因素',
          ),
        }),
      ]),
      dim('D2', '服务效果', 45, fromSource(DOC, EFFECT, '2.服务效果指标'), [
        leaf({
          code: 'D2-1',
          name: '办事成功率',
          weight: 15,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.target(),
          criteria:
            '反映办事人员解决百姓问题的能力和水平：办事成功率 = 办结并解决群众诉求的件数 / 受理件数 × 100%（示例口径，依法不予办理并已说明理由的不计入分母）。得分 = 权重 × min(实际值 / 目标值, 1)；目标值取经审核的年度绩效计划。',
          dataSource: '政务服务办件系统',
          evidence: '办件系统统计、不予办理说明',
          provenance: fromSource(
            DOC,
            `${EFFECT} (1)`,
            '(1)办事成功率:反映在政府办事流程中,办事人员解决百姓问题的能力和水平',
          ),
        }),
        leaf({
          code: 'D2-2',
          name: '服务满意度',
          weight: 30,
          unit: '分',
          type: 'qualitative',
          source: 'survey',
          rule: rule.satisfaction([
            ['clients', '服务对象', 0.6],
            ['deputies', '人大代表政协委员', 0.2],
            ['public', '社会公众', 0.2],
          ]),
          criteria:
            '百姓对事前咨询、服务过程中提供的帮助、结果反馈等的满意度（示例计分）：很满意 100、满意 80、基本满意 60、不满意 30、很不满意 0，按服务对象 60%、人大代表政协委员 20%、社会公众 20% 加权；每类有效样本不少于 30 份。',
          dataSource: '“好差评”系统及满意度问卷调查',
          evidence: '评价数据导出、问卷回收统计',
          provenance: fromSource(
            DOC,
            `${EFFECT} (2)`,
            '(2)服务满意度:反映百姓对服务的满意度,包括事前咨询、服务过程中提供的帮助、结果反馈等',
          ),
        }),
      ]),
      dim('D3', '服务数据', 10, fromSource(DOC, DATA, '3.服务数据指标'), [
        leaf({
          code: 'D3-1',
          name: '宣传指标',
          weight: 10,
          type: 'qualitative',
          source: 'expert',
          rule: rule.grade(),
          criteria:
            '原文为“宣传宣传指标”：政府在服务过程中的宣传、推广、宣传更新等方面的效果。核查服务事项宣传材料的覆盖面和更新及时性后按优、良、中、差四等评定，分别得权重的 100%、80%、60%、40%（示例）。',
          dataSource: '被考核单位自报，绩效管理机构核验',
          evidence: '宣传材料、更新记录、媒体报道',
          provenance: fromSource(
            DOC,
            `${DATA} (2)`,
            '(2)宣传宣传指标:反映政府在服务过程中的宣传、推广、宣传更新等方面的效果',
          ),
        }),
      ]),
    ],
    statistics: [
      statistic({
        code: 'S1',
        name: '办事量',
        unit: '件',
        criteria: `评估周期内受理的办件总量。${SHOWN}`,
        provenance: fromSource(DOC, `${DATA} (1)`, STATISTICS),
      }),
      statistic({
        code: 'S2',
        name: '服务时间',
        unit: '小时',
        criteria: `评估周期内窗口对外服务的总时长（含延时、预约服务）。${SHOWN}`,
        provenance: fromSource(DOC, `${DATA} (1)`, STATISTICS),
      }),
      statistic({
        code: 'S3',
        name: '人员配置',
        unit: '人',
        criteria: `窗口在岗工作人员数（期末数）。${SHOWN}`,
        provenance: fromSource(DOC, `${DATA} (1)`, STATISTICS),
      }),
      statistic({
        code: 'S4',
        name: '各个环节服务质量数据',
        unit: '件',
        criteria: `咨询、受理、办理、反馈各环节发现的服务质量问题件数合计（退回补正、超时、差错等），分环节明细随附报送。${SHOWN}`,
        provenance: fromSource(DOC, `${DATA} (1)`, STATISTICS),
      }),
    ],
    bonusItems: COMMON_BONUS,
    bonusCap: COMMON_BONUS_CAP,
    vetoItems: [
      veto(
        'V1',
        '违反中央八项规定精神被查处',
        'bar_excellent',
        '窗口工作人员因违反中央八项规定精神被查处并通报的，不得评为优秀（示例）。',
        example(),
      ),
      veto(
        'V2',
        '吃拿卡要被查实',
        'fail',
        '窗口工作人员在办事过程中吃拿卡要、收受财物被查实的，年度绩效等级定为不及格（示例）。',
        example(),
      ),
    ],
    tieBreak: ['fewer_deductions', 'dimension:D2'],
  }),
};
