import { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf, UNIT_TYPE_LABELS } from '@jixiao/core';
import { ActiveBadge } from '../../components/badges';
import { BASE, type Ctx, seg, useView } from '../../context';
import { pick, t } from '../../i18n';
import { useMay } from '../../policy';
import { SYSTEMS } from '../indicator-systems/paths';
import { ProblemNote } from './problem-note';

/** A unit user's card: their own unit. */
export async function loadUnit(c: Ctx) {
  const code = c.get('me').identity.unit;
  const api = c.get('api');
  const [unit, cycles] = await Promise.all([
    code ? api.call(CONTRACTS.units.get, { params: { code } }) : undefined,
    code ? api.call(CONTRACTS.cycles.list, { query: { limit: 20 } }) : undefined,
  ]);
  // The cycles under way (a draft is still the office's): each links to the unit's workspace.
  const open = cycles?.ok ? cycles.data.items.filter((x) => x.state !== 'draft') : [];
  return { code, unit, cycles: open };
}

export function UnitCard(props: Awaited<ReturnType<typeof loadUnit>>) {
  const { lang } = useView();
  const may = useMay();
  const { code, unit: r, cycles } = props;
  if (!code || !r) {
    return (
      <section class="card">
        <h2>{t(lang, 'yourUnit')}</h2>
        <p>{t(lang, 'noUnit')}</p>
      </section>
    );
  }
  return (
    <section class="card" aria-labelledby="h-unit">
      <h2 id="h-unit">{t(lang, 'yourUnit')}</h2>
      {r.ok ? (
        <dl class="facts">
          <dt>{t(lang, 'name')}</dt>
          <dd>{r.data.name}</dd>
          {r.data.shortName ? (
            <>
              <dt>{t(lang, 'shortName')}</dt>
              <dd>{r.data.shortName}</dd>
            </>
          ) : null}
          <dt>{t(lang, 'unitCode')}</dt>
          <dd>{r.data.code}</dd>
          <dt>{t(lang, 'unitType')}</dt>
          <dd>{pick(lang, UNIT_TYPE_LABELS[r.data.type])}</dd>
          {r.data.uscc ? (
            <>
              <dt>{t(lang, 'uscc')}</dt>
              <dd>{r.data.uscc}</dd>
            </>
          ) : null}
          <dt>{t(lang, 'status')}</dt>
          <dd>
            <ActiveBadge active={r.data.active} />
          </dd>
        </dl>
      ) : (
        <>
          <p>
            {t(lang, 'unitCode')}
            {t(lang, 'colon')}
            {code}
          </p>
          <ProblemNote problem={r.problem} />
        </>
      )}
      {may(CONTRACTS.systems.create) ? (
        <p>
          <a href={SYSTEMS}>{t(lang, 'isUnitSystems')}</a>
        </p>
      ) : null}
      {cycles.length ? (
        <>
          <h3>{t(lang, 'navCycles')}</h3>
          <ul>
            {cycles.map((x) => (
              <li>
                <a href={`${BASE}/cycles/${seg(x.id)}/units/${seg(code)}`}>{x.name}</a>{' '}
                <span class="muted">{labelOf('cycleState', x.state, lang)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
