import { CONTRACTS } from '@jixiao/api/contracts';
import type { Unit, User } from '@jixiao/core';
import { Flash } from '../../components/feedback';
import { Facts } from '../../components/fields';
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
} from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { useMay } from '../../policy';
import { UserForm } from './form';

const update = CONTRACTS.users.update;

function UserDetail(props: {
  id: string;
  user?: User;
  units: Unit[];
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { lang } = useView();
  const may = useMay();
  const { user } = props;
  const href = `${BASE}/users/${seg(props.id)}`;
  const title = user?.name ?? props.id;
  return (
    <>
      {may(update) ? (
        <h1>
          {t(lang, 'editUser')}
          {t(lang, 'colon')}
          {title}
        </h1>
      ) : (
        <h1>{title}</h1>
      )}
      <Flash />
      {user ? (
        <Facts
          rows={[
            [t(lang, 'userId'), user.id],
            [t(lang, 'createdAt'), formatDateTime(user.createdAt, lang)],
            [t(lang, 'updatedAt'), formatDateTime(user.updatedAt, lang)],
          ]}
        />
      ) : null}
      {may(update) ? (
        <UserForm
          mode="edit"
          action={href}
          values={props.values ?? (user ? formValues(update, user) : {})}
          errors={props.errors ?? noErrors()}
          units={props.units}
          reloadHref={href}
        />
      ) : null}
    </>
  );
}

async function show(c: Ctx, values?: FormValues, errors?: FormErrors) {
  const api = c.get('api');
  const id = param(c, 'id');
  const [r, units] = await Promise.all([
    api.call(CONTRACTS.users.get, { params: { id } }),
    api.all(CONTRACTS.units.list, {}),
  ]);
  if (!r.ok && !values) return problemPage(c, r.problem);
  const user = r.ok ? r.data : undefined;
  return c.render(
    <UserDetail
      id={id}
      user={user}
      units={units.ok ? units.data.items : []}
      values={values}
      errors={errors}
    />,
    { title: user?.name ?? id },
  );
}

/** `/console/users/:id`: a user's facts and its edit form. */
export const userDetail = {
  get: (c: Ctx) => show(c),
  post: async (c: Ctx) => {
    const id = param(c, 'id');
    const form = await readForm(c);
    const r = await c.get('api').call(update, { params: { id }, body: formBody(update, form) });
    if (r.ok) return redirectOk(c, `${BASE}/users/${seg(id)}`, 'updated');
    c.status(statusOf(r.status));
    return show(c, form, problemToFormErrors(r.problem, c.get('lang'), fieldNames(update)));
  },
};
