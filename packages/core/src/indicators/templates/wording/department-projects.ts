import type { WordingTable } from './types';

const DOC = 'department_projects';
const INDICATORS = '五、考核指标';
const CONTENT = '三、考核内容';
const QUALITY = '1.项目质量指标:考核内容包括项目实施的质量、项目实施的效果、项目实施的成功率等';
const EFFICIENCY = '2.项目效率指标:考核内容包括项目实施的效率、项目实施的进度、项目实施的成本等';
const SERVICE = '3.项目服务指标:考核内容包括项目实施的服务水平、项目实施的受众满意度、项目实施的受众反馈等';
const GRADES = {
  document: DOC,
  section: '六、考核评定 2.',
  quote: '包括优秀、良好、一般、不及格等',
} as const;

/** The source's wording of the template's 原文 nodes. */
export const departmentProjects: WordingTable = [
  { node: 'D1', document: DOC, section: `${INDICATORS} 1.`, quote: QUALITY },
  { node: 'D1-1', document: DOC, section: `${INDICATORS} 1.`, quote: QUALITY },
  { node: 'D1-2', document: DOC, section: `${INDICATORS} 1.`, quote: QUALITY },
  { node: 'D1-3', document: DOC, section: `${INDICATORS} 1.`, quote: QUALITY },
  { node: 'D2', document: DOC, section: `${INDICATORS} 2.`, quote: EFFICIENCY },
  { node: 'D2-1', document: DOC, section: `${INDICATORS} 2.`, quote: EFFICIENCY },
  { node: 'D2-2', document: DOC, section: `${INDICATORS} 2.`, quote: EFFICIENCY },
  { node: 'D2-3', document: DOC, section: `${INDICATORS} 2.`, quote: EFFICIENCY },
  { node: 'D3', document: DOC, section: `${INDICATORS} 3.`, quote: SERVICE },
  { node: 'D3-1', document: DOC, section: `${INDICATORS} 3.`, quote: SERVICE },
  { node: 'D3-2', document: DOC, section: `${INDICATORS} 3.`, quote: SERVICE },
  { node: 'D3-3', document: DOC, section: `${INDICATORS} 3.`, quote: SERVICE },
  {
    node: 'D4-1',
    document: DOC,
    section: `${CONTENT} 1.`,
    quote: '1.规划阶段:考核内容包括项目规划的完整性、项目规划的合理性、项目实施的可行性等',
  },
  {
    node: 'D4-2',
    document: DOC,
    section: `${CONTENT} 2.`,
    quote: '2.策划阶段:考核内容包括项目策划的完整性、项目策划的合理性、项目实施的可行性等',
  },
  {
    node: 'D4-3',
    document: DOC,
    section: `${CONTENT} 3.`,
    quote: '3.实施阶段:考核内容包括项目实施的有效性、项目实施的及时性、项目实施的质量等',
  },
  {
    node: 'D4-4',
    document: DOC,
    section: `${CONTENT} 4.`,
    quote: '4.监督阶段:考核内容包括项目监督的有效性、项目监督的及时性、项目监督的质量等',
  },
  {
    node: 'D4-5',
    document: DOC,
    section: `${CONTENT} 5.`,
    quote: '5.评估阶段:考核内容包括项目评估的完整性、项目评估的合理性、项目评估的可行性等',
  },
  { node: 'grade:excellent', ...GRADES },
  { node: 'grade:good', ...GRADES },
  { node: 'grade:fair', ...GRADES },
  { node: 'grade:fail', ...GRADES },
];
