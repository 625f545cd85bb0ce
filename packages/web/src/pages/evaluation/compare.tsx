import { CHANGE_CAUSE_LABELS, type RunComparison, type RunView, type UnitComparison } from '@jixiao/core';
import { useView } from '../../context';
import { type Lang, t } from '../../i18n';
import { EvalHeading, finished, gradeText, runName, runTitle } from './parts';
import { compareHref, runHref, runUnitHref } from './paths';

/**
 * What changed between two runs (`…/runs/:run/compare[?with=]`): the counts, then each changed unit
 * (total, rank and grade before → after, the difference) with its changed leaves, each with why
 * (the unit's own input, its peers, the rules, a leaf added or removed) and the reason in words.
 * Another finished run may be picked to compare with.
 */

type Standing = UnitComparison['before'];

const standingText = (lang: Lang, s: Standing, key: 'total' | 'rank' | 'grade') =>
  !s ? '—' : key === 'grade' ? gradeText(lang, s.grade) : String(s[key]);

const valueText = (v: { value: number | string | null } | null) =>
  v === null || v.value === null ? '—' : String(v.value);

function Change(props: { lang: Lang; s: UnitComparison; k: 'total' | 'rank' | 'grade' }) {
  const { lang, s, k } = props;
  const before = standingText(lang, s.before, k);
  const after = standingText(lang, s.after, k);
  return (
    <td class={k === 'grade' ? undefined : 'num'} data-changed={String(before !== after)}>
      {before} → {after}
    </td>
  );
}

function UnitRow(props: { cycleId: string; run: string; u: UnitComparison }) {
  const { lang } = useView();
  const { u } = props;
  return (
    <>
      <tr data-unit={u.unit} id={`change-${u.unit}`}>
        <td>
          {u.after ? <a href={runUnitHref(props.cycleId, props.run, u.unit)}>{u.name}</a> : u.name}{' '}
          <span class="code">{u.unit}</span>
        </td>
        <Change lang={lang} s={u} k="total" />
        <td class="num" data-delta={u.delta ?? ''}>
          {u.delta ?? '—'}
        </td>
        <Change lang={lang} s={u} k="rank" />
        <Change lang={lang} s={u} k="grade" />
      </tr>
      {u.changes.length ? (
        <tr class="changes">
          <td colspan={5}>
            <ul class="plain" data-changes={u.unit}>
              {u.changes.map((c) => (
                <li data-leaf={c.leaf} data-cause={c.cause}>
                  <span class="code">{c.leaf}</span> {c.name}
                  {t(lang, 'colon')}
                  {t(lang, 'erLeafChange', {
                    pointsBefore: c.before?.points ?? '—',
                    pointsAfter: c.after?.points ?? '—',
                    valueBefore: valueText(c.before),
                    valueAfter: valueText(c.after),
                  })}{' '}
                  <span class="badge">{CHANGE_CAUSE_LABELS[c.cause][lang]}</span>{' '}
                  <span class="muted">{c.reason[lang]}</span>
                </li>
              ))}
            </ul>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** A GET form: the run to compare with (any other finished run of the cycle). */
function Pick(props: { cycleId: string; run: RunView; against: RunView; runs: RunView[] }) {
  const { lang } = useView();
  const others = props.runs.filter((r) => r.id !== props.run.id && finished(r));
  if (others.length < 2) return null;
  return (
    <form method="get" action={compareHref(props.cycleId, props.run.id)} class="inline" id="compare-with">
      <label for="f-with">{t(lang, 'erCompareWith')}</label>{' '}
      <select id="f-with" name="with">
        {others.map((r) => (
          <option value={r.id} selected={r.id === props.against.id}>
            {runTitle(lang, r)}
          </option>
        ))}
      </select>{' '}
      <button class="secondary" type="submit">
        {t(lang, 'erCompare')}
      </button>
    </form>
  );
}

export function ComparePage(props: { view: RunComparison; runs: RunView[] }) {
  const { lang } = useView();
  const { view } = props;
  const cycleId = view.cycle.id;
  const s = view.summary;
  return (
    <>
      <EvalHeading
        cycle={view.cycle}
        title={t(lang, 'erCompareTitle', {
          after: runName(lang, view.run),
          before: runName(lang, view.against),
        })}
        back={{ href: runHref(cycleId, view.run.id), label: runTitle(lang, view.run) }}
      />
      <Pick cycleId={cycleId} run={view.run} against={view.against} runs={props.runs} />
      <section class="card" aria-labelledby="h-compare-summary" id="compare-summary">
        <h2 id="h-compare-summary">{t(lang, 'erCompareSummary')}</h2>
        <p>
          <a href={runHref(cycleId, view.against.id)}>{runTitle(lang, view.against)}</a> →{' '}
          <a href={runHref(cycleId, view.run.id)}>{runTitle(lang, view.run)}</a>
        </p>
        <p>
          {t(lang, 'erCompareCounts', {
            units: s.units,
            totals: s.changedTotals,
            ranks: s.changedRanks,
            grades: s.changedGrades,
          })}
        </p>
      </section>
      <section class="card" aria-labelledby="h-compare-units">
        <h2 id="h-compare-units">{t(lang, 'erChangedUnits')}</h2>
        {view.units.length === 0 ? (
          <p class="muted" id="compare-none">
            {t(lang, 'erNothingChanged')}
          </p>
        ) : (
          <div class="scroll">
            <table id="compare-units">
              <thead>
                <tr>
                  <th scope="col">{t(lang, 'erUnit')}</th>
                  <th scope="col" class="num">
                    {t(lang, 'erTotal')}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, 'erDelta')}
                  </th>
                  <th scope="col" class="num">
                    {t(lang, 'erRank')}
                  </th>
                  <th scope="col">{t(lang, 'erGrade')}</th>
                </tr>
              </thead>
              <tbody>
                {view.units.map((u) => (
                  <UnitRow cycleId={cycleId} run={view.run.id} u={u} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
