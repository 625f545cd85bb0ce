import { CONTRACTS } from '@jixiao/api/contracts';
import type { SuccessOf } from '../../client/api-client';
import { ListPage } from '../../components/list-page';
import { problemPage } from '../../components/message-page';
import { createPage } from '../../components/record-page';
import { BASE, PAGE_SIZE, seg, useView } from '../../context';
import type { FormErrors, FormValues } from '../../forms';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { useMay } from '../../policy';
import { GroupForm } from './form';

const create = CONTRACTS.unitGroups.create;

function GroupList(props: {
  page: SuccessOf<typeof CONTRACTS.unitGroups.list>;
  hasPrev: boolean;
  values: FormValues;
  errors: FormErrors;
}) {
  const { lang } = useView();
  const may = useMay();
  return (
    <>
      <ListPage
        title={t(lang, 'unitGroupsTitle')}
        items={props.page.items}
        columns={[
          {
            label: t(lang, 'code'),
            cell: (g) => <a href={`${BASE}/unit-groups/${seg(g.code)}`}>{g.code}</a>,
          },
          { label: t(lang, 'name'), cell: (g) => g.name },
          { label: t(lang, 'description'), cell: (g) => g.description ?? '' },
          { label: t(lang, 'sortOrder'), num: true, cell: (g) => formatNumber(g.sortOrder) },
          { label: t(lang, 'updatedAt'), cell: (g) => formatDateTime(g.updatedAt, lang) },
        ]}
        nextCursor={props.page.nextCursor}
        hasPrev={props.hasPrev}
      />
      {may(create) ? (
        <>
          <h2 class="mt">{t(lang, 'newUnitGroup')}</h2>
          <GroupForm mode="new" action={`${BASE}/unit-groups`} values={props.values} errors={props.errors} />
        </>
      ) : null}
    </>
  );
}

/** `/console/unit-groups`: the groups, and the form that creates one. */
export const groupList = createPage({
  route: create,
  input: (body) => ({ body }),
  blank: () => ({ sortOrder: '100' }),
  created: () => `${BASE}/unit-groups`,
  show: async (c, values, errors) => {
    const cursor = c.req.query('cursor');
    const r = await c.get('api').call(CONTRACTS.unitGroups.list, { query: { limit: PAGE_SIZE, cursor } });
    if (!r.ok) return problemPage(c, r.problem);
    return c.render(<GroupList page={r.data} hasPrev={!!cursor} values={values} errors={errors} />, {
      title: t(c.get('lang'), 'unitGroupsTitle'),
    });
  },
});
