import { example, fromSource, type Provenance, provenanceSchema } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { formatKind, formatProvenanceCells, readKind, readProvenanceCells } from './provenance';

describe('出处 cells', () => {
  it('write 原文 with its citation and 示例 with its note, and read them back exactly', () => {
    const cases: Provenance[] = [
      fromSource('kpi', '考核指标和权重 1.', '工作目标完成情况(权重:30%)', ['weight']),
      fromSource('central_investment_indicators', '三、(一)', '单位投资就业人数', ['formula', 'weight']),
      {
        kind: 'source',
        document: 'harbin_regulation',
        section: '第十八条',
        quote: '"引号"\n第二行',
        covers: [],
      },
      fromSource('service_window', '3.', '办事量'),
      example(),
      example('细化「税收征管水平」的示例指标'),
      example(''),
    ];
    for (const p of cases) {
      const read = readProvenanceCells(formatProvenanceCells(p));
      expect(read.problems).toEqual([]);
      expect(provenanceSchema.parse(read.provenance)).toStrictEqual(p);
    }
    expect(formatProvenanceCells(cases[0] as Provenance)).toEqual({
      kind: '原文',
      document: '《政府KPI绩效考核方案》',
      section: '考核指标和权重 1.',
      quote: '工作目标完成情况(权重:30%)',
      covers: '权重',
      note: null,
    });
    expect(formatKind(undefined)).toBeNull();
    expect(readKind(' 示例 ')).toBe('example');
  });

  it('accepts the document title without 《》, in English, or by its key', () => {
    for (const document of [
      '政府KPI绩效考核方案',
      'Government KPI appraisal plan',
      'kpi',
      '〈政府KPI绩效考核方案〉',
    ])
      expect(
        readProvenanceCells({ kind: '原文', document, section: '一、', quote: '目标完成率' }).provenance,
      ).toEqual({ kind: 'source', document: 'kpi', section: '一、', quote: '目标完成率' });
  });

  it('says which cell is wrong: citation on an example, a note on a source, no kind, no section', () => {
    const keys = (cells: Parameters<typeof readProvenanceCells>[0]) =>
      readProvenanceCells(cells).problems.map((p) => [p.key, p.message.zh]);
    expect(keys({ kind: '示例', quote: '原话' })).toEqual([
      ['quote', '示例不填原文摘录：来源文件、条款、原文摘录、原文涵盖只用于原文'],
    ]);
    expect(keys({ kind: '原文', document: 'kpi', section: '一', quote: '话', note: '说明' })).toEqual([
      ['note', '原文不填说明（说明只用于示例）'],
    ]);
    expect(keys({ document: 'kpi', section: '一', quote: '话' })).toEqual([
      ['kind', '缺少出处：填“原文”（并填来源文件、条款、原文摘录）或“示例”'],
    ]);
    expect(keys({ kind: '原文', document: 'kpi', quote: '话' })).toEqual([['section', '原文须填条款']]);
    expect(keys({ kind: '原文', document: 'kpi', section: '一', quote: '话', covers: '权重、排名' })).toEqual(
      [['covers', '原文涵盖“排名”无法识别，可填：权重、计算公式']],
    );
    expect(readProvenanceCells({ kind: null, note: '  ' })).toEqual({ problems: [] });
  });
});
