import { BURDEN_KEYS, type BurdenCount, type Label } from '@jixiao/core';
import { type Column, type Lang, tableWorkbook } from './table-workbook';

/** The reporting burden (填报负担) per unit beside last year's, with the rule of the counts. */

export interface BurdenTable {
  previousCycle?: { name: string; year: number } | undefined;
  rule: Label;
  rows: readonly { unit: string; unitName: string; now: BurdenCount; before?: BurdenCount | undefined }[];
  total: BurdenCount;
  totalBefore?: BurdenCount | undefined;
}

type Row = BurdenTable['rows'][number];

const COUNT_WORDS: Record<keyof BurdenCount, Label> = {
  fields: { zh: '填报项', en: 'Fields' },
  reports: { zh: '报送次数', en: 'Reports' },
  files: { zh: '佐证材料', en: 'Files' },
  returns: { zh: '退回/重开', en: 'Returns' },
};

function columns(compare: boolean): Column<Row>[] {
  const counts = BURDEN_KEYS.flatMap((k): Column<Row>[] => {
    const w = COUNT_WORDS[k];
    const now: Column<Row> = {
      header: { zh: `${w.zh}（本期）`, en: `${w.en} (now)` },
      width: 10,
      value: (r) => r.now[k],
    };
    if (!compare) return [now];
    return [
      now,
      { header: { zh: `${w.zh}（上期）`, en: `${w.en} (before)` }, width: 10, value: (r) => r.before?.[k] },
    ];
  });
  return [
    { header: { zh: '单位代码', en: 'Unit code' }, width: 10, value: (r) => r.unit },
    { header: { zh: '单位名称', en: 'Unit' }, width: 28, value: (r) => r.unitName },
    ...counts,
  ];
}

export function burdenXlsx(data: BurdenTable, title: string, lang: Lang) {
  const compare = data.previousCycle !== undefined;
  const total: Row = {
    unit: '',
    unitName: lang === 'en' ? 'Total' : '合计',
    now: data.total,
    ...(data.totalBefore ? { before: data.totalBefore } : {}),
  };
  const previous = data.previousCycle
    ? lang === 'en'
      ? `Compared with: ${data.previousCycle.name} (${data.previousCycle.year})`
      : `对比：${data.previousCycle.name}（${data.previousCycle.year} 年）`
    : lang === 'en'
      ? 'No earlier cycle of the same kind to compare with.'
      : '没有上一年度同类考核周期可供对比。';
  return tableWorkbook(title, columns(compare), [...data.rows, total], lang, {
    sheet: lang === 'en' ? 'Reporting burden' : '填报负担',
    notes: [previous, data.rule[lang]],
  });
}
