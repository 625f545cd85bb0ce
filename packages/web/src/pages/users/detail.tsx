import { CONTRACTS } from '@jixiao/api/contracts';
import type { Unit, User } from '@jixiao/core';
import { problemPage } from '../../components/message-page';
import { RecordPage, updatePost } from '../../components/record-page';
import { BASE, type Ctx, param, seg, useView } from '../../context';
import { type FormErrors, type FormValues, formValues, noErrors } from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { UserForm } from './form';

const update = CONTRACTS.users.update;

const userHref = (id: string) => `${BASE}/users/${seg(id)}`;

function UserDetail(props: {
  id: string;
  user?: User;
  units: Unit[];
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { lang } = useView();
  const { user } = props;
  const href = userHref(props.id);
  return (
    <RecordPage
      update={update}
      editTitle="editUser"
      title={user?.name ?? props.id}
      facts={
        user && [
          [t(lang, 'userId'), user.id],
          [t(lang, 'createdAt'), formatDateTime(user.createdAt, lang)],
          [t(lang, 'updatedAt'), formatDateTime(user.updatedAt, lang)],
        ]
      }
      form={
        <UserForm
          mode="edit"
          action={href}
          values={props.values ?? (user ? formValues(update, user) : {})}
          errors={props.errors ?? noErrors()}
          units={props.units}
          reloadHref={href}
        />
      }
    />
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
  post: updatePost({
    route: update,
    input: (c, body) => ({ params: { id: param(c, 'id') }, body }),
    saved: (c) => userHref(param(c, 'id')),
    show,
  }),
};
