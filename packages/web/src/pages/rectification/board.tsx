import {
  type CarryOverResult,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
  type RectificationList,
} from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { Hidden, SelectField } from '../../components/fields';
import { ListPage } from '../../components/list-page';
import { useView } from '../../context';
import { type FormErrors, type FormValues, str } from '../../forms';
import { t } from '../../i18n';
import { BackToCycle } from '../cycles/office/paths';
import { TaskStatus } from './parts';
import { rectHref, taskHref } from './paths';
import { TaskFields } from './task-forms';

/** The rectification board: summary, filters, the tasks by unit and deadline, and the office's create and carry-over forms. */

export interface BoardState {
  form: 'create' | 'carry';
  values: FormValues;
  errors: FormErrors;
}

function Summary(props: { list: RectificationList }) {
  const { lang } = useView();
  const s = props.list.summary;
  return (
    <section class="card" aria-labelledby="h-rect-summary" id="rect-summary" data-overdue={s.overdue}>
      <h2 id="h-rect-summary">{t(lang, 'ocRectTitle')}</h2>
      <p class="hint">{t(lang, 'ocRectIntro')}</p>
      <p>
        {t(lang, 'ocTasksTotal', { total: s.total })}
        {RECTIFICATION_STATUSES.map(
          (st) => ` · ${RECTIFICATION_STATUS_LABELS[st][lang]} ${s.byStatus[st] ?? 0}`,
        ).join('')}
        {' · '}
        <strong class={s.overdue ? 'error' : undefined}>{t(lang, 'ocOverdueCount', { n: s.overdue })}</strong>
      </p>
    </section>
  );
}

function CreateForm(props: { list: RectificationList; values: FormValues; errors: FormErrors | undefined }) {
  const { lang } = useView();
  const { list, values, errors } = props;
  const e = errors?.fields ?? {};
  const v = (n: string) => str(values[n]);
  return (
    <details class="card" id="rect-new" open={!!errors}>
      <summary>
        <strong>{t(lang, 'ocNewTask')}</strong>
      </summary>
      <form method="post" action={rectHref(list.cycle.id)} id="rect-create-form" novalidate>
        <ErrorSummary errors={errors} />
        <Hidden name="_idem" value={v('_idem')} />
        <SelectField
          name="unit"
          label={t(lang, 'ocUnit')}
          empty=""
          options={list.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
          value={v('unit')}
          error={e.unit}
        />
        <TaskFields v={v} e={e} chooseSource />
        <button class="primary" type="submit">
          {t(lang, 'create')}
        </button>
      </form>
    </details>
  );
}

function CarryForm(props: { list: RectificationList; values: FormValues; errors: FormErrors | undefined }) {
  const { lang } = useView();
  const { list, errors } = props;
  return (
    <section class="card" aria-labelledby="h-rect-carry" id="rect-carry">
      <h2 id="h-rect-carry">{t(lang, 'ocCarryOver')}</h2>
      <p class="hint">{t(lang, 'ocCarryHint')}</p>
      {list.earlier.length === 0 ? (
        <p class="muted">{t(lang, 'ocNoEarlier')}</p>
      ) : (
        <form method="post" action={`${rectHref(list.cycle.id)}/carry-over`} id="rect-carry-form" novalidate>
          <ErrorSummary errors={errors} />
          <SelectField
            name="from"
            label={t(lang, 'ocCarryFrom')}
            options={list.earlier.map((c) => ({ value: c.id, label: `${c.year} · ${c.name}` }))}
            value={str(props.values.from)}
            error={errors?.fields.from}
          />
          <button type="submit">{t(lang, 'ocCarrySubmit')}</button>
        </form>
      )}
    </section>
  );
}

function CarryResult(props: { result: CarryOverResult }) {
  const { lang } = useView();
  const r = props.result;
  return (
    <section class="card" aria-labelledby="h-rect-carried" id="rect-carried" role="status">
      <h2 id="h-rect-carried">{t(lang, 'ocCarryResult', { from: `${r.from.year} · ${r.from.name}` })}</h2>
      <p>
        {t(lang, 'ocCarryCopied', { n: r.copied.length })} · {t(lang, 'ocCarryAlready', { n: r.already })}
      </p>
      {r.skipped.length > 0 ? (
        <>
          <p>{t(lang, 'ocCarrySkipped', { n: r.skipped.length })}</p>
          <ul id="rect-skipped">
            {r.skipped.map((s) => (
              <li>
                {s.unit} · {s.title}：{s.reason[lang]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function RectificationBoard(props: {
  list: RectificationList;
  filter: { unit: string; status: string; overdue: string };
  hasPrev: boolean;
  state?: BoardState | undefined;
  carried?: CarryOverResult | undefined;
  blank: FormValues;
}) {
  const { lang } = useView();
  const { list, filter, state } = props;
  const failed = (f: BoardState['form']) => (state?.form === f ? state : undefined);
  return (
    <>
      <BackToCycle cycle={list.cycle} />
      <ListPage
        title={`${t(lang, 'ocRectTitle')} · ${list.cycle.name}`}
        filter={{
          action: rectHref(list.cycle.id),
          fields: (
            <>
              {list.units.length > 1 ? (
                <SelectField
                  name="unit"
                  label={t(lang, 'ocUnit')}
                  empty={t(lang, 'ocAllUnits')}
                  options={list.units.map((u) => ({ value: u.code, label: `${u.name}（${u.code}）` }))}
                  value={filter.unit}
                />
              ) : null}
              <SelectField
                name="status"
                label={t(lang, 'ocStatus')}
                empty={t(lang, 'ocAllStatuses')}
                options={RECTIFICATION_STATUSES.map((s) => ({
                  value: s,
                  label: RECTIFICATION_STATUS_LABELS[s][lang],
                }))}
                value={filter.status}
              />
              <SelectField
                name="overdue"
                label={t(lang, 'ocOverdueFilter')}
                empty={t(lang, 'all')}
                options={[
                  { value: 'true', label: t(lang, 'ocOnlyOverdue') },
                  { value: 'false', label: t(lang, 'ocNotOverdue') },
                ]}
                value={filter.overdue}
              />
            </>
          ),
        }}
        items={list.items}
        rowAttrs={(x) => ({ 'data-id': x.id, 'data-overdue': String(x.overdue) })}
        empty={t(lang, 'ocNoTasks')}
        columns={[
          { label: t(lang, 'ocUnit'), cell: (x) => x.unitName },
          {
            label: t(lang, 'ocTaskTitle'),
            cell: (x) => <a href={taskHref(list.cycle.id, x.unit, x.id)}>{x.title}</a>,
          },
          { label: t(lang, 'ocSource'), cell: (x) => RECTIFICATION_SOURCE_LABELS[x.source][lang] },
          { label: t(lang, 'ocOwner'), cell: (x) => x.owner },
          { label: t(lang, 'ocDeadline'), cell: (x) => x.deadline },
          {
            label: t(lang, 'ocStatus'),
            cell: (x) => <TaskStatus status={x.status} daysOverdue={x.daysOverdue} />,
          },
        ]}
        nextCursor={list.nextCursor}
        hasPrev={props.hasPrev}
      />
      <Summary list={list} />
      {props.carried ? <CarryResult result={props.carried} /> : null}
      {list.allowed.create ? (
        <CreateForm
          list={list}
          values={failed('create')?.values ?? props.blank}
          errors={failed('create')?.errors}
        />
      ) : null}
      {list.allowed.carryOver ? (
        <CarryForm list={list} values={failed('carry')?.values ?? {}} errors={failed('carry')?.errors} />
      ) : null}
    </>
  );
}
