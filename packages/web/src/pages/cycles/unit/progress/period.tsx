import { labelOf } from '@jixiao/core';
import { ErrorSummary } from '../../../../components/feedback';
import { Hidden } from '../../../../components/fields';
import { useView } from '../../../../context';
import { type FormErrors, type FormValues, str } from '../../../../forms';
import { num, t } from '../../../../i18n';
import { CellArea, CellBare, type FieldErrors } from '../controls';
import { Badge, Due, formatDay, LightLabel } from '../parts';
import { numericLeaves, type PeriodEntry, type ProgressView } from './model';
import { WarningsTable } from './warnings';

/** What a period's form shows after a refused save: what was typed, and why it was refused. */
export interface Typed {
  values: FormValues;
  fields: FieldErrors;
  problem: FormErrors;
}

function ProgressForm(props: {
  view: ProgressView;
  p: PeriodEntry;
  values: FormValues;
  typed?: Typed;
  action: string;
  reload: string;
}) {
  const { lang } = useView();
  const { view, p, values } = props;
  const errors = props.typed?.fields ?? {};
  const v = (k: string) => str(values[k]);
  const targetOf = new Map(view.items.map((i) => [i.leaf, i.target]));
  const nameOf = new Map(view.leaves.map((l) => [l.code, l.name]));
  return (
    <form method="post" action={props.action} class="editor" id={`progress-${p.period.code}`} novalidate>
      <ErrorSummary errors={props.typed?.problem} reloadHref={props.reload} />
      <Hidden name="version" value={v('version')} />
      <table class="items">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'cuIndicator')}</th>
            <th scope="col" class="num">
              {t(lang, 'cuTarget')}
            </th>
            <th scope="col">{t(lang, 'cuValueNow')}</th>
            <th scope="col">{t(lang, 'cuNote')}</th>
          </tr>
        </thead>
        <tbody>
          {numericLeaves(view).map((l) => (
            <tr data-leaf={l.code}>
              <td>
                {l.name} <span class="code">{l.code}</span>
              </td>
              <td class="num">
                {num(targetOf.get(l.code))}
                {l.unitOfMeasure ?? ''}
              </td>
              <td>
                <CellBare
                  name={`v.${l.code}`}
                  label={`${l.name} ${t(lang, 'cuValueNow')}`}
                  value={v(`v.${l.code}`)}
                  inputmode="decimal"
                  errors={errors}
                />
              </td>
              <td>
                <CellBare
                  name={`n.${l.code}`}
                  label={`${l.name} ${t(lang, 'cuNote')}`}
                  value={v(`n.${l.code}`)}
                  errors={errors}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {view.items.some((i) => i.milestones.length) ? (
        <fieldset class="plain mt">
          <legend>{t(lang, 'cuMilestonesDone')}</legend>
          <ul class="plain">
            {view.items.flatMap((item) =>
              item.milestones.map((m, i) => (
                <li class="grid" data-milestone={`${item.leaf}.${i}`}>
                  <label class="check">
                    <input
                      type="checkbox"
                      name={`m.${item.leaf}.${i}`}
                      value="true"
                      checked={v(`m.${item.leaf}.${i}`) === 'true'}
                    />
                    {nameOf.get(item.leaf) ?? item.leaf}
                    {t(lang, 'colon')}
                    {m.name}（{formatDay(m.due, lang)}）
                  </label>
                  <CellBare
                    name={`mn.${item.leaf}.${i}`}
                    label={`${m.name} ${t(lang, 'cuNote')}`}
                    value={v(`mn.${item.leaf}.${i}`)}
                    errors={errors}
                  />
                </li>
              )),
            )}
          </ul>
        </fieldset>
      ) : null}
      <div class="grid mt">
        <CellArea
          name="narrative"
          label={t(lang, 'cuNarrative')}
          value={v('narrative')}
          errors={errors}
          class="wide"
          rows={4}
        />
      </div>
      <p class="toolbar">
        <button class="secondary" type="submit" name="submit" value="false">
          {t(lang, 'save')}
        </button>
        <button class="primary" type="submit" name="submit" value="true">
          {t(lang, 'cuReport')}
        </button>
      </p>
    </form>
  );
}

function ReportView(props: { view: ProgressView; p: PeriodEntry }) {
  const { lang } = useView();
  const r = props.p.report;
  if (!r) return <p class="muted">{t(lang, 'cuNotReported')}</p>;
  const names = new Map(props.view.leaves.map((l) => [l.code, l.name]));
  return (
    <>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'cuIndicator')}</th>
            <th scope="col" class="num">
              {t(lang, 'cuValueNow')}
            </th>
            <th scope="col">{t(lang, 'cuNote')}</th>
          </tr>
        </thead>
        <tbody>
          {r.items.map((i) => (
            <tr data-leaf={i.leaf}>
              <td>{names.get(i.leaf) ?? i.leaf}</td>
              <td class="num">{num(i.value)}</td>
              <td>{i.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.narrative ? <p class="note">{r.narrative}</p> : null}
    </>
  );
}

/** One period: its due day, status and light; the form while it may be changed, else the report and its warnings. */
export function Period(props: {
  view: ProgressView;
  p: PeriodEntry;
  values: FormValues;
  typed?: Typed;
  action: string;
  reload: string;
}) {
  const { lang } = useView();
  const { view, p } = props;
  const submitted = p.report?.status === 'submitted';
  const names = new Map(view.leaves.map((l) => [l.code, l.name]));
  return (
    <section class="card" id={`p-${p.period.code}`} data-period={p.period.code}>
      <h2>
        {p.period.name}{' '}
        <Badge tone={submitted ? 'done' : 'todo'} status={p.report?.status ?? 'draft'}>
          {labelOf('reportStatus', p.report?.status ?? 'draft', lang)}
        </Badge>{' '}
        {p.late ? <Badge tone="back">{t(lang, 'cuLate')}</Badge> : null}
      </h2>
      <p>
        {t(lang, 'cuDueDay')}
        {t(lang, 'colon')}
        <Due day={p.period.due} done={submitted} />
        {submitted ? (
          <>
            {' · '}
            {t(lang, 'cuUnitLight')}
            {t(lang, 'colon')}
            <LightLabel light={p.light} />
          </>
        ) : null}
      </p>
      {view.allowed.edit && !submitted ? (
        <ProgressForm
          view={view}
          p={p}
          values={props.values}
          typed={props.typed}
          action={props.action}
          reload={props.reload}
        />
      ) : (
        <ReportView view={view} p={p} />
      )}
      {submitted ? <WarningsTable warnings={p.warnings} names={names} /> : null}
    </section>
  );
}
