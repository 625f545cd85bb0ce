import type { CONTRACTS } from '@jixiao/api/contracts';
import { LIKERT_LEVELS, labelOf } from '@jixiao/core';
import { assetUrl } from '../../assets';
import type { SuccessOf } from '../../client/api-client';
import { ErrorSummary } from '../../components/feedback';
import { Hidden } from '../../components/fields';
import { useView } from '../../context';
import { type FormErrors, type FormValues, noErrors, str } from '../../forms';
import { t } from '../../i18n';
import { PublicFrame } from '../public/parts';

/**
 * The questionnaire on a phone (no sign-in): one column, the group to answer as (open link), then
 * each rated unit with big radio buttons per question, the written questions, and one button.
 * The page keeps a random device id in localStorage (script) and sends it; nothing else of the
 * respondent is asked or kept.
 */
export type Questionnaire = SuccessOf<typeof CONTRACTS.publicSurveys.questionnaire>;

/** Form field names: `r.<unit>.<question>` (a rating), `x.<question>` (a written answer). */
export const ratingField = (unit: string, q: string) => `r.${unit}.${q}`;
export const textField = (q: string) => `x.${q}`;

function Likert(props: { name: string; legend: string; value: string; error?: string }) {
  const { lang } = useView();
  return (
    <fieldset class="field likert" data-field={props.name}>
      <legend>{props.legend}</legend>
      {LIKERT_LEVELS.map((l) => (
        <label class="check choice">
          <input type="radio" name={props.name} value={l} checked={props.value === l} />
          {labelOf('likert', l, lang)}
        </label>
      ))}
      {props.error ? <p class="error">{props.error}</p> : null}
    </fieldset>
  );
}

export function QuestionnairePage(props: {
  q: Questionnaire;
  action: string;
  token?: string;
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { lang } = useView();
  const { q } = props;
  const v = props.values ?? {};
  const e = props.errors ?? noErrors();
  const likert = q.questions.filter((x) => x.kind === 'likert');
  const written = q.questions.filter((x) => x.kind === 'text');
  return (
    <PublicFrame>
      <p class="muted">
        {q.tenant.name} · {q.cycle.name}
      </p>
      <h1 id="survey-title">{q.survey.title}</h1>
      {q.survey.intro ? <p class="note">{q.survey.intro}</p> : null}
      <p class="muted">{t(lang, q.verified ? 'svPubVerified' : 'svPubAnonymous')}</p>
      <form method="post" action={props.action} id="survey-answer" novalidate>
        <ErrorSummary errors={props.errors} />
        <Hidden name="start" value={str(v.start) || q.start} />
        {props.token ? <Hidden name="t" value={props.token} /> : null}
        <input type="hidden" name="device" id="f-device" value={str(v.device)} />
        {q.group ? (
          <p>
            {t(lang, 'svPubAnswerAs')}
            <strong>{q.group.label}</strong>
          </p>
        ) : (
          <fieldset class="field likert" id="f-group">
            <legend>{t(lang, 'svPubChooseGroup')}</legend>
            {q.groups.map((g) => (
              <label class="check choice">
                <input type="radio" name="group" value={g.key} checked={str(v.group) === g.key} />
                {g.label}
              </label>
            ))}
            {e.fields.group ? <p class="error">{e.fields.group}</p> : null}
          </fieldset>
        )}
        {q.units.length > 1 ? <p class="hint">{t(lang, 'svPubSkipHint')}</p> : null}
        {q.units.map((u) => (
          <section class="card" data-unit={u.code}>
            <h2>{u.name}</h2>
            {likert.map((x) => (
              <Likert
                name={ratingField(u.code, x.code)}
                legend={x.text}
                value={str(v[ratingField(u.code, x.code)])}
                {...(e.fields[`ratings.${u.code}`] ? { error: e.fields[`ratings.${u.code}`] } : {})}
              />
            ))}
          </section>
        ))}
        {e.fields.ratings ? <p class="error">{e.fields.ratings}</p> : null}
        {written.map((x) => (
          <div class="field">
            <label for={`f-${textField(x.code)}`}>{x.text}</label>
            <textarea id={`f-${textField(x.code)}`} name={textField(x.code)} rows={3} maxlength={500}>
              {str(v[textField(x.code)])}
            </textarea>
          </div>
        ))}
        <div class="default-submit" aria-hidden="true">
          <label for="f-website">{t(lang, 'pubWebsite')}</label>
          <input type="text" id="f-website" name="website" value="" tabindex={-1} autocomplete="off" />
        </div>
        <p>
          <button class="primary" type="submit" id="survey-submit">
            {t(lang, 'svPubSubmit')}
          </button>
        </p>
      </form>
      <script src={assetUrl('survey-answer.js')} defer />
    </PublicFrame>
  );
}

/** After the answer: thanks, and nothing else to do. */
export function ThanksPage() {
  const { lang } = useView();
  return (
    <PublicFrame>
      <section class="card" id="thanks" role="status">
        <h1>{t(lang, 'svPubThanksTitle')}</h1>
        <p>{t(lang, 'svPubThanks')}</p>
      </section>
    </PublicFrame>
  );
}

/** Used, closed, unknown or too many: a friendly word, never a stack of errors. */
export function SurveyMessage(props: { title: string; body: string }) {
  return (
    <PublicFrame>
      <section class="card" role="alert" id="survey-message">
        <h1>{props.title}</h1>
        <p>{props.body}</p>
      </section>
    </PublicFrame>
  );
}
