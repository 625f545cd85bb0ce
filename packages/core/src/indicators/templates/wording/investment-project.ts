import type { WordingTable } from './types';

const CII = 'central_investment_indicators';
const IE = 'investment_evaluation';
const SOCIAL = '一、社会效益指标';
const FINANCE = '二、财务效益指标';
const METHODS = '二、政府投资项目绩效评估的方法';
const ECOLOGY = '还可按项目不同增加植被覆盖率、土壤改良、水土流失等一系列生态效益指标';
const SURVEY_EXPERT = '此外,还有公众满意度、脱贫情况等指标,此类指标可以通过问卷调查、专家经验判断获得';
const COMMON_FINANCIAL = '常用的评估指标包括投资回收期、净现值、内部收益率等';
const EFFECT = '可以考察项目的实施进度、质量、投入产出比等指标';

/** The source's wording of the template's 原文 nodes. */
export const investmentProject: WordingTable = [
  { node: 'D1', document: CII, section: SOCIAL, quote: SOCIAL },
  {
    node: 'D1-1',
    document: CII,
    section: `${SOCIAL} (一)`,
    quote: '(一)就业效益指标:可按目前一般采用的单位投资就业人数计算',
  },
  {
    node: 'D1-1-1',
    document: CII,
    section: `${SOCIAL} (一)`,
    quote: '单位投资就业人数=新增总就业人数(包括本项目与相关项目)/项目总投资(包括直接投资与间接投资)',
  },
  {
    node: 'D1-2',
    document: CII,
    section: `${SOCIAL} (二)`,
    quote: '(二)资源利用指标:投资项目社会评价设置的节约各项资源指标',
  },
  {
    node: 'D1-2-1',
    document: CII,
    section: `${SOCIAL} (二) 1、`,
    quote: '项目的单位净产值综合能耗=项目的年综合能耗/项目的净产值',
  },
  {
    node: 'D1-2-2',
    document: CII,
    section: `${SOCIAL} (二) 2、`,
    quote: '单位投资占用耕地=项目占用耕地面积(亩)/项目总投资(万元)',
  },
  {
    node: 'D1-2-3',
    document: CII,
    section: `${SOCIAL} (二) 3、`,
    quote: '单位产品生产耗水量=项目年生产耗水量/主要产品生产量',
  },
  {
    node: 'D1-3',
    document: CII,
    section: `${SOCIAL} (三)`,
    quote: '(三)环境影响指标:项目实施对环境影响的后果',
  },
  {
    node: 'D1-3-1',
    document: CII,
    section: `${SOCIAL} (三)`,
    quote: '环境质量指数=Σni=lQiQio∕nn为该项目排出的污染环境的有害物质的种类',
  },
  { node: 'D1-3-3', document: CII, section: `${SOCIAL} (三)`, quote: ECOLOGY },
  { node: 'D1-3-4', document: CII, section: `${SOCIAL} (三)`, quote: ECOLOGY },
  { node: 'D1-3-5', document: CII, section: `${SOCIAL} (三)`, quote: ECOLOGY },
  { node: 'D1-4', document: CII, section: SOCIAL, quote: SURVEY_EXPERT },
  { node: 'D1-5', document: CII, section: SOCIAL, quote: SURVEY_EXPERT },
  { node: 'D2', document: CII, section: FINANCE, quote: FINANCE },
  {
    node: 'D2-1',
    document: CII,
    section: `${FINANCE} (一)`,
    quote: '财务净现值计算式为:FNPV=Σnt=l(CIt-COt)Rt',
  },
  {
    node: 'D2-2',
    document: CII,
    section: `${FINANCE} (二)`,
    quote: '财务净现值率就是项目财务净现值与项目总投资现值之比:NPVR=NPVPVI×ιoo%',
  },
  { node: 'D2-3', document: IE, section: `${METHODS} 1. 指标法`, quote: COMMON_FINANCIAL },
  { node: 'D2-4', document: IE, section: `${METHODS} 1. 指标法`, quote: COMMON_FINANCIAL },
  { node: 'D3-2', document: IE, section: `${METHODS} 4. 效果评估法`, quote: EFFECT },
  { node: 'D3-3', document: IE, section: `${METHODS} 4. 效果评估法`, quote: EFFECT },
  { node: 'D3-4', document: IE, section: `${METHODS} 4. 效果评估法`, quote: EFFECT },
];
