import { type ConsultationComment, labelOf, type PlanOpinion } from '@jixiao/core';
import { ErrorSummary } from '../../../../components/feedback';
import { Hidden } from '../../../../components/fields';
import { useView } from '../../../../context';
import { type FormErrors, type FormValues, str } from '../../../../forms';
import { formatDateTime, t } from '../../../../i18n';
import { Badge } from '../parts';

/**
 * One public comment (moderated and answered by the unit) and one forwarded opinion (replied to by
 * the unit). A refused POST brings back what was typed in that record's form, with the version the
 * form was loaded with: a second click after a colleague's change is refused again (the reload
 * link takes the fresh record) instead of overwriting it.
 */

export interface State {
  /** The record whose form was refused, and why. */
  at?: string;
  errors?: FormErrors;
  /** What was typed in that form. */
  values?: FormValues;
}

/** The refused form's state when it is this record's, else nothing. */
const mineOf = (state: State, id: string) => (state.at === id ? state : undefined);

/** The form's version: the one it was loaded with after a refusal, else the record's. */
const versionOf = (mine: State | undefined, fresh: number) => str(mine?.values?.version) || fresh;

/** The API's problem, the reload link on a conflict, and that the typed text is still here. */
function Refusal(props: { mine: State | undefined; reloadHref: string }) {
  const { lang } = useView();
  if (!props.mine) return null;
  return (
    <>
      <ErrorSummary errors={props.mine.errors} reloadHref={props.reloadHref} />
      {props.mine.errors?.code === 'version_conflict' ? <p class="notice">{t(lang, 'cuKeptInput')}</p> : null}
    </>
  );
}

/** Typed text the record no longer takes (a colleague moved it on): read-only, to copy. */
function KeptText(props: { id: string; label: string; text: string }) {
  if (!props.text.trim()) return null;
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <textarea id={props.id} readonly rows={3}>
        {props.text}
      </textarea>
    </div>
  );
}

export function CommentCard(props: {
  c: ConsultationComment;
  action: string;
  mayModerate: boolean;
  state: State;
}) {
  const { lang } = useView();
  const { c } = props;
  const mine = mineOf(props.state, c.id);
  const typed = (k: string) => str(mine?.values?.[k]);
  const tone = c.status === 'pending' ? 'todo' : c.status === 'published' ? 'done' : 'none';
  return (
    <section class="card" id={`c-${c.id}`} data-status={c.status}>
      <p>
        <Badge tone={tone} status={c.status}>
          {labelOf('commentStatus', c.status, lang)}
        </Badge>{' '}
        <span class="muted">
          {c.name || t(lang, 'cuAnonymous')} · {formatDateTime(c.createdAt, lang)}
        </span>
      </p>
      <p class="note">{c.text}</p>
      {c.contact ? (
        <p class="muted">
          {t(lang, 'cuContact')}
          {t(lang, 'colon')}
          {c.contact} ({t(lang, 'cuNotPublic')})
        </p>
      ) : null}
      {c.moderationNote ? (
        <p class="muted">
          {t(lang, 'cuModerationNote')}
          {t(lang, 'colon')}
          {c.moderationNote}
        </p>
      ) : null}
      {c.answer && !props.mayModerate ? (
        <p class="note">
          <strong>{t(lang, 'cuAnswer')}</strong>
          {t(lang, 'colon')}
          {c.answer}
        </p>
      ) : null}
      {props.mayModerate ? (
        <form method="post" action={`${props.action}/${c.id}`} class="stacked" id={`moderate-${c.id}`}>
          <Refusal mine={mine} reloadHref={props.action} />
          <Hidden name="version" value={versionOf(mine, c.version)} />
          {c.status === 'pending' ? (
            <div class="field">
              <label for={`f-note-${c.id}`}>{t(lang, 'cuModerationNote')}</label>
              <span class="hint">{t(lang, 'cuModerationNoteHint')}</span>
              <input
                type="text"
                id={`f-note-${c.id}`}
                name="moderationNote"
                maxlength={500}
                value={typed('moderationNote')}
              />
            </div>
          ) : null}
          {c.status !== 'rejected' ? (
            <div class="field">
              <label for={`f-answer-${c.id}`}>{t(lang, 'cuAnswer')}</label>
              <textarea id={`f-answer-${c.id}`} name="answer" rows={3} maxlength={2000}>
                {mine ? typed('answer') : (c.answer ?? '')}
              </textarea>
            </div>
          ) : (
            <KeptText id={`f-kept-answer-${c.id}`} label={t(lang, 'cuAnswer')} text={typed('answer')} />
          )}
          <p class="toolbar">
            {c.status === 'pending' ? (
              <>
                <button class="primary" type="submit" name="status" value="published">
                  {t(lang, 'cuPublish')}
                </button>
                <button class="danger" type="submit" name="status" value="rejected">
                  {t(lang, 'cuReject')}
                </button>
              </>
            ) : c.status === 'published' ? (
              <button class="primary" type="submit">
                {t(lang, 'cuSaveAnswer')}
              </button>
            ) : null}
          </p>
        </form>
      ) : null}
    </section>
  );
}

export function OpinionCard(props: {
  o: PlanOpinion;
  action: string;
  /** The comments page (the opinions have no page of their own). */
  reloadHref: string;
  mayReply: boolean;
  state: State;
}) {
  const { lang } = useView();
  const { o } = props;
  const mine = mineOf(props.state, o.id);
  const typed = str(mine?.values?.text);
  return (
    <section class="card" id={`o-${o.id}`} data-status={o.status}>
      <p>
        <Badge
          tone={o.status === 'forwarded' ? 'todo' : o.status === 'closed' ? 'done' : 'waiting'}
          status={o.status}
        >
          {labelOf('opinionStatus', o.status, lang)}
        </Badge>{' '}
        <span class="muted">
          {o.name || t(lang, 'cuAnonymous')} · {formatDateTime(o.createdAt, lang)}
        </span>
      </p>
      <p class="note">{o.text}</p>
      {o.forwardNote ? (
        <p class="note">
          <strong>{t(lang, 'cuForwardNote')}</strong>
          {t(lang, 'colon')}
          {o.forwardNote}
        </p>
      ) : null}
      {o.reply ? (
        <p class="note">
          <strong>{t(lang, 'cuReply')}</strong>
          {t(lang, 'colon')}
          {o.reply}
        </p>
      ) : null}
      {o.conclusion ? (
        <p class="note">
          <strong>{t(lang, 'cuConclusion')}</strong>
          {t(lang, 'colon')}
          {o.conclusion}
        </p>
      ) : null}
      {props.mayReply && o.status === 'forwarded' ? (
        <form method="post" action={`${props.action}/${o.id}`} class="stacked" id={`reply-${o.id}`}>
          <Refusal mine={mine} reloadHref={props.reloadHref} />
          <Hidden name="version" value={versionOf(mine, o.version)} />
          <Hidden name="action" value="reply" />
          <div class="field">
            <label for={`f-reply-${o.id}`}>{t(lang, 'cuReply')}</label>
            <textarea id={`f-reply-${o.id}`} name="text" rows={3} maxlength={2000}>
              {typed}
            </textarea>
          </div>
          <button class="primary" type="submit">
            {t(lang, 'cuSendReply')}
          </button>
        </form>
      ) : mine ? (
        // The opinion moved on (closed by the office) while the reply was typed.
        <div id={`reply-${o.id}`}>
          <Refusal mine={mine} reloadHref={props.reloadHref} />
          <KeptText id={`f-kept-reply-${o.id}`} label={t(lang, 'cuReply')} text={typed} />
        </div>
      ) : null}
    </section>
  );
}
