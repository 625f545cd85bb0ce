import type { Comparison, Trend } from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { Figure } from '../portal/charts';
import type { ComparisonCharts } from './charts';
import { fixed2 } from './format';

/** 各指标分布: a box plot per indicator, and the same numbers in a table. */
export function Distribution(props: { cmp: Comparison; charts: ComparisonCharts }) {
  const { lang } = useView();
  const { cmp } = props;
  if (cmp.indicators.length === 0) return null;
  return (
    <section class="card" aria-labelledby="h-distribution" id="distribution">
      <h2 id="h-distribution">{t(lang, 'cmDistribution')}</h2>
      <p class="hint">{t(lang, 'cmDistributionHint')}</p>
      <div class="sides">
        {cmp.indicators.map((ind, i) => (
          <Figure
            id={`chart-dist-${ind.code}`}
            caption={t(lang, 'cmDistChart', { name: ind.name, unit: ind.unit })}
            svg={props.charts.distribution[i] ?? ''}
          />
        ))}
      </div>
      <div class="scroll">
        <table id="distribution-table">
          <caption>{t(lang, 'cmDistCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'cmDistIndicator')}</th>
              {(
                [
                  'cmDistN',
                  'cmDistMin',
                  'cmDistQ1',
                  'cmDistMedian',
                  'cmDistQ3',
                  'cmDistMax',
                  'cmDistMean',
                ] as const
              ).map((k) => (
                <th scope="col" class="num">
                  {t(lang, k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cmp.indicators.map((ind) => {
              const d = ind.level;
              return (
                <tr data-standard={ind.code}>
                  <th scope="row">
                    {ind.name}（{ind.unit}）
                  </th>
                  <td class="num">{d?.n ?? 0}</td>
                  {d
                    ? [d.min, d.q1, d.median, d.q3, d.max, d.mean].map((v) => (
                        <td class="num">{fixed2(v)}</td>
                      ))
                    : [0, 1, 2, 3, 4, 5].map(() => <td class="num">—</td>)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 历年趋势: composite and rank per member over the years, as two charts and a table. */
export function TrendSection(props: { trend: Trend | undefined; charts: ComparisonCharts }) {
  const { lang } = useView();
  const tr = props.trend;
  return (
    <section class="card" aria-labelledby="h-trend" id="trend">
      <h2 id="h-trend">{t(lang, 'cmTrend')}</h2>
      {!tr || tr.years.length < 2 ? (
        <p class="muted">{t(lang, 'cmTrendNone')}</p>
      ) : (
        <>
          <p class="hint">{t(lang, 'cmTrendHint')}</p>
          <div>
            <Figure
              id="chart-trend-composite"
              caption={t(lang, 'cmTrendComposite')}
              svg={props.charts.trendComposite}
            />
            <Figure id="chart-trend-rank" caption={t(lang, 'cmTrendRank')} svg={props.charts.trendRank} />
          </div>
          <div class="scroll">
            <table id="trend-table">
              <caption>{t(lang, 'cmTrendCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'cmTenant')}</th>
                  {tr.years.map((y) => (
                    <th scope="col" class="num">
                      {t(lang, 'srYear', { year: y })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tr.series.map((s) => (
                  <tr data-tenant={s.tenant}>
                    <th scope="row">{s.name}</th>
                    {tr.years.map((y) => {
                      const p = s.points.find((x) => x.year === y);
                      return (
                        <td class="num">
                          {p?.composite == null
                            ? '—'
                            : p.rank === null
                              ? p.composite
                              : t(lang, 'cmTrendCell', { composite: p.composite, rank: p.rank })}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
