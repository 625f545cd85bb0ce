import { CONTRACTS } from '@jixiao/api/contracts';
import type { UnitGroup } from '@jixiao/core';
import { ErrorSummary, Flash } from '../../components/feedback';
import { Facts, Hidden } from '../../components/fields';
import { problemPage, statusOf } from '../../components/message-page';
import { BASE, type Ctx, param, redirectOk, seg, useView } from '../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  formValues,
  noErrors,
  problemToFormErrors,
  readForm,
  str,
} from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { useMay } from '../../policy';
import { GroupForm } from './form';

const update = CONTRACTS.unitGroups.update;
const remove = CONTRACTS.unitGroups.remove;

interface State {
  values?: FormValues;
  errors?: FormErrors;
  deleteErrors?: FormErrors;
}

function GroupDetail(props: { code: string; group?: UnitGroup; state: State }) {
  const { lang } = useView();
  const may = useMay();
  const { group, state } = props;
  const href = `${BASE}/unit-groups/${seg(props.code)}`;
  const title = group?.name ?? props.code;
  return (
    <>
      {may(update) ? (
        <h1>
          {t(lang, 'editUnitGroup')}
          {t(lang, 'colon')}
          {title}
        </h1>
      ) : (
        <h1>{title}</h1>
      )}
      <Flash />
      {group ? (
        <Facts
          rows={[
            [t(lang, 'code'), group.code],
            [t(lang, 'createdAt'), formatDateTime(group.createdAt, lang)],
            [t(lang, 'updatedAt'), formatDateTime(group.updatedAt, lang)],
          ]}
        />
      ) : null}
      {may(update) ? (
        <GroupForm
          mode="edit"
          action={href}
          values={state.values ?? (group ? formValues(update, group) : {})}
          errors={state.errors ?? noErrors()}
          reloadHref={href}
        />
      ) : null}
      {group && may(remove) ? (
        <form method="post" action={`${href}/delete`} class="card">
          <h2>{t(lang, 'deleteUnitGroup')}</h2>
          <ErrorSummary errors={state.deleteErrors} reloadHref={href} />
          <p class="muted">{t(lang, 'deleteUnitGroupHint')}</p>
          <Hidden name="version" value={group.version} />
          <button class="danger" type="submit">
            {t(lang, 'delete')}
          </button>
        </form>
      ) : null}
    </>
  );
}

async function show(c: Ctx, state: State = {}) {
  const code = param(c, 'code');
  const r = await c.get('api').call(CONTRACTS.unitGroups.get, { params: { code } });
  if (!r.ok && !state.values) return problemPage(c, r.problem);
  const group = r.ok ? r.data : undefined;
  return c.render(<GroupDetail code={code} group={group} state={state} />, { title: group?.name ?? code });
}

/** `/console/unit-groups/:code`: a group, its edit form, and deleting it (`…/delete`). */
export const groupDetail = {
  get: (c: Ctx) => show(c),
  post: async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const r = await c.get('api').call(update, { params: { code }, body: formBody(update, form) });
    if (r.ok) return redirectOk(c, `${BASE}/unit-groups/${seg(code)}`, 'updated');
    c.status(statusOf(r.status));
    return show(c, {
      values: form,
      errors: problemToFormErrors(r.problem, c.get('lang'), fieldNames(update)),
    });
  },
  delete: async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const r = await c.get('api').call(remove, { params: { code }, query: { version: str(form.version) } });
    if (r.ok) return redirectOk(c, `${BASE}/unit-groups`, 'deleted');
    c.status(statusOf(r.status));
    return show(c, { deleteErrors: problemToFormErrors(r.problem, c.get('lang'), []) });
  },
};
