import type { Comparison } from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { change, fixed2 } from './format';

/**
 * 分指标明细: for every member and standard indicator, the value in the indicator's unit, its
 * standardised score by the comparison's method, and its 增幅 against the previous year. Wide:
 * it scrolls in its own box.
 */
export function CellsTable(props: { cmp: Comparison }) {
  const { lang } = useView();
  const { cmp } = props;
  if (cmp.rows.length === 0 || cmp.indicators.length === 0) return null;
  return (
    <section aria-labelledby="h-cells" id="cells">
      <h2 id="h-cells">{t(lang, 'cmCells')}</h2>
      <div class="scroll">
        <table id="cells-table" class="nowrap">
          <caption>{t(lang, 'cmCellsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" rowspan={2}>
                {t(lang, 'cmTenant')}
              </th>
              {cmp.indicators.map((i) => (
                <th scope="colgroup" colspan={3} data-standard={i.code}>
                  {t(lang, 'cmIndicatorHead', { name: i.name, unit: i.unit, share: fixed2(i.share) })}
                </th>
              ))}
            </tr>
            <tr>
              {cmp.indicators.map(() => (
                <>
                  <th scope="col" class="num">
                    {t(lang, 'cmCellValue')}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, 'cmCellScore')}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, 'cmCellChange')}
                  </th>
                </>
              ))}
            </tr>
          </thead>
          <tbody>
            {cmp.rows.map((r) => (
              <tr id={`cells-${r.tenant}`}>
                <th scope="row">{r.name}</th>
                {cmp.indicators.map((i) => {
                  const cell = r.cells.find((x) => x.standard === i.code);
                  return (
                    <>
                      <td class="num" data-standard={i.code}>
                        {cell?.value === null || cell?.value === undefined
                          ? '—'
                          : `${fixed2(cell.value)} ${i.unit}`}
                      </td>
                      <td class="num">{cell?.score?.shown ?? '—'}</td>
                      <td class="num">{change(cell?.change)}</td>
                    </>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
