import { APPEAL_REASONS_MAX, APPEAL_TARGET_LABELS, APPEAL_TARGETS, type UnitAppealsView } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { CheckboxGroup, Hidden, SelectField, TextArea } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, list, str } from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { windowText } from '../cycles/office/paths';
import { AppealStatusBadge, OutcomeHeading, rankChangeText, standingText, targetText } from './parts';
import { appealHref, unitAppealsHref } from './paths';

/** A unit's appeals page: the window, its released standing, the form to appeal, and its appeals with their outcome. */

export interface SubmitState {
  values: FormValues;
  errors: FormErrors | undefined;
}

function Standing(props: { view: UnitAppealsView }) {
  const { lang } = useView();
  const { view } = props;
  const w = view.window;
  return (
    <section class="card" aria-labelledby="h-appeal-standing" id="appeal-standing" data-open={String(w.open)}>
      <h2 id="h-appeal-standing">{t(lang, 'ocStanding')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'ocWindow')}</dt>
        <dd id="appeal-window">
          {windowText(w)} · {t(lang, w.open ? 'ocWindowOpen' : 'ocWindowShut')}
        </dd>
        {view.released ? (
          <>
            <dt>{t(lang, 'ocRunN', { n: view.released.number })}</dt>
            <dd id="appeal-released">{standingText(lang, view.released)}</dd>
          </>
        ) : (
          <>
            <dt>{t(lang, 'ocStatus')}</dt>
            <dd>{t(lang, 'ocNotReleased')}</dd>
          </>
        )}
      </dl>
      {view.blockers.length > 0 ? (
        <div id="appeal-blockers">
          <p>{t(lang, 'ocCannotAppeal')}</p>
          <ul>
            {view.blockers.map((b) => (
              <li>{b[lang]}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function AppealForm(props: { view: UnitAppealsView; values: FormValues; errors: FormErrors | undefined }) {
  const { lang } = useView();
  const { view, values, errors } = props;
  const e = errors?.fields ?? {};
  return (
    <section class="card" aria-labelledby="h-appeal-new" id="appeal-new">
      <h2 id="h-appeal-new">{t(lang, 'ocNewAppeal')}</h2>
      <form method="post" action={unitAppealsHref(view.cycle.id, view.unit.code)} id="appeal-form" novalidate>
        <ErrorSummary errors={errors} />
        <Hidden name="_idem" value={str(values._idem)} />
        <SelectField
          name="target"
          label={t(lang, 'ocTarget')}
          options={APPEAL_TARGETS.map((v) => ({ value: v, label: APPEAL_TARGET_LABELS[v][lang] }))}
          value={str(values.target) || 'indicator'}
          error={e.target}
        />
        <SelectField
          name="leaf"
          label={t(lang, 'ocLeaf')}
          hint={t(lang, 'ocLeafHint')}
          empty=""
          options={view.leaves.map((l) => ({
            value: l.code,
            label: t(lang, 'ocLeafOption', { code: l.code, name: l.name, points: l.points, max: l.max }),
          }))}
          value={str(values.leaf)}
          error={e.leaf}
        />
        <TextArea
          name="reasons"
          label={t(lang, 'ocReasons')}
          value={str(values.reasons)}
          maxlength={APPEAL_REASONS_MAX}
          error={e.reasons}
        />
        <p class="hint">{t(lang, 'ocReasonsHint')}</p>
        {view.documents.length > 0 ? (
          <CheckboxGroup
            name="evidence"
            legend={t(lang, 'ocEvidence')}
            hint={t(lang, 'ocEvidenceHint')}
            options={view.documents.map((d) => ({
              value: d.id,
              label: d.leaf ? `${d.leaf} · ${d.title}` : d.title,
            }))}
            values={list(values.evidence)}
            error={e.evidence}
          />
        ) : (
          <p class="muted">{t(lang, 'ocNoDocuments')}</p>
        )}
        <button class="primary" type="submit">
          {t(lang, 'ocSubmitAppeal')}
        </button>
      </form>
    </section>
  );
}

/** `form`: what the form shows (a blank form carries a fresh Idempotency-Key); `failed`: a refused submission. */
export function UnitAppealsPage(props: { view: UnitAppealsView; form: SubmitState; failed: boolean }) {
  const { lang } = useView();
  const { view, form } = props;
  const title = `${t(lang, 'ocMyAppeals')} · ${view.unit.name}`;
  return (
    <>
      <OutcomeHeading cycle={view.cycle} title={title} />
      <p class="hint">{t(lang, 'ocAppealsIntro')}</p>
      <Standing view={view} />
      {view.allowed.submit || props.failed ? (
        <AppealForm view={view} values={form.values} errors={form.errors} />
      ) : null}
      <section class="card" aria-labelledby="h-appeal-list">
        <h2 id="h-appeal-list">{t(lang, 'ocMyAppeals')}</h2>
        {view.appeals.length === 0 ? (
          <p class="muted">{t(lang, 'ocNoAppeals')}</p>
        ) : (
          <table id="appeal-list">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'ocSubmittedAt')}</th>
                <th scope="col">{t(lang, 'ocTarget')}</th>
                <th scope="col">{t(lang, 'ocStatus')}</th>
                <th scope="col">{t(lang, 'ocOutcome')}</th>
              </tr>
            </thead>
            <tbody>
              {view.appeals.map((a) => (
                <tr data-id={a.id}>
                  <td>
                    <a href={appealHref(view.cycle.id, a.unit, a.id)}>
                      {formatDateTime(a.submitted.at, lang)}
                    </a>
                  </td>
                  <td>{targetText(lang, a)}</td>
                  <td>
                    <AppealStatusBadge status={a.status} />
                  </td>
                  <td>
                    {a.outcome
                      ? `${t(lang, 'ocTotalChange')} ${a.outcome.totalChange} · ${rankChangeText(lang, a.outcome.rankChange)}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
