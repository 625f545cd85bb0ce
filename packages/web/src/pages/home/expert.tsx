import { CONTRACTS } from '@jixiao/api/contracts';
import { labelOf } from '@jixiao/core';
import { BASE, type Ctx, seg, useView } from '../../context';
import { t } from '../../i18n';

/** The cycles in which experts score now (指标考核, 综合评议): each links to the expert's own page. */
export async function loadExpert(c: Ctx) {
  const r = await c.get('api').call(CONTRACTS.cycles.list, { query: { limit: 20 } });
  return r.ok ? r.data.items.filter((x) => x.state === 'verification' || x.state === 'review') : [];
}

/** An expert's card: where to score. */
export function ExpertCard(props: { cycles: Awaited<ReturnType<typeof loadExpert>> }) {
  const { lang } = useView();
  return (
    <section class="card" aria-labelledby="h-expert" id="expert-card">
      <h2 id="h-expert">{t(lang, 'exMine')}</h2>
      <p class="muted">{t(lang, 'exMineHint')}</p>
      {props.cycles.length === 0 ? (
        <p>{t(lang, 'welcomeExpert')}</p>
      ) : (
        <ul class="plain">
          {props.cycles.map((cy) => (
            <li>
              <a href={`${BASE}/cycles/${seg(cy.id)}/expert-review/mine`}>{cy.name}</a>{' '}
              <span class="muted">{labelOf('cycleState', cy.state, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
