import type { WordingTable } from './types';

const ART18 =
  '区、县(市)人民政府的绩效评估内容应当包含政治建设、经济建设、社会建设、文化建设、自身建设五个方面';

/** The source's wording of the template's 原文 nodes. */
export const districtCounty: WordingTable = [
  { node: 'D1', document: 'harbin_regulation', section: '第十八条', quote: ART18 },
  { node: 'D2', document: 'harbin_regulation', section: '第十八条', quote: ART18 },
  { node: 'D3', document: 'harbin_regulation', section: '第十八条', quote: ART18 },
  { node: 'D4', document: 'harbin_regulation', section: '第十八条', quote: ART18 },
  { node: 'D5', document: 'harbin_regulation', section: '第十八条', quote: ART18 },
  { node: 'D5-3', document: 'harbin_regulation', section: '第二十三条', quote: '(五)满意度测评' },
];
