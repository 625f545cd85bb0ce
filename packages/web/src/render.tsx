import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiClient, Problem } from './api';
import { type FormValues, normaliseForm } from './forms';
import { type Lang, t } from './i18n';
import type { Me } from './types';
import { MessagePage, type View } from './ui';

export type ConsoleEnv = {
  Variables: {
    lang: Lang;
    api: ApiClient;
    me: Me;
  };
};

export type Ctx = Context<ConsoleEnv>;

/** The view of the current request (language, caller, URL). */
export function view(c: Ctx): View {
  return { lang: c.get('lang'), me: c.get('me'), url: new URL(c.req.url) };
}

/** Sends a page: the doctype, then the rendered JSX. */
export async function render(c: Ctx, page: unknown, status: ContentfulStatusCode = 200) {
  const html = String(await (page as Promise<string> | string));
  c.header('cache-control', 'no-store');
  return c.html(`<!doctype html>${html}`, status);
}

const asStatus = (n: number): ContentfulStatusCode =>
  (n >= 200 && n <= 599 ? n : 500) as ContentfulStatusCode;

/** A page explaining an API refusal (403, 404, …) in the user's language. */
export function problemPage(c: Ctx, problem: Problem) {
  const v = view(c);
  const title =
    problem.status === 404
      ? t(v.lang, 'notFoundTitle')
      : problem.status === 403
        ? t(v.lang, 'forbiddenTitle')
        : t(v.lang, 'errorTitle');
  return render(
    c,
    <MessagePage v={v} title={title} body={problem.message[v.lang]} requestId={problem.requestId} />,
    asStatus(problem.status),
  );
}

export const statusOf = asStatus;

/** The submitted form, normalised. */
export async function readForm(c: Ctx): Promise<FormValues> {
  return normaliseForm((await c.req.parseBody({ all: true })) as Record<string, unknown>);
}
