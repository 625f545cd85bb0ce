import { RESULT_STAGES, type ResultRow, type RunResults } from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';
import { gradeText, signed, stageHeads, stageText } from './parts';
import { runUnitHref } from './paths';

/**
 * A group's results in a run: each unit's rank, total, grade, the three stages (points of
 * maximum), the review meeting's adjustment and vetoes; the group's quotas (allowed, granted, why)
 * and what separated each pair of neighbours.
 */

function Row(props: { cycleId: string; run: string; row: ResultRow }) {
  const { lang } = useView();
  const { row } = props;
  return (
    <tr data-unit={row.unit} id={`row-${row.unit}`}>
      <td class="num" data-rank={row.rank}>
        {row.rank} / {row.of}
      </td>
      <td>
        <a href={runUnitHref(props.cycleId, props.run, row.unit)}>{row.name}</a>{' '}
        <span class="code">{row.unit}</span>
      </td>
      <td class="num total" data-total={row.total.shown}>
        {row.total.shown}
      </td>
      <td>
        <span class="grade" data-grade={row.grade}>
          {row.gradeLabel[lang]}
        </span>
      </td>
      {RESULT_STAGES.map((s) => (
        <td class="num" data-stage={s}>
          {stageText(row.stages, s)}
        </td>
      ))}
      <td class="num">{row.adjustment ? signed(row.adjustment.shown) : '—'}</td>
      <td>{row.vetoes.length ? row.vetoes.join('、') : '—'}</td>
    </tr>
  );
}

export function Group(props: {
  cycleId: string;
  view: RunResults;
  group: RunResults['groups'][number];
  name: string;
}) {
  const { lang } = useView();
  const { group, view } = props;
  const rows = view.rows.filter((r) => r.group === group.group);
  const names = new Map(rows.map((r) => [r.unit, r.name]));
  const labelOf = (level: string) => gradeText(lang, level, rows.find((r) => r.grade === level)?.gradeLabel);
  return (
    <section class="card" aria-labelledby={`h-group-${group.group}`} id={`group-${group.group}`}>
      <h2 id={`h-group-${group.group}`}>
        {props.name} <span class="code">{group.group}</span>{' '}
        <span class="muted">{t(lang, 'erGroupSize', { n: group.size })}</span>
      </h2>
      <div class="scroll">
        <table class="results">
          <thead>
            <tr>
              <th scope="col" class="num">
                {t(lang, 'erRank')}
              </th>
              <th scope="col">{t(lang, 'erUnit')}</th>
              <th scope="col" class="num">
                {t(lang, 'erTotal')}
              </th>
              <th scope="col">{t(lang, 'erGrade')}</th>
              {stageHeads(lang).map((h) => (
                <th scope="col" class="num">
                  {h}
                </th>
              ))}
              <th scope="col" class="num">
                {t(lang, 'erAdjustment')}
              </th>
              <th scope="col">{t(lang, 'erVetoes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row cycleId={props.cycleId} run={view.run.id} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      {group.quotas.length ? (
        <table class="quotas" data-quotas={group.group}>
          <caption>{t(lang, 'erQuotas')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'erGrade')}</th>
              <th scope="col" class="num">
                {t(lang, 'erAllowed')}
              </th>
              <th scope="col" class="num">
                {t(lang, 'erGranted')}
              </th>
              <th scope="col">{t(lang, 'erWhy')}</th>
            </tr>
          </thead>
          <tbody>
            {group.quotas.map((q) => (
              <tr data-level={q.level}>
                <td>{labelOf(q.level)}</td>
                <td class="num">{q.allowed}</td>
                <td class="num">{q.granted}</td>
                <td>{q.reason[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {group.pairs.length ? (
        <details class="pairs" data-pairs={group.group}>
          <summary>{t(lang, 'erPairs')}</summary>
          <ol>
            {group.pairs.map((p) => (
              <li data-above={p.above} data-below={p.below}>
                {names.get(p.above) ?? p.above} ＞ {names.get(p.below) ?? p.below}
                {t(lang, 'colon')}
                {p.reason[lang]}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {group.warnings.length ? (
        <ul class="issues">
          {group.warnings.map((w) => (
            <li>{w[lang]}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
