import type { WordingTable } from './types';

const DOC = 'purchased_service';
const SYSTEM = '3. 绩效评价指标体系';
const INPUT = `${SYSTEM} 3.1 输入指标`;
const PROCESS = `${SYSTEM} 3.2 过程指标`;
const OUTPUT = `${SYSTEM} 3.3 输出指标`;
const INPUTS = '包括资金投入、人力投入、设备投入等方面的指标';
const PROCESSES = '包括服务提供商的责任落实情况、服务过程中的问题处理能力、工作流程是否合理等方面的指标';
const OUTPUTS = '包括服务的投入产出比、服务的实际效果、受益人满意度等方面的指标';

/** The source's wording of the template's 原文 nodes. */
export const purchasedService: WordingTable = [
  { node: 'D1', document: DOC, section: INPUT, quote: '输入指标反映政府在购买服务时投入的资源' },
  { node: 'D1-1', document: DOC, section: INPUT, quote: INPUTS },
  { node: 'D1-2', document: DOC, section: INPUT, quote: INPUTS },
  { node: 'D1-3', document: DOC, section: INPUT, quote: INPUTS },
  {
    node: 'D2',
    document: DOC,
    section: PROCESS,
    quote: '过程指标反映政府购买服务过程中的操作效率和服务质量',
  },
  { node: 'D2-1', document: DOC, section: PROCESS, quote: PROCESSES },
  { node: 'D2-2', document: DOC, section: PROCESS, quote: PROCESSES },
  { node: 'D2-3', document: DOC, section: PROCESS, quote: PROCESSES },
  { node: 'D3', document: DOC, section: OUTPUT, quote: '输出指标反映政府购买服务所产生的结果和效果' },
  { node: 'D3-1', document: DOC, section: OUTPUT, quote: OUTPUTS },
  { node: 'D3-2', document: DOC, section: OUTPUT, quote: OUTPUTS },
  { node: 'D3-3', document: DOC, section: OUTPUT, quote: OUTPUTS },
];
