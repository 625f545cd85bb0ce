import { CONTRACTS } from '@jixiao/api/contracts';
import { UNIT_TYPE_LABELS, type UnitGroup } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { ActiveBadge } from '../../components/badges';
import { SelectField } from '../../components/fields';
import { ListPage } from '../../components/list-page';
import { problemPage } from '../../components/message-page';
import { BASE, type Ctx, PAGE_SIZE, seg, useView, withQuery } from '../../context';
import { formatDateTime, pick, t } from '../../i18n';
import { useMay } from '../../policy';
import { groupOptions } from './form';

function UnitList(props: {
  page: SuccessOf<typeof CONTRACTS.units.list>;
  groups: UnitGroup[];
  group?: string;
  hasPrev: boolean;
}) {
  const { lang } = useView();
  const may = useMay();
  const groupName = new Map(props.groups.map((g) => [g.code, g.name]));
  return (
    <ListPage
      title={t(lang, 'unitsTitle')}
      actions={
        may(CONTRACTS.units.create) ? (
          <a class="button" href={withQuery(`${BASE}/units/new`, { group: props.group })}>
            {t(lang, 'newUnit')}
          </a>
        ) : undefined
      }
      filter={{
        action: `${BASE}/units`,
        fields: (
          <SelectField
            name="group"
            label={t(lang, 'group')}
            options={groupOptions(props.groups)}
            value={props.group ?? ''}
            empty={t(lang, 'all')}
          />
        ),
      }}
      items={props.page.items}
      columns={[
        { label: t(lang, 'unitCode'), cell: (u) => <a href={`${BASE}/units/${seg(u.code)}`}>{u.code}</a> },
        { label: t(lang, 'name'), cell: (u) => u.name },
        { label: t(lang, 'unitType'), cell: (u) => pick(lang, UNIT_TYPE_LABELS[u.type]) },
        { label: t(lang, 'group'), cell: (u) => groupName.get(u.group) ?? u.group },
        { label: t(lang, 'status'), cell: (u) => <ActiveBadge active={u.active} /> },
        { label: t(lang, 'updatedAt'), cell: (u) => formatDateTime(u.updatedAt, lang) },
      ]}
      nextCursor={props.page.nextCursor}
      hasPrev={props.hasPrev}
    />
  );
}

/** `GET /console/units`: the units, filtered by group, a page at a time. */
export async function unitList(c: Ctx) {
  const api = c.get('api');
  const cursor = c.req.query('cursor');
  const group = c.req.query('group') || undefined;
  const [groups, r] = await Promise.all([
    api.all(CONTRACTS.unitGroups.list, {}),
    api.call(CONTRACTS.units.list, { query: { group, limit: PAGE_SIZE, cursor } }),
  ]);
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(
    <UnitList page={r.data} groups={groups.ok ? groups.data.items : []} group={group} hasPrev={!!cursor} />,
    { title: t(c.get('lang'), 'unitsTitle') },
  );
}
