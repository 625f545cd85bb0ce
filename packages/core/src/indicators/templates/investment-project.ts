import { example, fromSource } from '../provenance';
import { dim, leaf, rule, system, type Template, veto } from './build';

/**
 * 政府投资项目预算绩效评价: the two groups of the central reference indicators (一、社会效益 with its
 * three named branches and 公众满意度、脱贫情况; 二、财务效益), plus a third, example dimension for
 * the methods of 《政府投资项目绩效评估》二、 (对比分析法, 效果评估法: 实施进度、质量、投入产出比).
 * The seed's own formulas are 原文 with covers ['formula']; every weight, target and band is 示例.
 */

const CII = 'central_investment_indicators';
const IE = 'investment_evaluation';
const SOCIAL = '一、社会效益指标';
const FINANCE = '二、财务效益指标';
const METHODS = '二、政府投资项目绩效评估的方法';
const ECOLOGY = '还可按项目不同增加植被覆盖率、土壤改良、水土流失等一系列生态效益指标';
const SURVEY_EXPERT = '此外,还有公众满意度、脱贫情况等指标,此类指标可以通过问卷调查、专家经验判断获得';
const COMMON_FINANCIAL = '常用的评估指标包括投资回收期、净现值、内部收益率等';
const EFFECT = '可以考察项目的实施进度、质量、投入产出比等指标';

/** The 基准折现率 the office fixes for every discounted formula (示例 8%); a fresh object per leaf. */
const rate = () => ({ args: { ratePercent: 8 } });

/** A target the project cannot set: taken from the approved feasibility study, checked by the office. */
const FEASIBILITY =
  '目标值取经审批的可行性研究报告（或初步设计）中的预期值，由项目单位随数据报送、考核办核定';

export const investmentProject: Template = {
  id: 'investment_project',
  name: { zh: '政府投资项目预算绩效评价指标体系', en: 'Government investment projects' },
  description: {
    zh: '依据《中央政府投资项目预算绩效评价参考指标》：一、社会效益（就业效益、资源利用、环境影响三类指标，以及公众满意度、脱贫情况）和二、财务效益（财务净现值、财务净现值率；内部收益率、投资回收期取自《政府投资项目绩效评估》二、1. 指标法）；第三个一级指标「实施效果」按《政府投资项目绩效评估》二、中的对比分析法和效果评估法（实施进度、质量、投入产出比）设置。指标名称和计算公式为原文（单位投资就业人数、单位净产值综合能耗、单位投资占用耕地、单位产品生产耗水量、环境质量指数、财务净现值、财务净现值率的公式出自原文）；「实施效果」的分组、单项污染物达标指标、全部权重、评分办法、分档、基准折现率（8%）和基准收益率（8%）均为示例，可依据实际情况选用和修改（原文：“在具体操作时可依据实际情况选用”）。',
    en: "Follows the reference indicators for central-government investment projects: I. social benefit (employment, resource use and environmental impact, plus public satisfaction and poverty reduction) and II. financial benefit (FNPV, NPVR; IRR and payback period from the indicator method of \"Performance evaluation of government investment projects\" II.1), with a third dimension for that document's before/after comparison and effect evaluation (progress, quality, input-output ratio). Names and the seed's formulas are quoted from the source; the third dimension's grouping, the single-pollutant check, all weights, rules, bands, the 8% discount rate and the 8% benchmark IRR are editable examples.",
  },
  appliesTo: {
    zh: '政府投资建设项目（项目单位），用于专项绩效评价',
    en: 'Government-funded investment projects (project units), for special evaluations',
  },
  source:
    '中央政府投资项目预算绩效评价参考指标（一、社会效益指标；二、财务效益指标）；政府投资项目绩效评估（二、政府投资项目绩效评估的方法）',
  content: system({
    name: '政府投资项目预算绩效评价指标体系',
    description:
      '社会效益、财务效益两类参考指标（《中央政府投资项目预算绩效评价参考指标》），加实施效果（《政府投资项目绩效评估》二、评估方法）。名称与公式为原文，权重和评分办法为示例。',
    dimensions: [
      dim('D1', '社会效益', 40, fromSource(CII, SOCIAL, SOCIAL), [
        dim(
          'D1-1',
          '就业效益指标',
          6,
          fromSource(CII, `${SOCIAL} (一)`, '(一)就业效益指标:可按目前一般采用的单位投资就业人数计算'),
          [
            leaf({
              code: 'D1-1-1',
              name: '单位投资就业人数',
              weight: 6,
              unit: '人/万元',
              type: 'quantitative',
              source: 'self_report',
              rule: rule.formula('employment_per_investment', rule.target()),
              criteria: `单位投资就业人数 = 新增总就业人数（包括本项目与相关项目）/ 项目总投资（包括直接投资与间接投资），投资以万元计。得分 = 权重 × min(实际值 / 目标值, 1)；${FEASIBILITY}。`,
              dataSource: '项目单位自报，人力资源和社会保障部门核验',
              evidence: '用工花名册、社保缴纳记录、投资完成报表',
              provenance: fromSource(
                CII,
                `${SOCIAL} (一)`,
                '单位投资就业人数=新增总就业人数(包括本项目与相关项目)/项目总投资(包括直接投资与间接投资)',
                ['formula'],
              ),
            }),
          ],
        ),
        dim(
          'D1-2',
          '资源利用指标',
          12,
          fromSource(CII, `${SOCIAL} (二)`, '(二)资源利用指标:投资项目社会评价设置的节约各项资源指标'),
          [
            leaf({
              code: 'D1-2-1',
              name: '单位净产值综合能耗',
              weight: 4,
              unit: '吨标准煤/万元',
              direction: 'lower',
              type: 'quantitative',
              source: 'self_report',
              rule: rule.formula('energy_per_net_output', rule.reverse()),
              criteria: `项目的单位净产值综合能耗 = 项目的年综合能耗 / 项目的净产值。逆向指标，得分 = 权重 × min(目标值 / 实际值, 1)；目标值取经批复的节能审查意见或设计文件中的能耗指标，由考核办核定。`,
              dataSource: '项目单位自报，节能主管部门核验',
              evidence: '能源消费台账、财务报表、节能审查意见',
              provenance: fromSource(
                CII,
                `${SOCIAL} (二) 1、`,
                '项目的单位净产值综合能耗=项目的年综合能耗/项目的净产值',
                ['formula'],
              ),
            }),
            leaf({
              code: 'D1-2-2',
              name: '单位投资占用耕地',
              weight: 4,
              unit: '亩/万元',
              direction: 'lower',
              type: 'quantitative',
              source: 'self_report',
              rule: rule.formula('land_per_investment', rule.reverse()),
              criteria:
                '单位投资占用耕地 = 项目占用耕地面积（亩）/ 项目总投资（万元），只计耕地，不计其他建设用地。逆向指标，得分 = 权重 × min(目标值 / 实际值, 1)；目标值取用地批复的耕地占用标准，由考核办核定。',
              dataSource: '项目单位自报，自然资源部门核验',
              evidence: '用地批复、占用耕地测绘成果、投资完成报表',
              provenance: fromSource(
                CII,
                `${SOCIAL} (二) 2、`,
                '单位投资占用耕地=项目占用耕地面积(亩)/项目总投资(万元)',
                ['formula'],
              ),
            }),
            leaf({
              code: 'D1-2-3',
              name: '单位产品生产耗水量',
              weight: 4,
              unit: '立方米/单位产品',
              direction: 'lower',
              type: 'quantitative',
              source: 'self_report',
              rule: rule.formula('water_per_product', rule.reverse()),
              criteria:
                '单位产品生产耗水量 = 项目年生产耗水量 / 主要产品生产量。逆向指标，得分 = 权重 × min(目标值 / 实际值, 1)；目标值取设计文件或行业用水定额，由考核办核定。',
              dataSource: '项目单位自报，水行政主管部门核验',
              evidence: '用水计量记录、产量统计',
              provenance: fromSource(
                CII,
                `${SOCIAL} (二) 3、`,
                '单位产品生产耗水量=项目年生产耗水量/主要产品生产量',
                ['formula'],
              ),
            }),
          ],
        ),
        dim(
          'D1-3',
          '环境影响指标',
          12,
          fromSource(CII, `${SOCIAL} (三)`, '(三)环境影响指标:项目实施对环境影响的后果'),
          [
            leaf({
              code: 'D1-3-1',
              name: '环境质量指数',
              weight: 4,
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
                '环境质量指数 = Σ(Qi / Qio) / n，n 为项目排出的污染环境的有害物质（废水、废气、废渣、噪声、放射物等）的种类数，Qi 为第 i 种有害物质的排放量，Qio 为国家规定的第 i 种物质的最大允许排放量。分档计分（示例）：低于 0.5 得满分，0.5–0.8 得 80%，0.8–1 得 60%，1 及以上不得分。',
              dataSource: '生态环境部门监测数据',
              evidence: '环境监测报告、排污许可执行报告',
              provenance: fromSource(
                CII,
                `${SOCIAL} (三)`,
                '环境质量指数=Σni=lQiQio∕nn为该项目排出的污染环境的有害物质的种类',
                ['formula'],
              ),
            }),
            leaf({
              code: 'D1-3-2',
              name: '单项污染物达标',
              weight: 2,
              unit: '项',
              direction: 'lower',
              type: 'quantitative',
              source: 'data_provider',
              rule: rule.formula(
                'eqi_exceedances',
                rule.bands([
                  [null, 1, 1, '无超标'],
                  [1, null, 0, '1 项及以上超标'],
                ]),
              ),
              criteria:
                '与环境质量指数使用同一组排放数据，统计排放量超过国家规定最大允许排放量（Qi / Qio > 1）的有害物质种数：环境质量指数是平均值，可能掩盖单项污染物超标。无超标得满分，1 项及以上超标不得分（示例）。',
              dataSource: '生态环境部门监测数据',
              evidence: '环境监测报告',
              provenance: example('细化「环境质量指数」：平均值可能掩盖某一种污染物超标'),
            }),
            leaf({
              code: 'D1-3-3',
              name: '植被覆盖率',
              weight: 2,
              unit: '%',
              type: 'quantitative',
              source: 'data_provider',
              rule: rule.target(),
              criteria:
                '项目区植被覆盖率，得分 = 权重 × min(实际值 / 目标值, 1)；目标值取环境影响评价批复或水土保持方案中的指标，由考核办核定。原文为“可按项目不同增加”的生态效益指标，不涉及的项目由考核办免考。',
              dataSource: '自然资源、林草部门',
              evidence: '生态监测报告、遥感影像或现场照片',
              provenance: fromSource(CII, `${SOCIAL} (三)`, ECOLOGY),
            }),
            leaf({
              code: 'D1-3-4',
              name: '土壤改良',
              weight: 2,
              type: 'qualitative',
              source: 'expert',
              rule: rule.grade(),
              criteria:
                '评价项目对项目区土壤的改良或修复效果（示例：土壤改良、复垦、污染土壤修复措施的落实及检测结果），评审专家按优、良、中、差四等评定，分别得权重的 100%、80%、60%、40%（示例）。不涉及的项目由考核办免考。',
              dataSource: '农业农村、生态环境部门检测意见，专家评定等级',
              evidence: '土壤检测报告、复垦验收材料',
              provenance: fromSource(CII, `${SOCIAL} (三)`, ECOLOGY),
            }),
            leaf({
              code: 'D1-3-5',
              name: '水土流失',
              weight: 2,
              type: 'qualitative',
              source: 'expert',
              rule: rule.grade(),
              criteria:
                '评价水土保持方案落实和水土流失防治效果，评审专家按优、良、中、差四等评定，分别得权重的 100%、80%、60%、40%（示例）。不涉及的项目由考核办免考。',
              dataSource: '水行政主管部门验收意见，专家评定等级',
              evidence: '水土保持设施验收报告',
              provenance: fromSource(CII, `${SOCIAL} (三)`, ECOLOGY),
            }),
          ],
        ),
        leaf({
          code: 'D1-4',
          name: '公众满意度',
          weight: 6,
          unit: '分',
          type: 'qualitative',
          source: 'survey',
          rule: rule.satisfaction([
            ['clients', '项目受益群众', 0.6],
            ['public', '社会公众', 0.4],
          ]),
          criteria:
            '问卷调查（原文：此类指标可以通过问卷调查获得）。示例计分：很满意 100、满意 80、基本满意 60、不满意 30、很不满意 0，按项目受益群众 60%、社会公众 40% 加权；每类有效样本不少于 30 份。',
          dataSource: '第三方评估机构问卷调查',
          evidence: '问卷回收统计',
          provenance: fromSource(CII, SOCIAL, SURVEY_EXPERT),
        }),
        leaf({
          code: 'D1-5',
          name: '脱贫情况',
          weight: 4,
          unit: '分',
          type: 'qualitative',
          source: 'expert',
          rule: rule.expert(),
          criteria:
            '专家经验判断（原文：此类指标可以通过专家经验判断获得）：评审专家依据带动就业增收台账和实地调研判断项目带动脱贫增收的效果，按百分制评分；专家不少于 5 人时去掉一个最高分和一个最低分后取平均（示例）。',
          dataSource: '专家评审',
          evidence: '带动就业增收台账、调研报告',
          provenance: fromSource(CII, SOCIAL, SURVEY_EXPERT),
        }),
      ]),
      dim('D2', '财务效益', 40, fromSource(CII, FINANCE, FINANCE), [
        leaf({
          code: 'D2-1',
          name: '财务净现值',
          weight: 12,
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
            'FNPV = Σ(CIt − COt)(1 + i)^−t（t = 1…n），CIt、COt 为第 t 年现金流入量、流出量（万元），i 为基准折现率，由考核办设定（示例 8%），项目单位不能报送。财务净现值不小于 0 得满分，小于 0 不得分（示例）。',
          dataSource: '项目单位财务报表，第三方评估机构复核',
          evidence: '现金流量表、财务评价报告',
          provenance: fromSource(CII, `${FINANCE} (一)`, '财务净现值计算式为:FNPV=Σnt=l(CIt-COt)Rt', [
            'formula',
          ]),
          officeParams: rate(),
        }),
        leaf({
          code: 'D2-2',
          name: '财务净现值率',
          weight: 8,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('npvr', rule.target()),
          criteria: `NPVR = FNPV / PVI × 100%，PVI 为项目总投资现值；FNPV 与 PVI 由同一组现金流量、按同一基准折现率（考核办设定，示例 8%）计算。原文标题中的“(现值指数)”并非教科书中的现值指数 PI（PI = 1 + NPVR）：此处按原文公式计算净现值率，不加 1。得分 = 权重 × min(实际值 / 目标值, 1)；${FEASIBILITY}。`,
          dataSource: '项目单位财务报表，第三方评估机构复核',
          evidence: '现金流量表、投资完成报表',
          provenance: fromSource(
            CII,
            `${FINANCE} (二)`,
            '财务净现值率就是项目财务净现值与项目总投资现值之比:NPVR=NPVPVI×ιoo%',
            ['formula'],
          ),
          officeParams: rate(),
        }),
        leaf({
          code: 'D2-3',
          name: '内部收益率',
          weight: 12,
          unit: '%',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('irr', { kind: 'target_gap', tolerance: 8 }),
          criteria:
            '使财务净现值为零的折现率，由项目各年净现金流量算出。基准收益率由考核办设定（示例 8%）：达到或超过基准收益率得满分，每低 1 个百分点扣权重的 1/8，低 8 个百分点及以上不得分（示例）。现金流量多次变号、内部收益率不唯一时不予计分，改看财务净现值。',
          dataSource: '项目单位财务报表，第三方评估机构复核',
          evidence: '现金流量表、财务评价报告',
          provenance: fromSource(IE, `${METHODS} 1. 指标法`, COMMON_FINANCIAL),
          officeParams: { target: 8 },
        }),
        leaf({
          code: 'D2-4',
          name: '投资回收期',
          weight: 8,
          unit: '年',
          direction: 'lower',
          type: 'quantitative',
          source: 'self_report',
          rule: rule.formula('static_payback', rule.reverse()),
          criteria: `静态投资回收期：累计净现金流量由负转正所需的年数（示例选用静态回收期，可改为按基准折现率计算的动态回收期）。逆向指标，得分 = 权重 × min(目标值 / 实际值, 1)；${FEASIBILITY}。计算期内无法回收的不予计分。`,
          dataSource: '项目单位财务报表，第三方评估机构复核',
          evidence: '现金流量表',
          provenance: fromSource(IE, `${METHODS} 1. 指标法`, COMMON_FINANCIAL),
        }),
      ]),
      dim(
        'D3',
        '实施效果',
        20,
        example('按《政府投资项目绩效评估》二、中的对比分析法与效果评估法归组的示例一级指标'),
        [
          leaf({
            code: 'D3-1',
            name: '实施前后对比',
            weight: 5,
            unit: '%',
            type: 'quantitative',
            source: 'self_report',
            rule: rule.formula('change_rate', { kind: 'target_gap', tolerance: 20 }),
            criteria: `对比分析法：选取一项反映项目主要效益、越高越好的数据（示例：受益人口、通行量、供水量），变化率 = (实施后 − 实施前基准值) / |实施前基准值| × 100%。达到目标变化率得满分，每差 1 个百分点扣权重的 1/20，差 20 个百分点及以上不得分（示例）；${FEASIBILITY}，实施前基准值须有统计或监测资料佐证。`,
            dataSource: '项目单位自报，统计或行业主管部门核验',
            evidence: '实施前后的统计数据、监测报告',
            provenance: example('按《政府投资项目绩效评估》二、3. 对比分析法设置的示例指标'),
          }),
          leaf({
            code: 'D3-2',
            name: '实施进度',
            weight: 5,
            unit: '%',
            type: 'quantitative',
            source: 'self_report',
            rule: rule.target(),
            criteria:
              '实施进度完成率 = 实际完成的工程量（或投资额）/ 同期计划完成量 × 100%；目标值 100% 由考核办设定。得分 = 权重 × min(完成率 / 100%, 1)（示例）。',
            dataSource: '项目单位自报，发展改革部门核验',
            evidence: '项目进度报表、监理月报',
            provenance: fromSource(IE, `${METHODS} 4. 效果评估法`, EFFECT),
            officeParams: { target: 100 },
          }),
          leaf({
            code: 'D3-3',
            name: '工程质量',
            weight: 5,
            unit: '次',
            type: 'quantitative',
            source: 'data_provider',
            rule: rule.deduction([
              ['ZL', '质量监督部门通报的质量问题', 1],
              ['FG', '因质量问题返工或整改', 2],
              ['SG', '一般质量事故', 5],
            ]),
            criteria:
              '以工程质量监督和验收结论为准（示例）：质量监督部门通报的质量问题每项扣 1 分，因质量问题返工或整改每次扣 2 分，发生一般质量事故扣 5 分，扣完为止。',
            dataSource: '工程质量监督机构',
            evidence: '质量监督报告、验收记录、整改记录',
            provenance: fromSource(IE, `${METHODS} 4. 效果评估法`, EFFECT),
          }),
          leaf({
            code: 'D3-4',
            name: '投入产出比',
            weight: 5,
            type: 'quantitative',
            source: 'self_report',
            rule: rule.formula('input_output_ratio', rule.target()),
            criteria: `投入产出比 = 项目产出（年营业收入或可计量的年效益，万元）/ 项目投入（实际完成投资，万元），越高越好。得分 = 权重 × min(实际值 / 目标值, 1)（示例）；${FEASIBILITY}。`,
            dataSource: '项目单位财务报表，第三方评估机构复核',
            evidence: '财务报表、投资完成报表、效益测算说明',
            provenance: fromSource(IE, `${METHODS} 4. 效果评估法`, EFFECT),
          }),
        ],
      ),
    ],
    vetoItems: [
      veto(
        'V1',
        '污染物严重超标或受到环境行政处罚',
        'fail',
        '任一种污染物排放量超过国家规定最大允许排放量的 2 倍，或项目因环境违法行为受到行政处罚的，评价等级定为不及格（示例）。',
        example('环境质量指数为平均值，单项严重超标另设否决（示例）'),
      ),
      veto(
        'V2',
        '发生重大工程质量安全事故',
        'fail',
        '项目建设或运营中发生重大工程质量或安全事故的，评价等级定为不及格（示例）。',
      ),
      veto(
        'V3',
        '项目资金被挤占挪用',
        'fail',
        '项目资金被挤占、挪用或虚报冒领并被审计、财政部门查实的，评价等级定为不及格（示例）。',
      ),
    ],
    tieBreak: ['dimension:D2'],
  }),
};
