import { CONTRACTS } from '@jixiao/api/contracts';
import type { UnitGroup } from '@jixiao/core';
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
import { UnitForm } from './form';

const route = CONTRACTS.units.create;

function NewUnit(props: { values: FormValues; errors: FormErrors; groups: UnitGroup[] }) {
  const { lang } = useView();
  return (
    <>
      <h1>{t(lang, 'newUnit')}</h1>
      <UnitForm
        mode="new"
        action={`${BASE}/units/new`}
        values={props.values}
        errors={props.errors}
        groups={props.groups}
      />
    </>
  );
}

async function show(c: Ctx, values: FormValues, errors: FormErrors = noErrors()) {
  const groups = await c.get('api').all(CONTRACTS.unitGroups.list, {});
  return c.render(<NewUnit values={values} errors={errors} groups={groups.ok ? groups.data.items : []} />, {
    title: t(c.get('lang'), 'newUnit'),
  });
}

/** `/console/units/new`: create a unit (in the group the list was filtered by). */
export const newUnit = {
  get: (c: Ctx) => show(c, { _idem: newIdempotencyKey(), active: 'true', group: c.req.query('group') ?? '' }),
  post: async (c: Ctx) => {
    const form = await readForm(c);
    const idem = idempotencyKeyFrom(form);
    const r = await c.get('api').call(route, { body: formBody(route, form), idempotencyKey: idem });
    if (r.ok) return redirectOk(c, `${BASE}/units/${seg(r.data.code)}`, 'created');
    c.status(statusOf(r.status));
    return show(
      c,
      { ...form, _idem: idem },
      problemToFormErrors(r.problem, c.get('lang'), fieldNames(route)),
    );
  },
};
