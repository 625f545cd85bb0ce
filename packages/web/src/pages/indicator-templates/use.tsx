import { CONTRACTS } from '@jixiao/api/contracts';
import { Hidden } from '../../components/fields';
import { statusOf } from '../../components/message-page';
import { type Ctx, param, redirectOk, seg, useView } from '../../context';
import { idempotencyKeyFrom, newIdempotencyKey, problemToFormErrors, readForm } from '../../forms';
import { t } from '../../i18n';
import { TEMPLATES, versionHref } from '../indicator-systems/paths';
import { galleryPage } from './gallery';

/** The 使用此模板 button: posts to `…/:id/use`. */
export function UseTemplate(props: { id: string }) {
  const { lang } = useView();
  return (
    <form method="post" action={`${TEMPLATES}/${seg(props.id)}/use`} class="inline">
      <Hidden name="_idem" value={newIdempotencyKey()} />
      <button class="primary" type="submit">
        {t(lang, 'tplUse')}
      </button>
    </form>
  );
}

/** `POST /console/indicator-templates/:id/use`: a draft from the template, straight into its editor. */
export async function useTemplate(c: Ctx) {
  const form = await readForm(c);
  const r = await c.get('api').call(CONTRACTS.systems.create, {
    body: { template: param(c, 'id') },
    idempotencyKey: idempotencyKeyFrom(form),
  });
  if (r.ok) return redirectOk(c, `${versionHref(r.data.id, r.data.systemVersion)}/edit`, 'created');
  c.status(statusOf(r.status));
  return galleryPage(c, problemToFormErrors(r.problem, c.get('lang'), []));
}
