import type { WordingTable } from './types';

const DOC = 'service_window';
const SECTION = '三、评估指标体系';
const QUALITY = `${SECTION} 1.`;
const EFFECT = `${SECTION} 2.`;
const DATA = `${SECTION} 3.`;
const STATISTICS = '(1)统计数据指标:包括办事量、服务时间、人员配置、各个环节服务质量数据等';

/** The source's wording of the template's 原文 nodes. */
export const serviceWindow: WordingTable = [
  { node: 'D1', document: DOC, section: QUALITY, quote: '1.服务质量指标' },
  {
    node: 'D1-1',
    document: DOC,
    section: `${QUALITY} (1)`,
    quote: '(1)办事时间:反映办事服务效率的指标,要求监测办事时长是否符合标准要求',
  },
  {
    node: 'D1-2',
    document: DOC,
    section: `${QUALITY} (2)`,
    quote: '(2)服务态度:反映政府工作人员工作态度是否良好,包括电话接听、咨询引导、受理处理等服务环节',
  },
  {
    node: 'D1-3',
    document: DOC,
    section: `${QUALITY} (3)`,
    quote:
      '(3)信息公开:反映政府在服务过程中是否公开透明,及时向百姓公布有关政策咨询、办事流程、结果反馈等信息',
  },
  {
    node: 'D1-4',
    document: DOC,
    section: `${QUALITY} (4)`,
    quote: '(4)服务环境:反映政府服务场所是否安全和卫生、环境舒适整洁等因素',
  },
  { node: 'D2', document: DOC, section: EFFECT, quote: '2.服务效果指标' },
  {
    node: 'D2-1',
    document: DOC,
    section: `${EFFECT} (1)`,
    quote: '(1)办事成功率:反映在政府办事流程中,办事人员解决百姓问题的能力和水平',
  },
  {
    node: 'D2-2',
    document: DOC,
    section: `${EFFECT} (2)`,
    quote: '(2)服务满意度:反映百姓对服务的满意度,包括事前咨询、服务过程中提供的帮助、结果反馈等',
  },
  { node: 'D3', document: DOC, section: DATA, quote: '3.服务数据指标' },
  {
    node: 'D3-1',
    document: DOC,
    section: `${DATA} (2)`,
    quote: '(2)宣传宣传指标:反映政府在服务过程中的宣传、推广、宣传更新等方面的效果',
  },
  { node: 'statistic:S1', document: DOC, section: `${DATA} (1)`, quote: STATISTICS },
  { node: 'statistic:S2', document: DOC, section: `${DATA} (1)`, quote: STATISTICS },
  { node: 'statistic:S3', document: DOC, section: `${DATA} (1)`, quote: STATISTICS },
  { node: 'statistic:S4', document: DOC, section: `${DATA} (1)`, quote: STATISTICS },
];
