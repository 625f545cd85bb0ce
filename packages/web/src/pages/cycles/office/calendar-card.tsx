import type { CycleView } from '@jixiao/core';
import { ErrorSummary } from '../../../components/feedback';
import { Hidden } from '../../../components/fields';
import { useView } from '../../../context';
import { type FormErrors, type FormValues, noErrors } from '../../../forms';
import { t } from '../../../i18n';
import { CalendarFields, CalendarTable, calendarValues } from './calendar-fields';
import { PERIOD_ROWS, rowNumbers } from './cycle-form';
import { KeptNote, keptVersion } from './kept';
import { cycleHref } from './paths';

/** Period rows the edit form offers: those typed or stored, one blank more, at least four, at most 12. */
export const periodRows = (values: FormValues) =>
  Math.min(12, Math.max(PERIOD_ROWS, ...rowNumbers(values, 'calendar.progressPeriods').map((n) => n + 2)));

/** The calendar as a table and, for who may change the cycle, its edit form (PATCH calendar). */
export function CalendarCard(props: {
  cycle: CycleView;
  state?: { values: FormValues; errors: FormErrors };
}) {
  const { lang } = useView();
  const { cycle, state } = props;
  const values = state?.values ?? calendarValues(cycle.calendar);
  const errors = state?.errors ?? noErrors();
  return (
    <section class="card" aria-labelledby="h-calendar">
      <h2 id="h-calendar">{t(lang, 'cyCalendar')}</h2>
      <CalendarTable calendar={cycle.calendar} />
      {cycle.allowed.edit ? (
        <details open={!!state}>
          <summary>{t(lang, 'cyEditCalendar')}</summary>
          <form
            method="post"
            action={`${cycleHref(cycle.id)}/calendar`}
            class="stacked"
            id="cycle-calendar"
            novalidate
          >
            <ErrorSummary errors={errors} reloadHref={cycleHref(cycle.id)} />
            <KeptNote errors={state?.errors} />
            <Hidden name="version" value={keptVersion(state, cycle.version)} />
            <CalendarFields values={values} errors={errors} periods={periodRows(values)} />
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
