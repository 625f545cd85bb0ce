import { CONTRACTS } from '@jixiao/api/contracts';
import type { Unit, UnitGroup } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import { problemPage } from '../../components/message-page';
import { RecordPage, updatePost } from '../../components/record-page';
import { BASE, type Ctx, param, seg, useView } from '../../context';
import { type FormErrors, type FormValues, formValues, noErrors } from '../../forms';
import { formatDateTime, t } from '../../i18n';
import { UnitForm } from './form';

const update = CONTRACTS.units.update;

const unitHref = (code: string) => `${BASE}/units/${seg(code)}`;

function UnitDetail(props: {
  code: string;
  unit?: Unit;
  division?: string;
  groups: UnitGroup[];
  values?: FormValues;
  errors?: FormErrors;
}) {
  const { lang } = useView();
  const { unit } = props;
  const href = unitHref(props.code);
  const facts: [string, Child][] | undefined = unit && [
    [t(lang, 'unitCode'), unit.code],
    ...(props.division ? [[t(lang, 'division'), props.division] as [string, Child]] : []),
    [t(lang, 'createdAt'), formatDateTime(unit.createdAt, lang)],
    [t(lang, 'updatedAt'), formatDateTime(unit.updatedAt, lang)],
  ];
  return (
    <RecordPage
      update={update}
      editTitle="editUnit"
      title={unit?.name ?? props.code}
      facts={facts}
      form={
        <UnitForm
          mode="edit"
          action={href}
          values={props.values ?? (unit ? formValues(update, unit) : {})}
          errors={props.errors ?? noErrors()}
          groups={props.groups}
          reloadHref={href}
        />
      }
    />
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
  post: updatePost({
    route: update,
    input: (c, body) => ({ params: { code: param(c, 'code') }, body }),
    saved: (c) => unitHref(param(c, 'code')),
    show,
  }),
};
