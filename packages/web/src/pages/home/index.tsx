import { CONTRACTS } from '@jixiao/api/contracts';
import type { Role } from '@jixiao/core';
import { roleLabel } from '../../components/badges';
import { type Ctx, useView } from '../../context';
import { type MessageKey, t } from '../../i18n';
import { may, officeWide } from '../../policy';
import { AdminCards, loadAdmin } from './admin';
import { ExpertCard, loadExpert } from './expert';
import { loadOperator, OperatorCard } from './operator';
import { loadProvince, ProvinceCard } from './province';
import { loadUnit, UnitCard } from './unit';

/** What each role will do here, until its pages exist (a description, not a permission). */
const WELCOME: Partial<Record<Role, MessageKey>> = {
  data_provider: 'welcomeDataProvider',
  evaluator: 'welcomeEvaluator',
  observer: 'welcomeObserver',
};

interface HomeData {
  operator?: Awaited<ReturnType<typeof loadOperator>>;
  admin?: Awaited<ReturnType<typeof loadAdmin>>;
  unit?: Awaited<ReturnType<typeof loadUnit>>;
  province?: Awaited<ReturnType<typeof loadProvince>>;
  expert?: Awaited<ReturnType<typeof loadExpert>>;
}

function Home(props: HomeData) {
  const { lang, me } = useView();
  const roles = me?.identity.roles ?? [];
  const welcome = roles.flatMap((role) => {
    const key = WELCOME[role];
    return key ? [{ role, key }] : [];
  });
  const any =
    props.operator || props.admin || props.unit || props.province || props.expert || welcome.length > 0;
  return (
    <>
      <h1>{t(lang, 'welcome', { name: me?.identity.name ?? '' })}</h1>
      {props.operator ? <OperatorCard tenants={props.operator} /> : null}
      {props.admin ? <AdminCards {...props.admin} /> : null}
      {props.unit ? <UnitCard {...props.unit} /> : null}
      {props.province ? <ProvinceCard tenants={props.province} /> : null}
      {props.expert ? <ExpertCard cycles={props.expert} /> : null}
      {welcome.map((w) => (
        <section class="card welcome" data-role={w.role}>
          <h2>{roleLabel(lang, w.role)}</h2>
          <p>{t(lang, w.key)}</p>
        </section>
      ))}
      {any ? null : (
        <section class="card welcome">
          <p>{t(lang, 'welcomeGeneric')}</p>
        </section>
      )}
    </>
  );
}

/**
 * The home page: a card for each thing the caller may do, each from what the API answers — the
 * tenants (operator), the organisation and its setup (office), one's own unit (unit user), the
 * province's tenants (analyst).
 */
export async function homePage(c: Ctx) {
  const me = c.get('me');
  const [operator, admin, unit, province, expert] = await Promise.all([
    may(me, CONTRACTS.platformTenants.list) ? loadOperator(c) : undefined,
    may(me, CONTRACTS.units.create) ? loadAdmin(c) : undefined,
    may(me, CONTRACTS.units.get) && !officeWide(me) ? loadUnit(c) : undefined,
    may(me, CONTRACTS.province.tenants) ? loadProvince(c) : undefined,
    may(me, CONTRACTS.experts.mine) ? loadExpert(c) : undefined,
  ]);
  const data = { operator, admin, unit, province, expert };
  return c.render(<Home {...data} />, {
    title: t(c.get('lang'), 'homeTitle'),
  });
}
