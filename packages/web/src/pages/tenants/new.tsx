import { CONTRACTS } from '@jixiao/api/contracts';
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
import { TenantForm } from './form';

const route = CONTRACTS.platformTenants.create;

function NewTenant(props: { values: FormValues; errors: FormErrors }) {
  const { lang } = useView();
  return (
    <>
      <h1>{t(lang, 'newTenant')}</h1>
      <TenantForm mode="new" action={`${BASE}/tenants/new`} values={props.values} errors={props.errors} />
    </>
  );
}

const show = (c: Ctx, values: FormValues, errors: FormErrors = noErrors()) =>
  c.render(<NewTenant values={values} errors={errors} />, { title: t(c.get('lang'), 'newTenant') });

/** `/console/tenants/new`: onboard a tenant by its division code. */
export const newTenant = {
  get: (c: Ctx) => show(c, { _idem: newIdempotencyKey(), planStatus: 'trial' }),
  post: async (c: Ctx) => {
    const form = await readForm(c);
    const idem = idempotencyKeyFrom(form);
    const r = await c.get('api').call(route, { body: formBody(route, form), idempotencyKey: idem });
    if (r.ok) return redirectOk(c, `${BASE}/tenants/${seg(r.data.code)}`, 'created');
    c.status(statusOf(r.status));
    return show(
      c,
      { ...form, _idem: idem },
      problemToFormErrors(r.problem, c.get('lang'), fieldNames(route)),
    );
  },
};
