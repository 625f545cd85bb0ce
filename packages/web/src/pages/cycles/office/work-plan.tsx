import type { CycleView, WorkPlan } from '@jixiao/core';
import { ErrorSummary } from '../../../components/feedback';
import { FieldError, Hidden, TextArea } from '../../../components/fields';
import { RowsTable } from '../../../components/rows-table';
import { useView } from '../../../context';
import { type FormErrors, type FormValues, noErrors, str } from '../../../forms';
import { type MessageKey, t } from '../../../i18n';
import { CellInput } from './calendar-fields';
import { type Renames, rowNumbers, rowsOf } from './cycle-form';
import { KeptNote, keptVersion } from './kept';
import { cycleHref } from './paths';

/** 年终评估工作方案 (art. 23 (一)): tasks with owners and days, training, notes. */

const TASK = ['name', 'owner', 'due', 'done'] as const;
const TRAINING = ['topic', 'day', 'audience'] as const;
const LABELS: Record<string, MessageKey> = {
  name: 'cyTaskName',
  owner: 'cyTaskOwner',
  due: 'cyTaskDue',
  done: 'cyTaskDone',
  topic: 'cyTrainingTopic',
  day: 'cyTrainingDay',
  audience: 'cyTrainingAudience',
};

/** The work plan from the form (`task.<n>.*`, `training.<n>.*`, `notes`), and where each row came from. */
export function workPlanFrom(form: FormValues): { workPlan: WorkPlan; renames: Renames; fields: string[] } {
  const renames: Renames = [];
  const tasks = rowsOf(form, 'task', 'workPlan.tasks', TASK, renames).map((r) => ({
    name: r.name,
    owner: r.owner,
    due: r.due,
    done: r.done === 'true',
  }));
  const training = rowsOf(form, 'training', 'workPlan.training', TRAINING, renames);
  const notes = str(form.notes).trim();
  const fields = [
    'workPlan',
    'workPlan.notes',
    ...rowNumbers(form, 'task').flatMap((n) => TASK.map((f) => `task.${n}.${f}`)),
    ...rowNumbers(form, 'training').flatMap((n) => TRAINING.map((f) => `training.${n}.${f}`)),
  ];
  renames.push(['workPlan.notes', 'notes']);
  return {
    workPlan: { tasks, training, ...(notes ? { notes } : {}) },
    renames,
    fields: [...fields, 'notes'],
  };
}

/** The stored work plan as form values, with blank rows to add to. */
function workPlanValues(wp: WorkPlan): FormValues {
  const out: FormValues = { notes: wp.notes ?? '' };
  wp.tasks.forEach((x, i) => {
    Object.assign(out, {
      [`task.${i}.name`]: x.name,
      [`task.${i}.owner`]: x.owner,
      [`task.${i}.due`]: x.due,
      [`task.${i}.done`]: x.done ? 'true' : undefined,
    });
  });
  wp.training.forEach((x, i) => {
    Object.assign(out, {
      [`training.${i}.topic`]: x.topic,
      [`training.${i}.day`]: x.day,
      [`training.${i}.audience`]: x.audience,
    });
  });
  return out;
}

const rowsShown = (values: FormValues, prefix: string, stored: number, blank: number) =>
  Math.max(stored + blank, ...rowNumbers(values, prefix).map((n) => n + 1));

function Rows(props: {
  prefix: 'task' | 'training';
  fields: readonly string[];
  rows: number;
  values: FormValues;
  errors: FormErrors;
  caption: string;
}) {
  const { lang } = useView();
  const date = (f: string) => f === 'due' || f === 'day';
  return (
    <RowsTable
      {...props}
      heading={(f) => t(lang, LABELS[f]!)}
      cell={(f, cell) =>
        f === 'done' ? (
          <>
            <input
              type="checkbox"
              id={`f-${cell.name}`}
              name={cell.name}
              value="true"
              checked={cell.value === 'true'}
              aria-label={cell.label}
            />
            <FieldError name={cell.name} error={cell.error} />
          </>
        ) : (
          <CellInput
            {...cell}
            type={date(f) ? 'date' : 'text'}
            maxlength={date(f) ? undefined : f === 'owner' ? 60 : 100}
          />
        )
      }
    />
  );
}

function WorkPlanView(props: { wp: WorkPlan }) {
  const { lang } = useView();
  const { wp } = props;
  if (wp.tasks.length === 0 && wp.training.length === 0 && !wp.notes)
    return <p class="muted">{t(lang, 'cyWorkPlanEmpty')}</p>;
  return (
    <>
      {wp.tasks.length > 0 ? (
        <table id="work-plan-tasks">
          <caption>{t(lang, 'cyTasks')}</caption>
          <thead>
            <tr>
              {TASK.map((f) => (
                <th scope="col">{t(lang, LABELS[f]!)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {wp.tasks.map((x) => (
              <tr>
                <td>{x.name}</td>
                <td>{x.owner}</td>
                <td>{x.due}</td>
                <td>{x.done ? `✓ ${t(lang, 'cyDone')}` : t(lang, 'cyNotDone')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {wp.training.length > 0 ? (
        <table id="work-plan-training">
          <caption>{t(lang, 'cyTraining')}</caption>
          <thead>
            <tr>
              {TRAINING.map((f) => (
                <th scope="col">{t(lang, LABELS[f]!)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {wp.training.map((x) => (
              <tr>
                <td>{x.topic}</td>
                <td>{x.day}</td>
                <td>{x.audience}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {wp.notes ? <p class="note">{wp.notes}</p> : null}
    </>
  );
}

export function WorkPlanCard(props: {
  cycle: CycleView;
  state?: { values: FormValues; errors: FormErrors } | undefined;
}) {
  const { lang } = useView();
  const { cycle, state } = props;
  const wp = cycle.workPlan;
  const values = state?.values ?? workPlanValues(wp);
  const errors = state?.errors ?? noErrors();
  return (
    <section class="card" aria-labelledby="h-work-plan">
      <h2 id="h-work-plan">{t(lang, 'cyWorkPlan')}</h2>
      <WorkPlanView wp={wp} />
      {cycle.allowed.edit ? (
        <details open={!!state}>
          <summary>{t(lang, 'cyEditWorkPlan')}</summary>
          <form
            method="post"
            action={`${cycleHref(cycle.id)}/work-plan`}
            class="stacked"
            id="cycle-work-plan"
            novalidate
          >
            <ErrorSummary errors={errors} reloadHref={cycleHref(cycle.id)} />
            <KeptNote errors={state?.errors} />
            <Hidden name="version" value={keptVersion(state, cycle.version)} />
            <Rows
              prefix="task"
              fields={TASK}
              rows={rowsShown(values, 'task', wp.tasks.length, 3)}
              values={values}
              errors={errors}
              caption={t(lang, 'cyTasks')}
            />
            <Rows
              prefix="training"
              fields={TRAINING}
              rows={rowsShown(values, 'training', wp.training.length, 2)}
              values={values}
              errors={errors}
              caption={t(lang, 'cyTraining')}
            />
            <TextArea
              name="notes"
              label={t(lang, 'cyNotes')}
              value={str(values.notes)}
              error={errors.fields.notes}
              maxlength={4000}
            />
            <p>
              <button class="primary" type="submit">
                {t(lang, 'save')}
              </button>
            </p>
          </form>
        </details>
      ) : null}
    </section>
  );
}
