import { CONTRACTS } from '@jixiao/api/contracts';
import { RUN_TRIGGER_LABELS, type RunResults, type RunView } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { useMay } from '../../policy';
import { Group } from './groups';
import { EvalHeading, gradeText, RunStatusBadge, runTitle, stampText } from './parts';
import { compareHref, evaluationHref } from './paths';
import { RunProgress } from './progress';
import { ReleaseForm, ResumeForm, type RunFormState } from './run-forms';

/**
 * One run (`…/evaluation/runs/:run`): while it runs, its live progress; once finished, its facts and
 * the results by group — each unit's rank, total, grade, the three stages (points of maximum), the
 * review meeting's adjustment and vetoes — with each group's quotas and what separated neighbours.
 */

/** A refusal whose form the page no longer shows (a resume, a release no longer offered): said on top. */
const outside = (run: RunView, state: RunFormState | undefined) =>
  state && !(state.form === 'release' && run.releasable) ? state.errors : undefined;

/** The run's facts, and what the office may do with it (compare, resume, release). */
export function RunFacts(props: {
  cycleId: string;
  run: RunView;
  state?: RunFormState | undefined;
  /** Under the run's progress, which already names it: the facts only. */
  compact?: boolean;
}) {
  const { lang } = useView();
  const may = useMay();
  const { run, cycleId } = props;
  const summary = run.summary;
  return (
    <section class="card" aria-labelledby={props.compact ? undefined : 'h-run-facts'} id="run-facts">
      {props.compact ? null : (
        <h2 id="h-run-facts">
          {runTitle(lang, run)} <RunStatusBadge status={run.status} />
        </h2>
      )}
      <dl class="facts">
        <dt>{t(lang, 'erTrigger')}</dt>
        <dd>{RUN_TRIGGER_LABELS[run.trigger][lang]}</dd>
        {run.reason ? (
          <>
            <dt>{t(lang, 'erReason')}</dt>
            <dd class="note">{run.reason}</dd>
          </>
        ) : null}
        <dt>{t(lang, 'erStartedBy')}</dt>
        <dd>{stampText(lang, run.started)}</dd>
        {run.finishedAt ? (
          <>
            <dt>{t(lang, 'erFinishedAt')}</dt>
            <dd>{formatDateTime(run.finishedAt, lang)}</dd>
          </>
        ) : null}
        {run.released ? (
          <>
            <dt>{t(lang, 'erReleasedBy')}</dt>
            <dd>{stampText(lang, run.released)}</dd>
          </>
        ) : null}
        {summary ? (
          <>
            <dt>{t(lang, 'erSummary')}</dt>
            <dd id="run-summary">
              {t(lang, 'erSummaryText', { units: summary.units, groups: summary.groups })}
              {Object.entries(summary.grades).map(([code, n]) => (
                <span class="badge" data-grade={code}>
                  {gradeText(lang, code)} {n}
                </span>
              ))}
              {summary.warnings ? (
                <span class="badge off">{t(lang, 'erWarningsN', { n: summary.warnings })}</span>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
      <div class="actions">
        {run.previous ? (
          <a class="button secondary-link" href={compareHref(cycleId, run.id)} id="run-compare-link">
            {t(lang, 'erCompare')}
          </a>
        ) : null}
        {may(CONTRACTS.evaluation.resume) && run.resumable ? (
          <ResumeForm cycleId={cycleId} run={run} from="run" />
        ) : null}
        {may(CONTRACTS.evaluation.release) && run.releasable ? (
          <ReleaseForm cycleId={cycleId} run={run} state={props.state} from="run" />
        ) : null}
      </div>
    </section>
  );
}

export function ResultsPage(props: {
  view: RunResults;
  groupNames: Map<string, string>;
  state?: RunFormState | undefined;
}) {
  const { lang } = useView();
  const { view } = props;
  const cycleId = view.cycle.id;
  return (
    <>
      <EvalHeading
        cycle={view.cycle}
        title={`${runTitle(lang, view.run)} · ${view.cycle.name}`}
        back={{ href: evaluationHref(cycleId), label: t(lang, 'erTitle') }}
      />
      <ErrorSummary errors={outside(view.run, props.state)} id="evaluation-error" />
      <RunFacts cycleId={cycleId} run={view.run} state={props.state} />
      <div id="run-results">
        {view.groups.map((g) => (
          <Group cycleId={cycleId} view={view} group={g} name={props.groupNames.get(g.group) ?? g.group} />
        ))}
      </div>
    </>
  );
}

/** A run that has not finished: its facts and live progress (the page reloads itself when it ends). */
export function RunningPage(props: {
  cycle: { id: string; name: string };
  run: RunView;
  state?: RunFormState | undefined;
}) {
  const { lang } = useView();
  const { run, cycle } = props;
  return (
    <>
      <EvalHeading
        cycle={cycle}
        title={`${runTitle(lang, run)} · ${cycle.name}`}
        back={{ href: evaluationHref(cycle.id), label: t(lang, 'erTitle') }}
      />
      <ErrorSummary errors={outside(run, props.state)} id="evaluation-error" />
      <RunProgress cycleId={cycle.id} run={run} />
      {run.status === 'failed' || run.resumable ? (
        <p class="notice" id="run-stopped">
          {t(lang, 'erStopped')}
        </p>
      ) : null}
      <RunFacts cycleId={cycle.id} run={run} state={props.state} compact />
    </>
  );
}
