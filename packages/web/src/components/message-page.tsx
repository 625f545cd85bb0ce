import type { Problem } from '@jixiao/core';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BASE, type Ctx, useView } from '../context';
import { t } from '../i18n';

/** An HTTP status for a page: the API's own, or 500 for anything out of range. */
export const statusOf = (n: number): ContentfulStatusCode =>
  (n >= 200 && n <= 599 ? n : 500) as ContentfulStatusCode;

/** A full-page message (not found, refused, failed), inside the layout. */
export function MessagePage(props: { title: string; body: string; requestId?: string; alert: boolean }) {
  const { lang } = useView();
  return (
    <div class="card" role={props.alert ? 'alert' : undefined}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.requestId ? (
        <p class="muted">
          {t(lang, 'requestId')}
          {t(lang, 'colon')}
          {props.requestId}
        </p>
      ) : null}
      <p>
        <a href={BASE}>{t(lang, 'backHome')}</a>
      </p>
    </div>
  );
}

/** Answers with a message page and the given status. */
export function messagePage(
  c: Ctx,
  status: number,
  page: { title: string; body: string; requestId?: string | undefined },
) {
  c.status(statusOf(status));
  return c.render(
    <MessagePage
      title={page.title}
      body={page.body}
      requestId={page.requestId || undefined}
      alert={status !== 404}
    />,
    { title: page.title },
  );
}

/** A page explaining an API refusal (403, 404, …) in the user's language, with the API's status. */
export function problemPage(c: Ctx, problem: Problem) {
  const lang = c.get('lang');
  const title =
    problem.status === 404
      ? t(lang, 'notFoundTitle')
      : problem.status === 403
        ? t(lang, 'forbiddenTitle')
        : t(lang, 'errorTitle');
  return messagePage(c, problem.status, { title, body: problem.message[lang], requestId: problem.requestId });
}

/** A problem of the console's own (a malformed URL), shaped as the API's. */
export const consoleProblem = (
  status: number,
  code: string,
  message: { zh: string; en: string },
): Problem => ({
  type: 'about:blank',
  title: code,
  status,
  code,
  message,
  instance: '',
  requestId: '',
});
