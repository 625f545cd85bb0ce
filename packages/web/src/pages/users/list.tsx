import { CONTRACTS } from '@jixiao/api/contracts';
import type { Unit } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { ActiveBadge, rolesText } from '../../components/badges';
import { SelectField } from '../../components/fields';
import { ListPage } from '../../components/list-page';
import { problemPage } from '../../components/message-page';
import { BASE, type Ctx, PAGE_SIZE, seg, useView, withQuery } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { useMay } from '../../policy';
import { unitOptions } from './form';

function UserList(props: {
  page: SuccessOf<typeof CONTRACTS.users.list>;
  units: Unit[];
  unit?: string;
  hasPrev: boolean;
}) {
  const { lang } = useView();
  const may = useMay();
  const unitName = new Map(props.units.map((u) => [u.code, u.name]));
  return (
    <ListPage
      title={t(lang, 'usersTitle')}
      actions={
        may(CONTRACTS.users.create) ? (
          <a class="button" href={withQuery(`${BASE}/users/new`, { unit: props.unit })}>
            {t(lang, 'newUser')}
          </a>
        ) : undefined
      }
      filter={{
        action: `${BASE}/users`,
        fields: (
          <SelectField
            name="unit"
            label={t(lang, 'unit')}
            options={unitOptions(props.units)}
            value={props.unit ?? ''}
            empty={t(lang, 'all')}
          />
        ),
      }}
      items={props.page.items}
      columns={[
        { label: t(lang, 'name'), cell: (u) => <a href={`${BASE}/users/${seg(u.id)}`}>{u.name}</a> },
        { label: t(lang, 'roles'), cell: (u) => rolesText(lang, u.roles) },
        { label: t(lang, 'unit'), cell: (u) => (u.unit ? (unitName.get(u.unit) ?? u.unit) : '') },
        { label: t(lang, 'email'), cell: (u) => u.email ?? '' },
        { label: t(lang, 'phone'), cell: (u) => u.phone ?? '' },
        { label: t(lang, 'status'), cell: (u) => <ActiveBadge active={u.active} /> },
        { label: t(lang, 'updatedAt'), cell: (u) => formatDateTime(u.updatedAt, lang) },
      ]}
      nextCursor={props.page.nextCursor}
      hasPrev={props.hasPrev}
    />
  );
}

/** `GET /console/users`: the users, filtered by unit, a page at a time. */
export async function userList(c: Ctx) {
  const api = c.get('api');
  const cursor = c.req.query('cursor');
  const unit = c.req.query('unit') || undefined;
  const [units, r] = await Promise.all([
    api.all(CONTRACTS.units.list, {}),
    api.call(CONTRACTS.users.list, { query: { unit, limit: PAGE_SIZE, cursor } }),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(
    <UserList page={r.data} units={units.ok ? units.data.items : []} unit={unit} hasPrev={!!cursor} />,
    { title: t(c.get('lang'), 'usersTitle') },
  );
}
