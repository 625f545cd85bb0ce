import type { Wording, WordingTable } from './types';

const at =
  (section: string) =>
  (node: string, quote: string): Wording => ({ node, document: 'fiscal_evaluation', section, quote });
const income = at('二、评价指标体系 1. 收入评价指标');
const spending = at('二、评价指标体系 2. 支出评价指标');
const debt = at('二、评价指标体系 3. 债务评价指标');

/** The source's wording of the template's 原文 nodes. */
export const fiscal: WordingTable = [
  income('D1', '1. 收入评价指标'),
  income('D1-1', '收入增长率:比较与上年度相比,财政收入的增长情况'),
  income('D1-2', '财政收入结构:评估各项收入在总体收入中的比重'),
  income('D1-3', '税收征管水平:衡量税收征管工作的效果和税收合规情况'),
  income('D1-3-1', '衡量税收征管工作的效果'),
  income('D1-3-2', '税收合规情况'),
  spending('D2', '2. 支出评价指标'),
  spending('D2-1', '政府支出结构:评估政府支出在各项支出中的比重'),
  spending('D2-2', '效益评价:评估政府支出对经济和社会发展的贡献'),
  spending('D2-3', '财政投资效益:评估政府投资项目的效益和回报情况'),
  debt('D3', '3. 债务评价指标'),
  debt('D3-1', '债务规模:评估政府债务的规模和债务负担'),
  debt('D3-2', '偿债能力:评估政府偿还债务的能力和稳定性'),
  debt('D3-3', '债务结构:评估政府债务在不同类型债务中的比重'),
];
