import { CONTRACTS } from '@jixiao/api/contracts';
import { type EvaluationOverview, RUN_KIND_LABELS, RUN_TRIGGER_LABELS } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { useMay } from '../../policy';
import { windowText } from '../cycles/office/paths';
import { EvalHeading, finished, RunStatusBadge, runName, stampText } from './parts';
import { appealsHref, compareHref, determinationsHref, runHref } from './paths';
import { RunProgress } from './progress';
import { ReleaseForm, ResumeForm, type RunFormState, StartForm } from './run-forms';

/**
 * The year-end evaluation of a cycle (`/console/cycles/:id/evaluation`): what a run started now
 * would be and what blocks it, the office's start form, the run under way with its live progress,
 * every run newest first with what may be done with it, the results units see, the appeal window.
 * Observers read it all; only who may run the evaluation sees the forms.
 */

function Readiness(props: { view: EvaluationOverview; state: RunFormState | undefined; idem: string }) {
  const { lang } = useView();
  const may = useMay();
  const { view } = props;
  const r = view.readiness;
  const offer = may(CONTRACTS.evaluation.start) && (r.kind !== null || props.state?.form === 'start');
  return (
    <section class="card" aria-labelledby="h-run-readiness" id="run-readiness">
      <h2 id="h-run-readiness">{t(lang, 'erReadiness')}</h2>
      <p id="run-kind" data-kind={r.kind ?? ''}>
        {r.kind ? t(lang, 'erWouldBe', { kind: RUN_KIND_LABELS[r.kind][lang] }) : t(lang, 'erNoRunNow')}
      </p>
      {r.kind ? (
        <p class="hint">{t(lang, r.kind === 'official' ? 'erOfficialHint' : 'erTrialHint')}</p>
      ) : null}
      {r.blockers.length ? (
        <div id="run-blockers">
          <p>
            <strong>{t(lang, 'erBlockers')}</strong>
          </p>
          <ul>
            {r.blockers.map((b) => (
              <li>{b[lang]}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {r.notes.length ? (
        <div id="run-notes">
          <p>
            <strong>{t(lang, 'erNotes')}</strong>
          </p>
          <ul>
            {r.notes.map((b) => (
              <li>{b[lang]}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {offer ? <StartForm cycleId={view.cycle.id} state={props.state} idem={props.idem} /> : null}
      {may(CONTRACTS.evaluation.determination) ? (
        <p>
          <a href={determinationsHref(view.cycle.id)}>{t(lang, 'erDeterminations')} →</a>
        </p>
      ) : null}
    </section>
  );
}

function RunsTable(props: { view: EvaluationOverview; state: RunFormState | undefined }) {
  const { lang } = useView();
  const may = useMay();
  const { view } = props;
  const cycleId = view.cycle.id;
  const mayRun = may(CONTRACTS.evaluation.release);
  return (
    <section class="card" aria-labelledby="h-runs">
      <h2 id="h-runs">{t(lang, 'erRuns')}</h2>
      {view.runs.length === 0 ? (
        <p class="muted" id="runs-none">
          {t(lang, 'erNoRuns')}
        </p>
      ) : (
        <div class="scroll">
          <table id="runs">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'erRun')}</th>
                <th scope="col">{t(lang, 'erKind')}</th>
                <th scope="col">{t(lang, 'erTrigger')}</th>
                <th scope="col">{t(lang, 'status')}</th>
                <th scope="col">{t(lang, 'erStartedBy')}</th>
                <th scope="col" class="num">
                  {t(lang, 'erPercent')}
                </th>
                <th scope="col">{t(lang, 'actions')}</th>
              </tr>
            </thead>
            <tbody>
              {view.runs.map((run) => (
                <tr id={`run-${run.id}`} data-run={run.id}>
                  <td>
                    <a href={runHref(cycleId, run.id)}>{runName(lang, run)}</a>
                    {run.current ? <span class="badge ok">{t(lang, 'erCurrent')}</span> : null}
                    {run.reason ? <div class="muted note">{run.reason}</div> : null}
                  </td>
                  <td>{RUN_KIND_LABELS[run.kind][lang]}</td>
                  <td>{RUN_TRIGGER_LABELS[run.trigger][lang]}</td>
                  <td>
                    <RunStatusBadge status={run.status} />
                    {run.stale ? <span class="badge off">{t(lang, 'erStale')}</span> : null}
                  </td>
                  <td>{stampText(lang, run.started)}</td>
                  <td class="num">{run.percent}%</td>
                  <td>
                    <div class="actions">
                      <a href={runHref(cycleId, run.id)}>{t(lang, 'view')}</a>
                      {run.previous && finished(run) ? (
                        <a href={compareHref(cycleId, run.id)} data-compare={run.id}>
                          {t(lang, 'erCompare')}
                        </a>
                      ) : null}
                      {mayRun && run.resumable ? (
                        <ResumeForm cycleId={cycleId} run={run} from="overview" />
                      ) : null}
                      {mayRun && run.releasable ? (
                        <ReleaseForm cycleId={cycleId} run={run} state={props.state} from="overview" />
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Released(props: { view: EvaluationOverview }) {
  const { lang } = useView();
  const { view } = props;
  const p = view.released;
  const w = view.appealWindow;
  return (
    <section class="card" aria-labelledby="h-run-released" id="run-released">
      <h2 id="h-run-released">{t(lang, 'erReleased')}</h2>
      {p ? (
        <dl class="facts">
          <dt>{t(lang, 'erRun')}</dt>
          <dd>
            <a href={runHref(view.cycle.id, p.run)}>{runName(lang, p)}</a>
          </dd>
          <dt>{t(lang, 'erReleasedBy')}</dt>
          <dd>{stampText(lang, p.released)}</dd>
          {p.note ? (
            <>
              <dt>{t(lang, 'erReleaseNote')}</dt>
              <dd class="note">{p.note}</dd>
            </>
          ) : null}
          {p.history.length ? (
            <>
              <dt>{t(lang, 'erReleasedBefore')}</dt>
              <dd>
                <ul class="plain">
                  {p.history.map((h) => (
                    <li>
                      {runName(lang, h)} · {formatDateTime(h.at, lang)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      ) : (
        <p class="muted">{t(lang, 'erNotReleased')}</p>
      )}
      <p id="appeal-window" data-open={String(w.open)}>
        {t(lang, 'erAppealWindow')}
        {t(lang, 'colon')}
        {windowText(w)} · {t(lang, w.open ? 'erWindowOpen' : 'erWindowClosed')}
        {p ? (
          <>
            {' '}
            <a href={appealsHref(view.cycle.id)}>{t(lang, 'erAppeals')} →</a>
          </>
        ) : null}
      </p>
    </section>
  );
}

export function OverviewPage(props: {
  view: EvaluationOverview;
  state?: RunFormState | undefined;
  idem: string;
}) {
  const { lang } = useView();
  const { view, state } = props;
  // A refused resume, or a release whose form is no longer offered, is said on top.
  const inForm =
    state?.form === 'start' ||
    (state?.form === 'release' && view.runs.some((r) => r.id === state.run && r.releasable));
  const other = state && !inForm ? state.errors : undefined;
  return (
    <>
      <EvalHeading cycle={view.cycle} title={`${t(lang, 'erTitle')} · ${view.cycle.name}`} />
      <ErrorSummary errors={other} id="evaluation-error" />
      <p class="hint">{t(lang, 'erIntro')}</p>
      <Readiness view={view} state={state} idem={props.idem} />
      {view.active ? <RunProgress cycleId={view.cycle.id} run={view.active} /> : null}
      <RunsTable view={view} state={state} />
      <Released view={view} />
    </>
  );
}
