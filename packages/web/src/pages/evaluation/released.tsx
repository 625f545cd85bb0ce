import type { ReleasedResultView } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import { Facts } from '../../components/fields';
import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { windowText } from '../cycles/office/paths';
import { UnitReportDownloads } from '../reports/downloads';
import { BreakdownTable, TotalFacts } from './breakdown';
import { EvalHeading, gradeText, runName } from './parts';
import { appealsHref } from './paths';

/**
 * A unit's released result (`/console/cycles/:id/results/:unit`), for the unit's own user (and the
 * office): the results the office released, with the standing released before them (after an
 * appeal re-run), the appeal window and the way to appeal while it is open, then the same breakdown
 * the office reviewed. Before any release: a friendly message and the appeal window to come.
 */

function AppealWindow(props: { view: ReleasedResultView }) {
  const { lang } = useView();
  const { view } = props;
  const w = view.appealWindow;
  return (
    <section class="card" aria-labelledby="h-appeal-window" id="appeal-window" data-open={String(w.open)}>
      <h2 id="h-appeal-window">{t(lang, 'erAppealWindow')}</h2>
      <p>
        {windowText(w)} · {t(lang, w.open ? 'erWindowOpen' : 'erWindowClosed')}
      </p>
      {w.open && view.released ? (
        <p>
          <a class="button" href={appealsHref(view.cycle.id)} id="appeal-link">
            {t(lang, 'erAppeal')}
          </a>{' '}
          <span class="hint">{t(lang, 'erAppealHint')}</span>
        </p>
      ) : null}
    </section>
  );
}

export function ReleasedPage(props: { view: ReleasedResultView }) {
  const { lang } = useView();
  const { view } = props;
  const rel = view.released;
  const title = `${t(lang, 'erMyResult')} · ${view.unit.name}`;
  if (!rel) {
    return (
      <>
        <EvalHeading cycle={view.cycle} title={title} />
        <p class="notice" id="result-not-released">
          {t(lang, 'erNotReleasedYet', { cycle: view.cycle.name })}
        </p>
        <AppealWindow view={view} />
      </>
    );
  }
  const r = rel.result.result;
  const prev = rel.previous;
  return (
    <>
      <EvalHeading cycle={view.cycle} title={title} />
      <Facts
        rows={[
          [t(lang, 'erReleasedRun'), `${runName(lang, rel)} · ${formatDateTime(rel.at, lang)}`],
          [
            t(lang, 'erSystem'),
            `${rel.result.system.name} · ${t(lang, 'versionN', { n: rel.result.system.version })}`,
          ],
          [
            t(lang, 'erTotal'),
            <strong id="result-headline">
              {r.total.shown} · {r.grade.label[lang]} ·{' '}
              {t(lang, 'erRankOf', { rank: r.rank.rank, of: r.rank.of })}
            </strong>,
          ],
          ...(prev
            ? ([
                [
                  t(lang, 'erPrevious'),
                  <span id="result-previous">
                    {t(lang, 'erPreviousText', {
                      run: runName(lang, prev),
                      total: prev.total,
                      grade: gradeText(lang, prev.grade),
                      rank: prev.rank,
                    })}
                  </span>,
                ],
              ] as [string, Child][])
            : []),
        ]}
      />
      <AppealWindow view={view} />
      <UnitReportDownloads cycleId={view.cycle.id} unit={view.unit.code} />
      <BreakdownTable cycleId={view.cycle.id} result={rel.result} />
      <TotalFacts result={rel.result} />
    </>
  );
}
