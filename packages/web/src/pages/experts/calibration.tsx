import { CONTRACTS } from '@jixiao/api/contracts';
import {
  CALIBRATION_FLAG_LABELS,
  type CalibrationView,
  EXPERT_TENDENCY_LABELS,
  type ResultsView,
} from '@jixiao/core';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { num, pct, t } from '../../i18n';
import { useMay } from '../../policy';
import { BackToCycle } from '../cycles/office/paths';
import { reviewHref } from './review';

/**
 * 评分校准: per leaf and per (unit, leaf) the spread and agreement of the experts' scores, the flags
 * in words, each expert's tendency, the button that opens a round for the flagged items, and the
 * results the leaves get.
 */

const cell = (x: number | null) => (x === null ? '—' : num(x));

function PerItem(props: { c: CalibrationView }) {
  const { lang } = useView();
  return (
    <table id="calibration-items">
      <thead>
        <tr>
          <th scope="col">{t(lang, 'exUnit')}</th>
          <th scope="col">{t(lang, 'exLeaves')}</th>
          {(['exN', 'exMean', 'exMedian', 'exSd', 'exRange', 'exTrimmed', 'exRwg'] as const).map((k) => (
            <th scope="col" class="num">
              {t(lang, k)}
            </th>
          ))}
          <th scope="col">{t(lang, 'exFlags')}</th>
        </tr>
      </thead>
      <tbody>
        {props.c.items.map((i) => (
          <tr data-unit={i.unit} data-flagged={i.flags.length ? 'true' : 'false'}>
            <td>{i.unitName}</td>
            <td>
              {i.leaf} {i.leafName}
              {i.group ? `（${i.group}）` : ''}
            </td>
            <td class="num">{i.n}</td>
            <td class="num">{num(i.mean)}</td>
            <td class="num">{num(i.median)}</td>
            <td class="num">{cell(i.sd)}</td>
            <td class="num">{num(i.range)}</td>
            <td class="num">{num(i.trimmedMean)}</td>
            <td class="num">{cell(i.rwg)}</td>
            <td>
              {i.flags.map((f) => (
                <p data-flag={f.kind}>
                  <span class="badge warn">{CALIBRATION_FLAG_LABELS[f.kind][lang]}</span> {f.reason[lang]}
                </p>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SecondRound(props: { c: CalibrationView; hasOpen: boolean }) {
  const { lang } = useView();
  const may = useMay();
  const { c } = props;
  if (!c.flagged.length) return <p class="card">{t(lang, 'exNothingFlagged')}</p>;
  if (props.hasOpen || !may(CONTRACTS.experts.openRound)) return null;
  return (
    <form method="post" action={`${reviewHref(c.cycle.id)}/rounds`} class="card" id="second-round">
      {c.flagged.map((f) => (
        <input type="hidden" name="items" value={`${f.unit}:${f.leaf}`} />
      ))}
      <input type="hidden" name="note" value={t(lang, 'exCalibrationOf', { n: c.round ?? 0 })} />
      <button class="primary" type="submit">
        {t(lang, 'exSecondRound')}（{c.flagged.length}）
      </button>
    </form>
  );
}

function Results(props: { r: ResultsView }) {
  const { lang } = useView();
  return (
    <>
      <h2>{t(lang, 'exResults')}</h2>
      <p class="hint">{t(lang, 'exResultsHint')}</p>
      <table id="results">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'exUnit')}</th>
            <th scope="col">{t(lang, 'exLeaves')}</th>
            <th scope="col">{t(lang, 'exFinalScores')}</th>
            <th scope="col" class="num">
              {t(lang, 'exPreview')}
            </th>
            <th scope="col">{t(lang, 'exReason')}</th>
          </tr>
        </thead>
        <tbody>
          {props.r.items.map((i) => (
            <tr data-unit={i.unit}>
              <td>{i.unitName}</td>
              <td>
                {i.leaf} {i.leafName}
              </td>
              <td>
                {i.scores.map((s) => `${s.expertName} ${num(s.score)}`).join(lang === 'zh' ? '、' : ', ')}
              </td>
              <td class="num">{i.preview ? pct(i.preview.fraction) : '—'}</td>
              <td class="note">{i.preview?.reason[lang] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CalibrationPage(props: {
  c: CalibrationView;
  results?: ResultsView;
  rounds: number[];
  hasOpen: boolean;
}) {
  const { lang } = useView();
  const { c } = props;
  const href = `${reviewHref(c.cycle.id)}/calibration`;
  return (
    <>
      <BackToCycle cycle={c.cycle} />
      <p>
        <a href={reviewHref(c.cycle.id)}>← {t(lang, 'exTitle')}</a>
      </p>
      <h1>{c.round ? t(lang, 'exCalibrationOf', { n: c.round }) : t(lang, 'exCalibration')}</h1>
      <p class="hint">{t(lang, 'exCalibrationHint')}</p>
      {props.rounds.length > 1 ? (
        <p>
          {props.rounds.map((n) => (
            <>
              <a href={`${href}?round=${n}`} aria-current={n === c.round ? 'page' : undefined}>
                {t(lang, 'exRound', { n })}
              </a>{' '}
            </>
          ))}
        </p>
      ) : null}
      {c.round === null || !c.items.length ? (
        <p class="card">{t(lang, 'exCalibrationNone')}</p>
      ) : (
        <>
          <h2>{t(lang, 'exPerLeaf')}</h2>
          <table id="calibration-leaves">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'exLeaves')}</th>
                {(['exItems', 'exMeanRwg', 'exMeanRange', 'exFlagged'] as const).map((k) => (
                  <th scope="col" class="num">
                    {t(lang, k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.leaves.map((l) => (
                <tr>
                  <td>
                    {l.leaf} {l.leafName}
                  </td>
                  <td class="num">{l.items}</td>
                  <td class="num">{cell(l.meanRwg)}</td>
                  <td class="num">{num(l.meanRange)}</td>
                  <td class="num">{l.flagged}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t(lang, 'exPerItem')}</h2>
          <PerItem c={c} />
          <SecondRound c={c} hasOpen={props.hasOpen} />
          <h2>{t(lang, 'exPerExpert')}</h2>
          <table id="calibration-experts">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'exExpert')}</th>
                <th scope="col" class="num">
                  {t(lang, 'exItems')}
                </th>
                <th scope="col" class="num">
                  {t(lang, 'exDeviation')}
                </th>
                <th scope="col">{t(lang, 'exTendency')}</th>
                <th scope="col">{t(lang, 'exReason')}</th>
              </tr>
            </thead>
            <tbody>
              {c.experts.map((e) => (
                <tr data-tendency={e.tendency}>
                  <td>{e.expertName}</td>
                  <td class="num">{e.items}</td>
                  <td class="num">{e.meanDeviation === null ? '—' : pct(e.meanDeviation)}</td>
                  <td>
                    <span
                      class={e.tendency === 'harsher' || e.tendency === 'milder' ? 'badge warn' : 'badge'}
                    >
                      {EXPERT_TENDENCY_LABELS[e.tendency][lang]}
                    </span>
                  </td>
                  <td class="note">{e.reason[lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {props.results ? <Results r={props.results} /> : null}
    </>
  );
}

/** `GET /console/cycles/:id/expert-review/calibration?round=`. */
export async function calibrationPage(c: Ctx, id: string) {
  const api = c.get('api');
  const raw = Number(c.req.query('round'));
  const round = Number.isInteger(raw) && raw >= 1 && raw <= 50 ? raw : undefined;
  const [cal, review, results] = await Promise.all([
    api.call(CONTRACTS.experts.calibration, { params: { cycleId: id }, query: { round } }),
    api.call(CONTRACTS.experts.review, { params: { cycleId: id } }),
    api.call(CONTRACTS.experts.results, { params: { cycleId: id } }),
  ]);
  if (!cal.ok) return problemPage(c, cal.problem);
  const rounds = review.ok ? review.data.rounds.map((r) => r.number) : [];
  const hasOpen = review.ok ? review.data.rounds.some((r) => r.status === 'open') : true;
  return c.render(
    <CalibrationPage
      c={cal.data}
      rounds={rounds}
      hasOpen={hasOpen}
      {...(results.ok ? { results: results.data } : {})}
    />,
    { title: t(c.get('lang'), 'exCalibration') },
  );
}
