import {
  RECTIFICATION_ACTION_LABELS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type RectificationView,
} from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { useView } from '../../context';
import { type FormErrors, type FormValues, noErrors } from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { OutcomeHeading, stampText } from '../appeals/parts';
import { TaskStatus } from './parts';
import { rectHref } from './paths';
import { ActionForm, type Documents, EditForm, ProgressForm, taskValues } from './task-forms';

/** One task: its facts, the unit's progress reports, its history, and the forms of the office and the unit. */

export interface TaskState {
  form: 'edit' | 'action' | 'progress';
  values: FormValues;
  errors: FormErrors;
}

function Facts(props: { task: RectificationView }) {
  const { lang } = useView();
  const x = props.task;
  return (
    <section class="card" aria-labelledby="h-task-facts" id="task-facts">
      <h2 id="h-task-facts">{x.title}</h2>
      <dl class="facts">
        <dt>{t(lang, 'ocStatus')}</dt>
        <dd>
          <TaskStatus status={x.status} daysOverdue={x.daysOverdue} />
        </dd>
        <dt>{t(lang, 'ocUnit')}</dt>
        <dd>{x.unitName}</dd>
        <dt>{t(lang, 'ocProblem')}</dt>
        <dd class="note">{x.problem}</dd>
        <dt>{t(lang, 'ocSource')}</dt>
        <dd>
          {RECTIFICATION_SOURCE_LABELS[x.source][lang]}
          {x.carriedFrom
            ? ` · ${t(lang, 'ocCarriedFrom', { year: x.carriedFrom.year, task: x.carriedFrom.task })}`
            : ''}
        </dd>
        {x.leaf ? (
          <>
            <dt>{t(lang, 'ocTaskLeaf')}</dt>
            <dd>
              {x.leaf} {x.leafName ?? ''}
            </dd>
          </>
        ) : null}
        <dt>{t(lang, 'ocOwner')}</dt>
        <dd>{x.owner}</dd>
        <dt>{t(lang, 'ocDeadline')}</dt>
        <dd id="task-deadline">{x.deadline}</dd>
        {x.appeal ? (
          <>
            <dt>{t(lang, 'ocAppealRef')}</dt>
            <dd>{x.appeal}</dd>
          </>
        ) : null}
        <dt>{t(lang, 'ocCreatedBy')}</dt>
        <dd>{stampText(lang, x.created)}</dd>
      </dl>
    </section>
  );
}

function Progress(props: { task: RectificationView }) {
  const { lang } = useView();
  const p = props.task.progress;
  return (
    <section class="card" aria-labelledby="h-task-progress">
      <h2 id="h-task-progress">{t(lang, 'ocProgress')}</h2>
      {p.length === 0 ? (
        <p class="muted">{t(lang, 'ocNoProgress')}</p>
      ) : (
        <table id="task-progress">
          <thead>
            <tr>
              <th scope="col">{t(lang, 'ocAt')}</th>
              <th scope="col">{t(lang, 'ocBy')}</th>
              <th scope="col">{t(lang, 'ocProgressStatus')}</th>
              <th scope="col">{t(lang, 'ocProgressNote')}</th>
              <th scope="col">{t(lang, 'ocEvidence')}</th>
            </tr>
          </thead>
          <tbody>
            {[...p].reverse().map((e) => (
              <tr>
                <td>{formatDateTime(e.at, lang)}</td>
                <td>{e.name ?? e.by}</td>
                <td>{RECTIFICATION_STATUS_LABELS[e.status][lang]}</td>
                <td class="note">{e.note}</td>
                <td>{e.evidence.map((d) => d.title).join(lang === 'zh' ? '、' : ', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function History(props: { task: RectificationView }) {
  const { lang } = useView();
  const h = props.task.transitions;
  if (h.length === 0) return null;
  return (
    <section class="card" aria-labelledby="h-task-history">
      <h2 id="h-task-history">{t(lang, 'ocHistory')}</h2>
      <table id="task-history">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'ocAt')}</th>
            <th scope="col">{t(lang, 'ocBy')}</th>
            <th scope="col">{t(lang, 'actions')}</th>
            <th scope="col">{t(lang, 'ocStatus')}</th>
            <th scope="col">{t(lang, 'ocReason')}</th>
          </tr>
        </thead>
        <tbody>
          {[...h].reverse().map((e) => (
            <tr>
              <td>{formatDateTime(e.at, lang)}</td>
              <td>{e.name ?? e.by}</td>
              <td>{RECTIFICATION_ACTION_LABELS[e.action][lang]}</td>
              <td>
                {RECTIFICATION_STATUS_LABELS[e.from][lang]} → {RECTIFICATION_STATUS_LABELS[e.to][lang]}
              </td>
              <td class="note">{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function TaskPage(props: {
  task: RectificationView;
  cycle: { id: string; name: string };
  documents: Documents;
  state?: TaskState | undefined;
}) {
  const { lang } = useView();
  const { task: x, cycle, state } = props;
  const failed = (f: TaskState['form']) => (state?.form === f ? state : undefined);
  const offered = { edit: x.allowed.edit, action: x.allowed.actions.length > 0, progress: x.allowed.report };
  const orphan = state && !offered[state.form] ? state.errors : undefined;
  return (
    <>
      <OutcomeHeading
        cycle={cycle}
        title={`${t(lang, 'ocRectTitle')} · ${x.unitName}`}
        back={rectHref(cycle.id)}
      />
      <ErrorSummary errors={orphan} id="task-error" />
      <Facts task={x} />
      <Progress task={x} />
      <History task={x} />
      {offered.progress ? (
        <ProgressForm
          task={x}
          documents={props.documents}
          values={failed('progress')?.values ?? {}}
          errors={failed('progress')?.errors ?? noErrors()}
        />
      ) : null}
      {offered.action ? (
        <ActionForm
          task={x}
          values={failed('action')?.values ?? {}}
          errors={failed('action')?.errors ?? noErrors()}
        />
      ) : null}
      {offered.edit ? (
        <EditForm
          task={x}
          values={failed('edit')?.values ?? taskValues(x)}
          errors={failed('edit')?.errors ?? noErrors()}
        />
      ) : null}
    </>
  );
}
