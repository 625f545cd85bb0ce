import type { Problem } from '@jixiao/core';
import { statusOf } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { t } from '../../i18n';
import { PublicFrame } from './parts';
import { isTenant, portalHref } from './paths';

/** A public page that cannot be shown (not found, closed …): no sign-in link, the tenant's public home instead. */
function PublicMessage(props: { title: string; body: string; tenant: string }) {
  const { lang } = useView();
  return (
    <PublicFrame>
      <div class="card" role="alert">
        <h1>{props.title}</h1>
        <p>{props.body}</p>
        {isTenant(props.tenant) ? (
          <p>
            <a href={portalHref(props.tenant)}>{t(lang, 'ptHomeLink')}</a>
          </p>
        ) : null}
      </div>
    </PublicFrame>
  );
}

export function publicProblem(c: Ctx, status: number, tenant: string, problem?: Problem) {
  const lang = c.get('lang');
  const notFound = status === 404 || !problem;
  const title = t(lang, notFound ? 'notFoundTitle' : 'errorTitle');
  const body = notFound ? t(lang, 'pubNotFound') : problem.message[lang];
  c.status(statusOf(notFound ? 404 : status));
  return c.render(<PublicMessage title={title} body={body} tenant={tenant} />, { title });
}
