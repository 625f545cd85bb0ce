import { CONTRACTS } from '@jixiao/api/contracts';
import type { Unit, UnitGroup } from '@jixiao/core';
import type { Child } from 'hono/jsx';
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
import { UnitForm } from './form';

const update = CONTRACTS.units.update;

function UnitDetail(props: {
  code: string;
  unit?: Unit;
  division?: string;
  groups: UnitGroup[];
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { lang } = useView();
  const may = useMay();
  const { unit } = props;
  const href = `${BASE}/units/${seg(props.code)}`;
  const title = unit?.name ?? props.code;
  const facts: [string, Child][] = unit
    ? [
        [t(lang, 'unitCode'), unit.code],
        ...(props.division ? [[t(lang, 'division'), props.division] as [string, Child]] : []),
        [t(lang, 'createdAt'), formatDateTime(unit.createdAt, lang)],
        [t(lang, 'updatedAt'), formatDateTime(unit.updatedAt, lang)],
      ]
    : [];
  return (
    <>
      {may(update) ? (
        <h1>
          {t(lang, 'editUnit')}
          {t(lang, 'colon')}
          {title}
        </h1>
      ) : (
        <h1>{title}</h1>
      )}
      <Flash />
      {unit ? <Facts rows={facts} /> : null}
      {may(update) ? (
        <UnitForm
          mode="edit"
          action={href}
          values={props.values ?? (unit ? formValues(update, unit) : {})}
          errors={props.errors ?? noErrors()}
          groups={props.groups}
          reloadHref={href}
        />
      ) : null}
    </>
  );
}

async function show(c: Ctx, values?: FormValues, errors?: FormErrors) {
  const api = c.get('api');
  const code = param(c, 'code');
  const [r, groups] = await Promise.all([
    api.call(CONTRACTS.units.get, { params: { code } }),
    api.all(CONTRACTS.unitGroups.list, {}),
  ]);
  if (!r.ok && !values) return problemPage(c, r.problem);
  const unit = r.ok ? r.data : undefined;
  const division = unit?.divisionCode
    ? await api.call(CONTRACTS.divisions.get, { params: { code: unit.divisionCode } })
    : undefined;
  return c.render(
    <UnitDetail
      code={code}
      unit={unit}
      division={division?.ok ? division.data.fullName : undefined}
      groups={groups.ok ? groups.data.items : []}
      values={values}
      errors={errors}
    />,
    { title: unit?.name ?? code },
  );
}

/** `/console/units/:code`: a unit's facts and its edit form. */
export const unitDetail = {
  get: (c: Ctx) => show(c),
  post: async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const r = await c.get('api').call(update, { params: { code }, body: formBody(update, form) });
    if (r.ok) return redirectOk(c, `${BASE}/units/${seg(code)}`, 'updated');
    c.status(statusOf(r.status));
    return show(c, form, problemToFormErrors(r.problem, c.get('lang'), fieldNames(update)));
  },
};
