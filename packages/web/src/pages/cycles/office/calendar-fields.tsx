import type { Calendar } from '@jixiao/core';
import { FieldError, TextField } from '../../../components/fields';
import { useView } from '../../../context';
import { type FormErrors, type FormValues, str } from '../../../forms';
import { type MessageKey, t } from '../../../i18n';
import { PERIOD_FIELDS, WINDOWS } from './cycle-form';
import { windowText } from './paths';

/** The calendar (考核日程) as the cycle's forms edit it and its page shows it. */

export const WINDOW_LABELS: Record<(typeof WINDOWS)[number], MessageKey> = {
  selfAssessment: 'cySelfWindow',
  verification: 'cyVerificationWindow',
  review: 'cyReviewWindow',
  appeal: 'cyAppealWindow',
};

const PERIOD_LABELS: Record<(typeof PERIOD_FIELDS)[number], MessageKey> = {
  code: 'cyPeriodCode',
  name: 'cyPeriodName',
  ends: 'cyPeriodEnds',
  due: 'cyPeriodDue',
};

/** A day (YYYY-MM-DD) with the browser's date picker. */
export function DateField(props: { name: string; label: string; value: string; error?: string | undefined }) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        type="date"
        id={id}
        name={props.name}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      <FieldError name={props.name} error={props.error} />
    </div>
  );
}

/** An input inside a table cell: labelled for screen readers, its error under it. */
export function CellInput(props: {
  name: string;
  label: string;
  value: string;
  error?: string | undefined;
  type?: 'text' | 'date';
  maxlength?: number;
}) {
  const id = `f-${props.name}`;
  return (
    <>
      <input
        type={props.type ?? 'text'}
        id={id}
        name={props.name}
        value={props.value}
        maxlength={props.maxlength}
        aria-label={props.label}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />
      <FieldError name={props.name} error={props.error} />
    </>
  );
}

/** The calendar's fields, with `periods` rows of progress periods. */
export function CalendarFields(props: { values: FormValues; errors: FormErrors; periods: number }) {
  const { lang } = useView();
  const v = (name: string) => str(props.values[name]);
  const e = (name: string) => props.errors.fields[name];
  return (
    <fieldset class="field plain" id="f-calendar">
      <legend>{t(lang, 'cyCalendar')}</legend>
      <FieldError name="calendar" error={e('calendar')} />
      <DateField
        name="calendar.planDeadline"
        label={t(lang, 'cyPlanDeadline')}
        value={v('calendar.planDeadline')}
        error={e('calendar.planDeadline')}
      />
      <TextField
        name="calendar.consultationDays"
        label={t(lang, 'cyConsultationDays')}
        hint={t(lang, 'cyConsultationDaysHint')}
        value={v('calendar.consultationDays')}
        error={e('calendar.consultationDays')}
        type="number"
        inputmode="numeric"
      />
      <div class="scroll">
        <table id="f-calendar.progressPeriods">
          <caption>{t(lang, 'cyProgressPeriods')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              {PERIOD_FIELDS.map((f) => (
                <th scope="col">{t(lang, PERIOD_LABELS[f])}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: props.periods }, (_, i) => (
              <tr>
                <td>{i + 1}</td>
                {PERIOD_FIELDS.map((f) => {
                  const name = `calendar.progressPeriods.${i}.${f}`;
                  return (
                    <td>
                      <CellInput
                        name={name}
                        label={`${i + 1} ${t(lang, PERIOD_LABELS[f])}`}
                        value={v(name)}
                        error={e(name)}
                        type={f === 'ends' || f === 'due' ? 'date' : 'text'}
                        maxlength={f === 'name' ? 40 : f === 'code' ? 16 : undefined}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <FieldError name="calendar.progressPeriods" error={e('calendar.progressPeriods')} />
        <p class="hint">{t(lang, 'cyProgressPeriodsHint')}</p>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'cyStep')}</th>
            <th scope="col">{t(lang, 'cyOpens')}</th>
            <th scope="col">{t(lang, 'cyCloses')}</th>
          </tr>
        </thead>
        <tbody>
          {WINDOWS.map((w) => (
            <tr>
              <th scope="row">{t(lang, WINDOW_LABELS[w])}</th>
              {(['opens', 'closes'] as const).map((end) => {
                const name = `calendar.${w}.${end}`;
                return (
                  <td>
                    <CellInput
                      name={name}
                      label={`${t(lang, WINDOW_LABELS[w])} ${t(lang, end === 'opens' ? 'cyOpens' : 'cyCloses')}`}
                      value={v(name)}
                      error={e(name)}
                      type="date"
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

/** The calendar's values as form values (an edit form filled from the cycle). */
export function calendarValues(cal: Calendar): FormValues {
  const out: FormValues = {
    'calendar.planDeadline': cal.planDeadline,
    'calendar.consultationDays': String(cal.consultationDays),
  };
  cal.progressPeriods.forEach((p, i) => {
    for (const f of PERIOD_FIELDS) out[`calendar.progressPeriods.${i}.${f}`] = p[f];
  });
  for (const w of WINDOWS) {
    out[`calendar.${w}.opens`] = cal[w].opens;
    out[`calendar.${w}.closes`] = cal[w].closes;
  }
  return out;
}

/** The calendar as a table: each step with its days. */
export function CalendarTable(props: { calendar: Calendar }) {
  const { lang } = useView();
  const cal = props.calendar;
  return (
    <table id="calendar">
      <thead>
        <tr>
          <th scope="col">{t(lang, 'cyStep')}</th>
          <th scope="col">{t(lang, 'cyDays')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{t(lang, 'cyPlanDeadline')}</th>
          <td>{cal.planDeadline}</td>
        </tr>
        <tr>
          <th scope="row">{t(lang, 'cyConsultationDays')}</th>
          <td>{t(lang, 'cyNDays', { n: cal.consultationDays })}</td>
        </tr>
        {cal.progressPeriods.map((p) => (
          <tr data-period={p.code}>
            <th scope="row">
              {t(lang, 'cyProgressReport')}
              {t(lang, 'colon')}
              {p.name} <span class="code">{p.code}</span>
            </th>
            <td>{t(lang, 'cyPeriodText', { ends: p.ends, due: p.due })}</td>
          </tr>
        ))}
        {WINDOWS.map((w) => (
          <tr>
            <th scope="row">{t(lang, WINDOW_LABELS[w])}</th>
            <td>{windowText(cal[w])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
