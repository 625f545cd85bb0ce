import type { WordingTable } from './types';

const ART18 = '政府所属部门的绩效评估内容应当包含投入、产出、效果三个方面';

/** The source's wording of the template's 原文 nodes. */
export const department: WordingTable = [
  { node: 'D1', document: 'harbin_regulation', section: '第十八条', quote: ART18 },
  { node: 'D2', document: 'harbin_regulation', section: '第十八条', quote: ART18 },
  { node: 'D3', document: 'harbin_regulation', section: '第十八条', quote: ART18 },
];
