import type { Wording, WordingTable } from './types';

const at =
  (n: number) =>
  (node: string, quote: string): Wording => ({
    node,
    document: 'kpi',
    section: `考核指标与权重 ${n}.`,
    quote,
  });

/** The source's wording of the template's 原文 nodes (the seven aspects' quotes include their weights). */
export const kpi: WordingTable = [
  at(1)('D1', '1. 工作目标完成情况(权重:30%)'),
  at(1)('D1-1', '目标完成率'),
  at(1)('D1-2', '项目进度和质量'),
  at(1)('D1-3', '重点工作任务完成情况'),
  at(2)('D2', '2. 绩效评估结果(权重:20%)'),
  at(2)('D2-1', '绩效评价结果和评价报告'),
  at(2)('D2-2', '服务质量和用户满意度'),
  at(3)('D3', '3. 资源利用情况(权重:15%)'),
  at(3)('D3-1', '预算执行情况'),
  at(3)('D3-2', '人力资源利用率'),
  at(4)('D4', '4. 决策与执行能力(权重:15%)'),
  at(4)('D4-1', '沟通协调能力'),
  at(4)('D4-2', '应急处理能力'),
  at(5)('D5', '5. 制度建设与创新(权重:10%)'),
  at(5)('D5-1', '内部管理制度建设'),
  at(5)('D5-2', '创新改革措施'),
  at(6)('D6', '6. 公众满意度调查(权重:10%)'),
  at(6)('D6-1', '问卷调查结果'),
  at(6)('D6-2', '受理投诉处理情况'),
  at(7)('D7', '7. 团队建设与人才培养(权重:10%)'),
  at(7)('D7-1', '团队建设情况'),
  at(7)('D7-2', '人才培养和绩效提升计划'),
];
