import {
  CHOSEN_SOURCES,
  RECTIFICATION_ACTION_LABELS,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  REPORTED_STATUSES,
  type RectificationView,
} from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { CheckboxGroup, Hidden, SelectField, TextArea, TextField } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, list, str } from '../../forms';
import { t } from '../../i18n';
import { taskHref } from './paths';

/** A task's forms: the office's edit and actions (close, cancel, reopen), the unit's progress report. */

export type Documents = { id: string; title: string; leaf?: string | undefined }[];

/** The edit form's values from the task. */
export const taskValues = (x: RectificationView): FormValues => ({
  version: String(x.version),
  title: x.title,
  problem: x.problem,
  source: x.source,
  leaf: x.leaf ?? '',
  owner: x.owner,
  deadline: x.deadline,
  appeal: x.appeal ?? '',
});

/**
 * The fields a task is written with, on the office's create and edit forms alike. The source is
 * not offered for a carried-over task (the carry-over sets it).
 */
export function TaskFields(props: {
  v: (name: string) => string;
  e: Record<string, string | undefined>;
  chooseSource: boolean;
}) {
  const { lang } = useView();
  const { v, e } = props;
  return (
    <>
      <TextField
        name="title"
        label={t(lang, 'ocTaskTitle')}
        value={v('title')}
        maxlength={200}
        error={e.title}
      />
      <TextArea
        name="problem"
        label={t(lang, 'ocProblem')}
        value={v('problem')}
        maxlength={4000}
        error={e.problem}
      />
      {props.chooseSource ? (
        <SelectField
          name="source"
          label={t(lang, 'ocSource')}
          options={CHOSEN_SOURCES.map((s) => ({ value: s, label: RECTIFICATION_SOURCE_LABELS[s][lang] }))}
          value={v('source') || 'results'}
          error={e.source}
        />
      ) : null}
      <TextField name="leaf" label={t(lang, 'ocTaskLeaf')} value={v('leaf')} maxlength={32} error={e.leaf} />
      <TextField name="owner" label={t(lang, 'ocOwner')} value={v('owner')} maxlength={100} error={e.owner} />
      <TextField
        name="deadline"
        label={t(lang, 'ocDeadline')}
        hint="YYYY-MM-DD"
        value={v('deadline')}
        maxlength={10}
        error={e.deadline}
      />
      <TextField
        name="appeal"
        label={t(lang, 'ocAppealRef')}
        value={v('appeal')}
        maxlength={14}
        error={e.appeal}
      />
    </>
  );
}

export function EditForm(props: { task: RectificationView; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const { task: x, values, errors } = props;
  const e = errors.fields;
  const v = (n: string) => str(values[n]);
  const href = taskHref(x.cycle, x.unit, x.id);
  return (
    <details class="card" id="task-edit" open={!!errors.message}>
      <summary>
        <strong>{t(lang, 'ocEditTask')}</strong>
      </summary>
      <form method="post" action={href} id="task-edit-form" novalidate>
        <ErrorSummary errors={errors} reloadHref={href} />
        <Hidden name="version" value={x.version} />
        <TaskFields v={v} e={e} chooseSource={x.source !== 'carried_over'} />
        <button class="primary" type="submit">
          {t(lang, 'save')}
        </button>
      </form>
    </details>
  );
}

export function ActionForm(props: { task: RectificationView; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const { task: x, values, errors } = props;
  const href = taskHref(x.cycle, x.unit, x.id);
  return (
    <section class="card" aria-labelledby="h-task-actions" id="task-actions">
      <h2 id="h-task-actions">{t(lang, 'ocTaskActions')}</h2>
      <form method="post" action={`${href}/transitions`} id="task-action-form" novalidate>
        <ErrorSummary errors={errors} reloadHref={href} />
        <Hidden name="version" value={x.version} />
        <SelectField
          name="action"
          label={t(lang, 'actions')}
          options={x.allowed.actions.map((a) => ({ value: a, label: RECTIFICATION_ACTION_LABELS[a][lang] }))}
          value={str(values.action)}
          error={errors.fields.action}
        />
        <TextField
          name="reason"
          label={t(lang, 'ocReason')}
          hint={t(lang, 'ocActionReasonHint')}
          value={str(values.reason)}
          maxlength={1000}
          error={errors.fields.reason}
        />
        <button type="submit">{t(lang, 'ocTaskActions')}</button>
      </form>
    </section>
  );
}

export function ProgressForm(props: {
  task: RectificationView;
  documents: Documents;
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang } = useView();
  const { task: x, values, errors } = props;
  const href = taskHref(x.cycle, x.unit, x.id);
  return (
    <section class="card" aria-labelledby="h-task-report" id="task-report">
      <h2 id="h-task-report">{t(lang, 'ocReport')}</h2>
      <form method="post" action={`${href}/progress`} id="task-progress-form" novalidate>
        <ErrorSummary errors={errors} reloadHref={href} />
        <Hidden name="version" value={x.version} />
        <TextArea
          name="note"
          label={t(lang, 'ocProgressNote')}
          value={str(values.note)}
          maxlength={4000}
          error={errors.fields.note}
        />
        <SelectField
          name="status"
          label={t(lang, 'ocProgressStatus')}
          options={REPORTED_STATUSES.map((s) => ({ value: s, label: RECTIFICATION_STATUS_LABELS[s][lang] }))}
          value={str(values.status) || 'in_progress'}
          error={errors.fields.status}
        />
        {props.documents.length > 0 ? (
          <CheckboxGroup
            name="evidence"
            legend={t(lang, 'ocEvidence')}
            hint={t(lang, 'ocEvidenceHint')}
            options={props.documents.map((d) => ({
              value: d.id,
              label: d.leaf ? `${d.leaf} · ${d.title}` : d.title,
            }))}
            values={list(values.evidence)}
            error={errors.fields.evidence}
          />
        ) : (
          <p class="muted">{t(lang, 'ocNoDocuments')}</p>
        )}
        <button class="primary" type="submit">
          {t(lang, 'ocReport')}
        </button>
      </form>
    </section>
  );
}
