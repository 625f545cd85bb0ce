import { RUN_STEP_LABELS, type RunFailure, type RunView } from '@jixiao/core';
import { raw } from 'hono/html';
import { assetUrl } from '../../assets';
import { useView } from '../../context';
import { formatDateTime, type Lang, t } from '../../i18n';
import { RunStatusBadge, runTitle, stampText, stepText } from './parts';
import { progressHref } from './paths';

/**
 * A run's progress as the page shows it and as the page's script refreshes it in place (units
 * scored of all, then units whose reports are rendered of all, each as a <progress> bar with the
 * count and percent in words; the step under way; the failures): rendered once on the server; while the run runs, run-progress.js polls the console's
 * JSON route every 1.5 s and reloads the page when the run ends. Without script, the page refreshes
 * itself every 5 s while the run runs.
 */

/**
 * Without script, the page refreshes itself while the run runs. Written as markup, not as a JSX
 * <meta>, which the renderer would hoist into <head> (out of <noscript>, refreshing every page).
 */
const NO_SCRIPT_REFRESH = raw('<meta http-equiv="refresh" content="5">');

/** `18 / 23 个单位已计分（78%）`. */
export const countText = (lang: Lang, run: Pick<RunView, 'scored' | 'total' | 'percent'>) =>
  run.total > 0
    ? t(lang, 'erScoredOf', { scored: run.scored, total: run.total, percent: run.percent })
    : t(lang, 'erCounting');

/** Whole percent of units whose reports the report step has rendered (0–100). */
export const reportPercent = (run: Pick<RunView, 'reported' | 'total'>) =>
  run.total > 0 ? Math.min(100, Math.floor((run.reported * 100) / run.total)) : 0;

/** `12 / 23 个单位的评估报告已生成（52%）`. */
export const reportText = (lang: Lang, run: Pick<RunView, 'reported' | 'total'>) =>
  t(lang, 'erReportedOf', { reported: run.reported, total: run.total, percent: reportPercent(run) });

/**
 * Whether the report step's progress is worth showing: while the run runs (the script fills it in
 * when the step comes), and for a run that rendered reports. A run from before the report step, or
 * one stopped before it, has none to show.
 */
export const showsReports = (run: Pick<RunView, 'status' | 'reported' | 'done'>) =>
  run.status === 'running' || run.reported > 0 || run.done.includes('report');

/** One failure in words: `逐单位计分：原因（States.TaskFailed，2026年3月2日 10:15）`. */
export const failureLine = (lang: Lang, f: RunFailure) =>
  `${RUN_STEP_LABELS[f.step][lang]}${t(lang, 'colon')}${f.message[lang]}${t(lang, 'erFailureMeta', {
    error: f.error,
    at: formatDateTime(f.at, lang),
  })}`;

/** What the script reads from the progress route: the run view's progress, its words in the page's language. */
export function progressJson(lang: Lang, run: RunView) {
  return {
    id: run.id,
    status: run.status,
    stale: run.stale,
    step: run.step,
    stepText: RUN_STEP_LABELS[run.step][lang],
    scored: run.scored,
    total: run.total,
    percent: run.percent,
    text: countText(lang, run),
    reported: run.reported,
    reportPercent: reportPercent(run),
    reportText: reportText(lang, run),
    failures: run.failures.map((f) => failureLine(lang, f)),
  };
}
export type ProgressJson = ReturnType<typeof progressJson>;

/** The failures of a run (step, error, reason, time), newest last. */
export function Failures(props: { run: RunView }) {
  const { lang } = useView();
  const list = props.run.failures;
  return (
    <div id="run-failures" hidden={list.length === 0}>
      <p>
        <strong>{t(lang, 'erFailures')}</strong>
      </p>
      <ul data-run-failures="">
        {list.map((f) => (
          <li>{failureLine(lang, f)}</li>
        ))}
      </ul>
    </div>
  );
}

/** The live progress of a run (a running one, or one that stopped with its failures). */
export function RunProgress(props: { cycleId: string; run: RunView }) {
  const { lang } = useView();
  const { run } = props;
  // A run whose process stopped (stale) no longer moves: nothing to watch, it waits to be resumed.
  const running = run.status === 'running' && !run.stale;
  return (
    <section
      class="card"
      aria-labelledby="h-run-progress"
      id="run-progress"
      data-run={run.id}
      data-url={running ? progressHref(props.cycleId, run.id) : undefined}
    >
      <h2 id="h-run-progress">
        {runTitle(lang, run)} <RunStatusBadge status={run.status} />
      </h2>
      <p class="muted">
        {t(lang, 'erStartedBy')}
        {t(lang, 'colon')}
        {stampText(lang, run.started)}
        {run.attempts > 1 ? ` · ${t(lang, 'erAttempts', { n: run.attempts })}` : ''}
      </p>
      <p>
        {t(lang, 'erStep')}
        {t(lang, 'colon')}
        <strong data-run-step="">{stepText(lang, run)}</strong>
      </p>
      <p>
        {/* Without a total yet (the snapshot is being taken) the bar is indeterminate. */}
        <progress
          id="run-bar"
          max={Math.max(run.total, 1)}
          value={run.total > 0 ? run.scored : undefined}
          aria-labelledby="run-count"
        />{' '}
        <span id="run-count" data-run-count="" aria-live="polite">
          {countText(lang, run)}
        </span>
      </p>
      {showsReports(run) ? (
        <p>
          <progress
            id="run-report-bar"
            max={Math.max(run.total, 1)}
            value={run.reported}
            aria-labelledby="run-report-count"
          />{' '}
          <span id="run-report-count" data-run-report-count="" aria-live="polite">
            {reportText(lang, run)}
          </span>
        </p>
      ) : null}
      <Failures run={run} />
      {running ? (
        <>
          <p class="hint">{t(lang, 'erLiveHint')}</p>
          <noscript>{NO_SCRIPT_REFRESH}</noscript>
          <script src={assetUrl('run-progress.js')} defer />
        </>
      ) : null}
    </section>
  );
}
