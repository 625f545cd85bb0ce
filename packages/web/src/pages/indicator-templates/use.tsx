import { CONTRACTS } from '@jixiao/api/contracts';
import type { TemplateSummary } from '@jixiao/core';
import { CheckboxGroup, Hidden } from '../../components/fields';
import { statusOf } from '../../components/message-page';
import { type Ctx, param, redirectOk, seg, useView } from '../../context';
import { idempotencyKeyFrom, list, newIdempotencyKey, problemToFormErrors, readForm } from '../../forms';
import { t } from '../../i18n';
import { TEMPLATES, versionHref } from '../indicator-systems/paths';
import { galleryPage } from './gallery';

/** The tenant's unit groups, as options for mapping a template's groups. */
export type GroupOption = { value: string; label: string };

/**
 * The 使用此模板 button: posts to `…/:id/use`. A template whose leaves name unit groups (e.g.
 * `approval`) asks which of the tenant's groups each one means, when the tenant's groups are given;
 * without them (the gallery) it leads to the preview, where they are.
 */
export function UseTemplate(props: {
  id: string;
  groups?: TemplateSummary['groups'];
  tenantGroups?: readonly GroupOption[];
}) {
  const { lang } = useView();
  const templateGroups = props.groups ?? [];
  if (templateGroups.length > 0 && !props.tenantGroups)
    return (
      <a class="button" href={`${TEMPLATES}/${seg(props.id)}#use`}>
        {t(lang, 'tplUse')}
      </a>
    );
  return (
    <form method="post" action={`${TEMPLATES}/${seg(props.id)}/use`} class="inline" id="use">
      <Hidden name="_idem" value={newIdempotencyKey()} />
      {templateGroups.map((g) => (
        <CheckboxGroup
          name={`groups.${g.code}`}
          legend={t(lang, 'tplGroupMap', { group: g.name[lang], code: g.code })}
          hint={t(lang, 'tplGroupMapHint')}
          options={props.tenantGroups ?? []}
          values={[]}
        />
      ))}
      <button class="primary" type="submit">
        {t(lang, 'tplUse')}
      </button>
    </form>
  );
}

/** `POST /console/indicator-templates/:id/use`: a draft from the template, straight into its editor. */
export async function useTemplate(c: Ctx) {
  const form = await readForm(c);
  const groups = Object.fromEntries(
    Object.keys(form).flatMap((k) => {
      const code = /^groups\.(.+)$/.exec(k)?.[1];
      const chosen = code ? list(form[k]).filter((x) => x.trim() !== '') : [];
      return code && chosen.length ? [[code, chosen]] : [];
    }),
  );
  const r = await c.get('api').call(CONTRACTS.systems.create, {
    body: { template: param(c, 'id'), ...(Object.keys(groups).length ? { groups } : {}) },
    idempotencyKey: idempotencyKeyFrom(form),
  });
  if (r.ok) return redirectOk(c, `${versionHref(r.data.id, r.data.systemVersion)}/edit`, 'created');
  c.status(statusOf(r.status));
  return galleryPage(c, problemToFormErrors(r.problem, c.get('lang'), []));
}
