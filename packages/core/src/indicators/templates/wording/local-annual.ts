import type { Wording, WordingTable } from './types';

const at =
  (section: string) =>
  (node: string, quote: string): Wording => ({ node, document: 'local_annual', section, quote });
const econ = at('二、评估指标体系 1.');
const soc = at('二、评估指标体系 2.');
const env = at('二、评估指标体系 3.');
const inno = at('二、评估指标体系 4.');
const gov = at('二、评估指标体系 5.');

/** The source's wording of the template's 原文 nodes. */
export const localAnnual: WordingTable = [
  econ('D1', '1.经济绩效:包括地方生产总值(GDP)、财政收入、固定资产投资等指标'),
  econ('D1-1', '地方生产总值(GDP)'),
  econ('D1-2', '财政收入'),
  econ('D1-3', '固定资产投资'),
  soc('D2', '2.社会绩效:包括教育、医疗、社会保障、文化建设等指标'),
  soc('D2-1', '教育'),
  soc('D2-2', '医疗'),
  soc('D2-3', '社会保障'),
  soc('D2-4', '文化建设'),
  env('D3', '3.环境绩效:包括环境质量、能源消耗、废物排放等指标'),
  env('D3-1', '环境质量'),
  env('D3-2', '能源消耗'),
  env('D3-3', '废物排放'),
  inno('D4', '4.创新绩效:包括科技投入、创新产出、知识产权保护等指标'),
  inno('D4-1', '科技投入'),
  inno('D4-2', '创新产出'),
  inno('D4-3', '知识产权保护'),
  gov('D5', '5.政府管理绩效:包括政府服务满意度、政务公开、腐败治理等指标'),
  gov('D5-1', '政府服务满意度'),
  gov('D5-2', '政务公开'),
  gov('D5-3', '腐败治理'),
  at('三、评估方法 2.')('D5-4', '综合考虑社会满意度和参与度等因素'),
];
