import { dim, leaf, rule, system, type Template, veto } from './build';

/** 中央政府投资项目预算绩效评价: 社会效益、资源利用、环境影响、财务效益, with the seed's formulas. */
export const investmentProject: Template = {
  id: 'investment_project',
  name: { zh: '政府投资项目预算绩效评价指标体系', en: 'Government investment projects' },
  description: {
    zh: '依据《中央政府投资项目预算绩效评价参考指标》：社会效益（单位投资就业人数、公众满意度、脱贫情况）、资源利用（单位净产值综合能耗、单位投资占用耕地、单位产品生产耗水量）、环境影响（环境质量指数及植被覆盖、水土流失等生态效益指标）、财务效益（财务净现值、财务净现值率、内部收益率、投资回收期）。公式类指标由计算公式从项目报送的原始数据算出后计分，可依据实际情况选用。',
    en: "Follows the reference indicators for central-government investment projects: social benefit (jobs per investment, public satisfaction, poverty reduction), resource use (energy per net output, farmland per investment, water per product), environmental impact (EQI, vegetation, soil erosion) and financial benefit (FNPV, NPVR, IRR, payback period). Formula indicators are computed from the project's raw figures, then scored.",
  },
  appliesTo: {
    zh: '政府投资建设项目（项目单位），用于专项绩效评价',
    en: 'Government-funded investment projects (project units), for special evaluations',
  },
  source: '中央政府投资项目预算绩效评价参考指标',
  content: system({
    name: '政府投资项目预算绩效评价指标体系',
    description:
      '社会效益、资源利用、环境影响、财务效益四类指标（《中央政府投资项目预算绩效评价参考指标》）。',
    dimensions: [
      dim('D1', '社会效益', 25, [
        leaf({
          code: 'D1-1',
          name: '单位投资就业人数',
          weight: 10,
          unit: '人/万元',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('employment_per_investment', rule.target()),
          criteria:
            '单位投资就业人数 = 新增总就业人数（包括本项目与相关项目）/ 项目总投资（包括直接投资与间接投资）；以可行性研究报告预期值为目标，得分 = 权重 × min(实际值 / 预期值, 1)。',
          dataSource: '项目单位自报，人力资源和社会保障部门核验',
          evidence: '用工花名册、社保缴纳记录、投资完成报表',
        }),
        leaf({
          code: 'D1-2',
          name: '公众满意度',
          weight: 10,
          unit: '分',
          type: 'qualitative',
          source: 'survey',
          rule: rule.satisfaction([
            ['clients', '项目受益群众', 0.6],
            ['public', '社会公众', 0.4],
          ]),
          criteria:
            '问卷调查：很满意 100、满意 80、基本满意 60、不满意 30、很不满意 0，按项目受益群众 60%、社会公众 40% 加权；每类有效样本不少于 30 份。',
          dataSource: '第三方评估机构问卷调查',
          evidence: '问卷回收统计',
        }),
        leaf({
          code: 'D1-3',
          name: '脱贫情况',
          weight: 5,
          unit: '分',
          type: 'qualitative',
          source: 'expert',
          rule: rule.expert(),
          criteria:
            '评审专家依据问卷调查和实地调研判断项目带动脱贫增收的效果，按百分制评分；专家不少于 5 人时去掉一个最高分和一个最低分后取平均。',
          dataSource: '专家评审',
          evidence: '带动就业增收台账、调研报告',
        }),
      ]),
      dim('D2', '资源利用', 25, [
        leaf({
          code: 'D2-1',
          name: '单位净产值综合能耗',
          weight: 9,
          unit: '吨标准煤/万元',
          direction: 'lower',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('energy_per_net_output', rule.reverse()),
          criteria:
            '项目的单位净产值综合能耗 = 项目的年综合能耗 / 项目的净产值；逆向指标，以设计值为目标，得分 = 权重 × min(设计值 / 实际值, 1)。',
          dataSource: '项目单位自报，节能主管部门核验',
          evidence: '能源消费台账、财务报表',
        }),
        leaf({
          code: 'D2-2',
          name: '单位投资占用耕地',
          weight: 8,
          unit: '亩/万元',
          direction: 'lower',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('land_per_investment', rule.reverse()),
          criteria:
            '单位投资占用耕地 = 项目占用耕地面积（亩）/ 项目总投资（万元）；逆向指标，以批复用地标准为目标，得分 = 权重 × min(标准值 / 实际值, 1)。',
          dataSource: '项目单位自报，自然资源部门核验',
          evidence: '用地批复、投资完成报表',
        }),
        leaf({
          code: 'D2-3',
          name: '单位产品生产耗水量',
          weight: 8,
          unit: '立方米/单位产品',
          direction: 'lower',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('water_per_product', rule.reverse()),
          criteria:
            '单位产品生产耗水量 = 项目年生产耗水量 / 主要产品生产量；逆向指标，以设计值为目标，得分 = 权重 × min(设计值 / 实际值, 1)。',
          dataSource: '项目单位自报，水行政主管部门核验',
          evidence: '用水计量记录、产量统计',
        }),
      ]),
      dim('D3', '环境影响', 20, [
        leaf({
          code: 'D3-1',
          name: '环境质量指数',
          weight: 12,
          direction: 'lower',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.formula(
            'eqi',
            rule.bands([
              [null, 0.5, 1, '低于 0.5'],
              [0.5, 0.8, 0.8, '0.5–0.8'],
              [0.8, 1, 0.6, '0.8–1'],
              [1, null, 0, '1 及以上（超标）'],
            ]),
          ),
          criteria:
            '环境质量指数 = Σ(Qi / Qio) / n，n 为项目排出的有害物质（废水、废气、废渣、噪声、放射物等）种类数，Qi 为第 i 种有害物质排放量，Qio 为国家规定的最大允许排放量。分档计分：低于 0.5 得满分，0.5–0.8 得 80%，0.8–1 得 60%，1 及以上不得分。',
          dataSource: '生态环境部门监测数据',
          evidence: '环境监测报告',
        }),
        leaf({
          code: 'D3-2',
          name: '植被覆盖率',
          weight: 4,
          unit: '%',
          type: 'quantitative',
          source: 'data_provider',
          rule: rule.target(),
          criteria: '得分 = 权重 × min(实际植被覆盖率 / 环评批复目标, 1)。',
          dataSource: '自然资源、林草部门',
          evidence: '生态监测报告、现场照片',
        }),
        leaf({
          code: 'D3-3',
          name: '水土流失治理',
          weight: 4,
          type: 'qualitative',
          source: 'expert',
          rule: rule.grade(),
          criteria: '评价水土保持方案落实和水土流失治理效果，按优、良、中、差四等计分。',
          dataSource: '水行政主管部门验收意见，专家评定等级',
          evidence: '水土保持设施验收报告',
        }),
      ]),
      dim('D4', '财务效益', 30, [
        leaf({
          code: 'D4-1',
          name: '财务净现值（FNPV）',
          weight: 8,
          unit: '万元',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula(
            'fnpv',
            rule.bands([
              [null, 0, 0, '小于 0'],
              [0, null, 1, '不小于 0'],
            ]),
          ),
          criteria:
            'FNPV = Σ(CIt − COt)(1 + i)^−t（t = 1…n），CIt、COt 为第 t 年现金流入量、流出量，i 为基准折现率；财务净现值不小于 0 得满分，小于 0 不得分。',
          dataSource: '项目单位财务报表，第三方评估机构复核',
          evidence: '现金流量表、财务评价报告',
        }),
        leaf({
          code: 'D4-2',
          name: '财务净现值率（NPVR）',
          weight: 7,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('npvr', rule.target()),
          criteria:
            'NPVR = NPV / PVI × 100%，PVI 为项目总投资现值；以可行性研究报告预期值为目标，得分 = 权重 × min(实际值 / 预期值, 1)。',
          dataSource: '项目单位财务报表，第三方评估机构复核',
          evidence: '现金流量表、投资完成报表',
        }),
        leaf({
          code: 'D4-3',
          name: '内部收益率（IRR）',
          weight: 8,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('irr', rule.target()),
          criteria:
            '使财务净现值为零的折现率；以行业基准收益率为目标，得分 = 权重 × min(实际值 / 基准值, 1)。',
          dataSource: '项目单位财务报表，第三方评估机构复核',
          evidence: '现金流量表、财务评价报告',
        }),
        leaf({
          code: 'D4-4',
          name: '静态投资回收期',
          weight: 7,
          unit: '年',
          direction: 'lower',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('static_payback', rule.reverse()),
          criteria:
            '累计净现金流量由负转正所需的年数；逆向指标，以可行性研究报告预期回收期为目标，得分 = 权重 × min(预期值 / 实际值, 1)。',
          dataSource: '项目单位财务报表，第三方评估机构复核',
          evidence: '现金流量表',
        }),
      ]),
    ],
    vetoItems: [
      veto(
        'V1',
        '发生重大工程质量安全事故',
        'fail',
        '项目建设或运营中发生重大工程质量或安全事故的，评价等级定为不及格。',
      ),
      veto(
        'V2',
        '项目资金被挤占挪用',
        'fail',
        '项目资金被挤占、挪用或虚报冒领并被审计、财政部门查实的，评价等级定为不及格。',
      ),
    ],
    tieBreak: ['dimension:D4'],
  }),
};
