import type { CONTRACTS } from '@jixiao/api/contracts';
import type { Child } from 'hono/jsx';
import type { SuccessOf } from '../../client/api-client';
import { useView } from '../../context';
import { num, t } from '../../i18n';

/**
 * The plan as the public reads it, on any screen: one column, each indicator a card with its
 * target, the basis of the target, the evaluation standard and the measures.
 */
export type PublicPlan = SuccessOf<typeof CONTRACTS.publicPlans.plan>;

export function PlanItems(props: { plan: PublicPlan }) {
  const { lang } = useView();
  const { plan } = props;
  return (
    <>
      {plan.basis ? (
        <section class="card">
          <h2>{t(lang, 'pubBasis')}</h2>
          <p class="note">{plan.basis}</p>
        </section>
      ) : null}
      <h2>{t(lang, 'pubItems', { n: plan.items.length })}</h2>
      {plan.items.map((it) => (
        <section class="card" id={`item-${it.leaf}`} data-leaf={it.leaf}>
          <h3>{it.name}</h3>
          <dl class="facts">
            {it.target !== undefined || it.targetText ? (
              <>
                <dt>{t(lang, 'pubTarget')}</dt>
                <dd>
                  {it.target !== undefined ? `${num(it.target)}${it.unitOfMeasure ?? ''}` : ''}
                  {it.target !== undefined && it.targetText ? '；' : ''}
                  {it.targetText ?? ''}
                </dd>
              </>
            ) : null}
            <dt>{t(lang, 'pubItemBasis')}</dt>
            <dd class="note">{it.basis}</dd>
            <dt>{t(lang, 'pubStandard')}</dt>
            <dd class="note">{it.standard}</dd>
            <dt>{t(lang, 'pubMeasures')}</dt>
            <dd class="note">{it.measures}</dd>
          </dl>
        </section>
      ))}
    </>
  );
}

/** A public page's frame: the class the mobile layout keys on. */
export const PublicFrame = (props: { children: Child }) => <div class="public">{props.children}</div>;
