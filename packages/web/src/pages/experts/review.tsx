import { CONTRACTS } from '@jixiao/api/contracts';
import { ASSIGNMENT_STATUS_LABELS, type ReviewOverview, ROUND_STATUS_LABELS } from '@jixiao/core';
import { ErrorSummary, Flash } from '../../components/feedback';
import { CheckboxGroup, FormActions, Hidden, SelectField, TextField } from '../../components/fields';
import { bindFields } from '../../components/record-form';
import { useView } from '../../context';
import { type FormErrors, type FormValues, list, str } from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { useMay } from '../../policy';
import { BackToCycle, cycleHref } from '../cycles/office/paths';
import { POOL } from './pool-form';

/** The office's expert review of a cycle: rounds, progress, assignments and the assign form. */

export const reviewHref = (cycleId: string) => `${cycleHref(cycleId)}/expert-review`;

export interface ReviewState {
  assign: { values: FormValues; errors: FormErrors };
  /** A failed action (withdraw, open or close a round): its problem, shown on top. */
  failed?: FormErrors;
}

function Rounds(props: { review: ReviewOverview }) {
  const { lang } = useView();
  const may = useMay();
  const { review } = props;
  const href = reviewHref(review.cycle.id);
  const open = review.rounds.find((r) => r.status === 'open');
  const canOpen = !open && may(CONTRACTS.experts.openRound);
  return (
    <section id="rounds">
      <h2>{t(lang, 'exRounds')}</h2>
      <p class="note">{t(lang, review.scoringOpen ? 'exScoringOpen' : 'exScoringClosed')}</p>
      {review.rounds.length === 0 ? <p class="card">{t(lang, 'exNoRounds')}</p> : null}
      {review.rounds.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(lang, 'exRounds')}</th>
              <th scope="col">{t(lang, 'status')}</th>
              <th scope="col">{t(lang, 'exRoundItems')}</th>
              <th scope="col">{t(lang, 'exNote')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {review.rounds.map((r) => (
              <tr data-round={r.number}>
                <td>{t(lang, 'exRound', { n: r.number })}</td>
                <td>
                  <span class="badge" data-status={r.status}>
                    {ROUND_STATUS_LABELS[r.status][lang]}
                  </span>{' '}
                  {formatDateTime(r.closedAt ?? r.openedAt, lang)}
                </td>
                <td>
                  {r.items.length
                    ? r.items.map((i) => `${i.unit} ${i.leaf}`).join(lang === 'zh' ? '、' : ', ')
                    : t(lang, 'exAllItems')}
                </td>
                <td>{r.note ?? ''}</td>
                <td>
                  {r.status === 'open' && may(CONTRACTS.experts.closeRound) ? (
                    <form method="post" action={`${href}/rounds/${r.number}/close`}>
                      <Hidden name="version" value={r.version} />
                      <button class="secondary" type="submit">
                        {t(lang, 'exClose')}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canOpen ? (
        <form method="post" action={`${href}/rounds`} class="stacked card" id="round-open">
          <TextField name="note" label={t(lang, 'exNote')} maxlength={1000} />
          {review.rounds.length ? <p class="hint">{t(lang, 'exOpenNextHint')}</p> : null}
          <p>
            <button class="primary" type="submit">
              {t(lang, review.rounds.length ? 'exOpenNext' : 'exOpenFirst')}
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}

function AssignForm(props: { review: ReviewOverview; values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  const { review } = props;
  const field = bindFields(props.values, props.errors);
  const leaves = new Map<string, string>();
  const groups = new Set<string>();
  for (const u of review.assignable)
    for (const l of u.leaves) {
      leaves.set(l.code, `${l.code} ${l.name}`);
      for (const s of l.sources) groups.add(`${s.key}（${s.label}）`);
    }
  return (
    <form
      method="post"
      action={`${reviewHref(review.cycle.id)}/assignments`}
      class="stacked card"
      id="assign"
      novalidate
    >
      <p class="hint">{t(lang, 'exAssignHint')}</p>
      <ErrorSummary errors={props.errors} />
      <Hidden name="_idem" value={str(props.values._idem)} />
      <SelectField
        {...field('expertId')}
        label={t(lang, 'exExpert')}
        empty={t(lang, 'chooseOne')}
        options={review.experts.filter((e) => e.active).map((e) => ({ value: e.id, label: e.name }))}
      />
      <SelectField
        {...field('unit')}
        label={t(lang, 'exUnit')}
        empty={t(lang, 'chooseOne')}
        options={review.assignable.map((u) => ({ value: u.unit, label: `${u.name}（${u.unit}）` }))}
      />
      <CheckboxGroup
        name="leaves"
        legend={t(lang, 'exLeaves')}
        options={[...leaves].map(([value, label]) => ({ value, label }))}
        values={list(props.values.leaves)}
        error={props.errors.fields.leaves}
      />
      {groups.size ? (
        <TextField
          {...field('group')}
          label={t(lang, 'exGroup')}
          hint={`${t(lang, 'exGroupHint')}：${[...groups].join('、')}`}
          maxlength={32}
        />
      ) : null}
      <FormActions label={t(lang, 'exAssignButton')} back={cycleHref(review.cycle.id)} />
    </form>
  );
}

function Assignments(props: { review: ReviewOverview }) {
  const { lang } = useView();
  const may = useMay();
  const { review } = props;
  if (!review.assignments.length) return <p class="card">{t(lang, 'exNoAssignments')}</p>;
  return (
    <table id="assignments">
      <thead>
        <tr>
          <th scope="col">{t(lang, 'exUnit')}</th>
          <th scope="col">{t(lang, 'exExpert')}</th>
          <th scope="col">{t(lang, 'exLeaves')}</th>
          <th scope="col">{t(lang, 'status')}</th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {review.assignments.map((a) => (
          <tr data-id={a.id} data-status={a.status}>
            <td>
              {a.unitName}（{a.unit}）
            </td>
            <td>{a.expertName}</td>
            <td>
              {a.leaves.join('、')}
              {a.group ? `（${a.group}）` : ''}
            </td>
            <td>
              <span class={a.status === 'active' ? 'badge ok' : 'badge'}>
                {ASSIGNMENT_STATUS_LABELS[a.status][lang]}
              </span>
              {a.recusal ? <span class="note"> {a.recusal.reason}</span> : null}
            </td>
            <td>
              {a.status === 'active' && may(CONTRACTS.experts.unassign) ? (
                <form method="post" action={`${reviewHref(review.cycle.id)}/assignments/${a.id}/withdraw`}>
                  <Hidden name="version" value={a.version} />
                  <button class="secondary" type="submit" title={t(lang, 'exWithdrawHint')}>
                    {t(lang, 'exWithdraw')}
                  </button>
                </form>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReviewPage(props: { review: ReviewOverview; state: ReviewState }) {
  const { lang } = useView();
  const may = useMay();
  const { review, state } = props;
  const href = reviewHref(review.cycle.id);
  const names = new Map(review.assignable.map((u) => [u.unit, u.name]));
  return (
    <>
      <BackToCycle cycle={review.cycle} />
      <div class="toolbar">
        <h1>
          {t(lang, 'exTitle')} · {review.cycle.name}
        </h1>
        <span class="spacer" />
        {may(CONTRACTS.experts.calibration) ? (
          <a class="button secondary-link" href={`${href}/calibration`}>
            {t(lang, 'exCalibration')}
          </a>
        ) : null}{' '}
        {may(CONTRACTS.experts.list) ? (
          <a class="button secondary-link" href={POOL}>
            {t(lang, 'exPoolLink')}
          </a>
        ) : null}
      </div>
      <Flash />
      <ErrorSummary errors={state.failed} reloadHref={href} id="action-error" />
      <Rounds review={review} />
      <h2>{t(lang, 'exProgress')}</h2>
      <table id="progress">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'exUnit')}</th>
            <th scope="col">{t(lang, 'exLeaves')}</th>
            <th scope="col" class="num">
              {t(lang, 'exAssigned')}
            </th>
            <th scope="col" class="num">
              {t(lang, 'exScored')}
            </th>
          </tr>
        </thead>
        <tbody>
          {review.progress.map((p) => (
            <tr data-unit={p.unit}>
              <td>
                {names.get(p.unit) ?? p.unit}（{p.unit}）
              </td>
              <td>{p.leaf}</td>
              <td class="num">{p.assigned}</td>
              <td class="num">
                {p.scored}
                {p.round ? `（${t(lang, 'exRound', { n: p.round })}）` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t(lang, 'exAssignments')}</h2>
      <Assignments review={review} />
      {may(CONTRACTS.experts.assign) ? (
        <>
          <h2 class="mt">{t(lang, 'exAssignTitle')}</h2>
          <AssignForm review={review} {...state.assign} />
        </>
      ) : null}
    </>
  );
}
