import { CONTRACTS } from '@jixiao/api/contracts';
import type { UnitGroup } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { Hidden } from '../../components/fields';
import { problemPage, statusOf } from '../../components/message-page';
import { RecordPage, updatePost } from '../../components/record-page';
import { BASE, type Ctx, param, redirectOk, seg, useView } from '../../context';
import {
  type FormErrors,
  type FormValues,
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

const groupHref = (code: string) => `${BASE}/unit-groups/${seg(code)}`;

function GroupDetail(props: { code: string; group?: UnitGroup; state: State }) {
  const { lang } = useView();
  const may = useMay();
  const { group, state } = props;
  const href = groupHref(props.code);
  return (
    <RecordPage
      update={update}
      editTitle="editUnitGroup"
      title={group?.name ?? props.code}
      facts={
        group && [
          [t(lang, 'code'), group.code],
          [t(lang, 'createdAt'), formatDateTime(group.createdAt, lang)],
          [t(lang, 'updatedAt'), formatDateTime(group.updatedAt, lang)],
        ]
      }
      form={
        <GroupForm
          mode="edit"
          action={href}
          values={state.values ?? (group ? formValues(update, group) : {})}
          errors={state.errors ?? noErrors()}
          reloadHref={href}
        />
      }
    >
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
    </RecordPage>
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
  post: updatePost({
    route: update,
    input: (c, body) => ({ params: { code: param(c, 'code') }, body }),
    saved: (c) => groupHref(param(c, 'code')),
    show: (c, values, errors) => show(c, { values, errors }),
  }),
  delete: async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const r = await c.get('api').call(remove, { params: { code }, query: { version: str(form.version) } });
    if (r.ok) return redirectOk(c, `${BASE}/unit-groups`, 'deleted');
    c.status(statusOf(r.status));
    return show(c, { deleteErrors: problemToFormErrors(r.problem, c.get('lang'), []) });
  },
};
