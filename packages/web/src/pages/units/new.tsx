import { CONTRACTS } from '@jixiao/api/contracts';
import { createPage } from '../../components/record-page';
import { BASE, seg } from '../../context';
import { t } from '../../i18n';
import { UnitForm } from './form';

/** `/console/units/new`: create a unit (in the group the list was filtered by). */
export const newUnit = createPage({
  route: CONTRACTS.units.create,
  input: (body) => ({ body }),
  blank: (c) => ({ active: 'true', group: c.req.query('group') ?? '' }),
  created: (unit) => `${BASE}/units/${seg(unit.code)}`,
  show: async (c, values, errors) => {
    const groups = await c.get('api').all(CONTRACTS.unitGroups.list, {});
    const title = t(c.get('lang'), 'newUnit');
    return c.render(
      <>
        <h1>{title}</h1>
        <UnitForm
          mode="new"
          action={`${BASE}/units/new`}
          values={values}
          errors={errors}
          groups={groups.ok ? groups.data.items : []}
        />
      </>,
      { title },
    );
  },
});
