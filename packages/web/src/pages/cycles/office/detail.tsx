import { CONTRACTS } from '@jixiao/api/contracts';
import { CYCLE_STATES, type CycleView, type DataSource, labelOf, leavesOf } from '@jixiao/core';
import { ErrorSummary, Flash } from '../../../components/feedback';
import { Hidden, SelectField, TextArea } from '../../../components/fields';
import { problemPage } from '../../../components/message-page';
import { type Ctx, useView } from '../../../context';
import { type FormErrors, type FormValues, noErrors, str } from '../../../forms';
import { t } from '../../../i18n';
import { may } from '../../../policy';
import { CalendarCard } from './calendar-card';
import { CycleFacts, CycleLinks, Reopenings } from './detail-sections';
import { CYCLES, cycleHref, loadCycle } from './paths';
import { type ProviderChoices, Providers } from './providers';
import { type TargetChoices, Targets, targetLeavesOf } from './targets';
import { WorkPlanCard } from './work-plan';

/** Which form of the cycle page a failed POST came from, with what was typed and the API's problem. */
export interface DetailState {
  form?: 'transition' | 'reopen' | 'calendar' | 'providers' | 'targets' | 'workPlan';
  values?: FormValues;
  errors?: FormErrors;
}

/** The form's values and errors when the failed POST was that form's, else nothing. */
export const formState = (state: DetailState, form: DetailState['form']) =>
  state.form === form ? { values: state.values ?? {}, errors: state.errors ?? noErrors() } : undefined;

/** The cycle's steps, the current one marked (in words and as the current step, not by colour alone). */
function StepBar(props: { state: CycleView['state'] }) {
  const { lang } = useView();
  const at = CYCLE_STATES.indexOf(props.state);
  return (
    <nav aria-label={t(lang, 'cySteps')} class="card">
      <ol class="steps cy-steps" id="cycle-steps">
        {CYCLE_STATES.map((s, i) => (
          <li data-state={s} aria-current={i === at ? 'step' : undefined}>
            {i === at ? (
              <strong class="badge st-submitted">
                {i + 1}. {labelOf('cycleState', s, lang)} · {t(lang, 'cyCurrentStep')}
              </strong>
            ) : (
              <span class={i < at ? undefined : 'muted'}>
                {i + 1}. {labelOf('cycleState', s, lang)}
                {i < at ? ' ✓' : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** What blocks the next step, the step's button(s), and reopening an earlier step with a reason. */
function NextStep(props: { cycle: CycleView; state: DetailState }) {
  const { lang } = useView();
  const { cycle } = props;
  const href = cycleHref(cycle.id);
  const forward = cycle.allowed.actions.filter((a) => a !== 'reopen');
  const reopen = cycle.allowed.actions.includes('reopen') && cycle.allowed.reopenTo.length > 0;
  const failed = formState(props.state, 'transition');
  const re = formState(props.state, 'reopen');
  if (forward.length === 0 && !reopen && cycle.blockers.length === 0) return null;
  return (
    <section class="card lifecycle" aria-labelledby="h-next-step" id="next-step">
      <h2 id="h-next-step">{t(lang, 'cyNextStep')}</h2>
      <ErrorSummary errors={failed?.errors} reloadHref={href} />
      {cycle.blockers.length > 0 ? (
        <div class="issues" id="blockers">
          <p>{t(lang, 'cyBlockers')}</p>
          <ul>
            {cycle.blockers.map((b) => (
              <li data-path={b.path}>{b[lang]}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="actions">
        {forward.map((a) => (
          <form method="post" action={`${href}/transition`} class="inline">
            <Hidden name="action" value={a} />
            <Hidden name="version" value={cycle.version} />
            <button class="primary" type="submit" data-action={a}>
              {labelOf('cycleAction', a, lang)}
            </button>
          </form>
        ))}
      </div>
      {reopen ? (
        <form method="post" action={`${href}/transition`} class="return-form" id="cycle-reopen" novalidate>
          <h3>{labelOf('cycleAction', 'reopen', lang)}</h3>
          <ErrorSummary errors={re?.errors} reloadHref={href} />
          <Hidden name="action" value="reopen" />
          <Hidden name="version" value={cycle.version} />
          <SelectField
            name="to"
            label={t(lang, 'cyReopenTo')}
            value={str(re?.values.to)}
            error={re?.errors.fields.to}
            options={cycle.allowed.reopenTo.map((s) => ({ value: s, label: labelOf('cycleState', s, lang) }))}
          />
          <TextArea
            name="reason"
            label={t(lang, 'cyReopenReason')}
            value={str(re?.values.reason)}
            error={re?.errors.fields.reason}
            maxlength={500}
          />
          <button class="secondary" type="submit" data-action="reopen">
            {labelOf('cycleAction', 'reopen', lang)}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** What the cycle page needs of the bound versions (targets: unset when they could not be read). */
interface Bound {
  names: Map<string, string>;
  providers: ProviderChoices;
  targets: TargetChoices | undefined;
}

function CyclePage(props: { cycle: CycleView; state: DetailState; bound: Bound }) {
  const { lang } = useView();
  const { cycle, state } = props;
  return (
    <>
      <p>
        <a href={CYCLES}>← {t(lang, 'cyTitle')}</a>
      </p>
      <h1>
        {cycle.name}{' '}
        <span class="badge" data-state={cycle.state}>
          {labelOf('cycleState', cycle.state, lang)}
        </span>
      </h1>
      <Flash />
      <StepBar state={cycle.state} />
      <NextStep cycle={cycle} state={state} />
      <CycleLinks cycle={cycle} />
      <CycleFacts cycle={cycle} systemNames={props.bound.names} />
      <CalendarCard cycle={cycle} state={formState(state, 'calendar')} />
      <Providers cycle={cycle} choices={props.bound.providers} state={formState(state, 'providers')} />
      <Targets cycle={cycle} choices={props.bound.targets} state={formState(state, 'targets')} />
      <WorkPlanCard cycle={cycle} state={formState(state, 'workPlan')} />
      <Reopenings cycle={cycle} />
    </>
  );
}

/** The data sources whose values a data provider supplies (一数一源). */
const SUPPLIED: Record<DataSource, boolean> = {
  self_report: false,
  data_provider: true,
  expert: false,
  survey: false,
};

/**
 * The bound versions' names, and the leaves whose data a provider supplies (with their names); the
 * units to choose a provider from, for who may change the cycle; the leaves a cycle target may be
 * fixed for, with the system's own target.
 */
async function boundSystems(c: Ctx, cycle: CycleView): Promise<Bound> {
  const api = c.get('api');
  const me = c.get('me');
  const [versions, units] = await Promise.all([
    may(me, CONTRACTS.systems.getVersion)
      ? Promise.all(
          cycle.bindings.map((b) =>
            api.call(CONTRACTS.systems.getVersion, { params: { id: b.system, v: b.systemVersion } }),
          ),
        )
      : Promise.resolve([]),
    cycle.allowed.edit && may(me, CONTRACTS.units.list)
      ? api.all(CONTRACTS.units.list, {})
      : Promise.resolve(undefined),
  ]);
  const names = new Map<string, string>();
  const leaves = new Map<string, string>();
  const targetable = new Map<string, TargetChoices['leaves'][number]>();
  for (const r of versions) {
    if (!r.ok) continue;
    names.set(r.data.id, r.data.name);
    for (const l of leavesOf(r.data.dimensions)) if (SUPPLIED[l.source]) leaves.set(l.code, l.name);
    for (const l of targetLeavesOf(r.data.dimensions)) if (!targetable.has(l.code)) targetable.set(l.code, l);
  }
  const read = versions.length > 0 && versions.every((r) => r.ok);
  return {
    names,
    providers: {
      leaves: [...leaves].map(([code, name]) => ({ code, name })),
      units: units?.ok ? units.data.items.map((u) => ({ code: u.code, name: u.name })) : undefined,
    },
    targets: read || cycle.bindings.length === 0 ? { leaves: [...targetable.values()] } : undefined,
  };
}

/** `GET /console/cycles/:id`: the cycle's steps, what blocks the next, its calendar, providers and work plan. */
export async function cyclePage(c: Ctx, id: string, state: DetailState = {}) {
  const r = await loadCycle(c, id);
  if (!r.ok) return problemPage(c, r.problem);
  const bound = await boundSystems(c, r.data);
  return c.render(<CyclePage cycle={r.data} state={state} bound={bound} />, { title: r.data.name });
}
