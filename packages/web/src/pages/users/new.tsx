import { CONTRACTS } from '@jixiao/api/contracts';
import type { Unit } from '@jixiao/core';
import { statusOf } from '../../components/message-page';
import { BASE, type Ctx, redirectOk, seg, useView } from '../../context';
import {
  type FormErrors,
  type FormValues,
  fieldNames,
  formBody,
  idempotencyKeyFrom,
  newIdempotencyKey,
  noErrors,
  problemToFormErrors,
  readForm,
} from '../../forms';
import { t } from '../../i18n';
import { UserForm } from './form';

const route = CONTRACTS.users.create;

function NewUser(props: { values: FormValues; errors: FormErrors; units: Unit[] }) {
  const { lang } = useView();
  return (
    <>
      <h1>{t(lang, 'newUser')}</h1>
      <UserForm
        mode="new"
        action={`${BASE}/users/new`}
        values={props.values}
        errors={props.errors}
        units={props.units}
      />
    </>
  );
}

async function show(c: Ctx, values: FormValues, errors: FormErrors = noErrors()) {
  const units = await c.get('api').all(CONTRACTS.units.list, {});
  return c.render(<NewUser values={values} errors={errors} units={units.ok ? units.data.items : []} />, {
    title: t(c.get('lang'), 'newUser'),
  });
}

/** `/console/users/new`: create a user (of the unit the list was filtered by). */
export const newUser = {
  get: (c: Ctx) => show(c, { _idem: newIdempotencyKey(), active: 'true', unit: c.req.query('unit') ?? '' }),
  post: async (c: Ctx) => {
    const form = await readForm(c);
    const idem = idempotencyKeyFrom(form);
    const r = await c.get('api').call(route, { body: formBody(route, form), idempotencyKey: idem });
    if (r.ok) return redirectOk(c, `${BASE}/users/${seg(r.data.id)}`, 'created');
    c.status(statusOf(r.status));
    return show(
      c,
      { ...form, _idem: idem },
      problemToFormErrors(r.problem, c.get('lang'), fieldNames(route)),
    );
  },
};
