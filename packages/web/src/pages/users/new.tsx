import { CONTRACTS } from '@jixiao/api/contracts';
import { createPage } from '../../components/record-page';
import { BASE, seg } from '../../context';
import { t } from '../../i18n';
import { UserForm } from './form';

/** `/console/users/new`: create a user (of the unit the list was filtered by). */
export const newUser = createPage({
  route: CONTRACTS.users.create,
  input: (body) => ({ body }),
  blank: (c) => ({ active: 'true', unit: c.req.query('unit') ?? '' }),
  created: (user) => `${BASE}/users/${seg(user.id)}`,
  show: async (c, values, errors) => {
    const units = await c.get('api').all(CONTRACTS.units.list, {});
    const title = t(c.get('lang'), 'newUser');
    return c.render(
      <>
        <h1>{title}</h1>
        <UserForm
          mode="new"
          action={`${BASE}/users/new`}
          values={values}
          errors={errors}
          units={units.ok ? units.data.items : []}
        />
      </>,
      { title },
    );
  },
});
