import { CONTRACTS } from '@jixiao/api/contracts';
import type { TemplateSummary } from '@jixiao/core';
import { ErrorSummary } from '../../components/feedback';
import { problemPage } from '../../components/message-page';
import { type Ctx, seg, useView } from '../../context';
import type { FormErrors } from '../../forms';
import { num, t } from '../../i18n';
import { useMay } from '../../policy';
import { SYSTEMS, TEMPLATES } from '../indicator-systems/paths';
import { UseTemplate } from './use';

/** The dimensions' weights as one bar (an SVG: no style attributes). */
export function WeightBar(props: { dims: TemplateSummary['dimensions'] }) {
  const total = props.dims.reduce((s, d) => s + d.weight, 0) || 1;
  let x = 0;
  return (
    <svg class="wbar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
      {props.dims.map((d, i) => {
        const w = (d.weight / total) * 100;
        const rect = (
          <rect class={`c${i % 6}`} x={String(x)} y="0" width={String(w)} height="10">
            <title>{`${d.name} ${num(d.weight)}`}</title>
          </rect>
        );
        x += w;
        return rect;
      })}
    </svg>
  );
}

function Gallery(props: { templates: TemplateSummary[]; error?: FormErrors }) {
  const { lang } = useView();
  const may = useMay();
  const mayUse = may(CONTRACTS.systems.create);
  return (
    <>
      <div class="toolbar">
        <h1>{t(lang, 'templatesTitle')}</h1>
        <span class="spacer" />
        <a href={SYSTEMS}>{t(lang, 'isTitle')}</a>
      </div>
      <ErrorSummary errors={props.error} />
      <div class="tpl-grid">
        {props.templates.map((tpl) => (
          <article class="card tpl" data-template={tpl.id} aria-labelledby={`tpl-${tpl.id}`}>
            <h2 id={`tpl-${tpl.id}`}>{tpl.name[lang]}</h2>
            <dl class="facts">
              <dt>{t(lang, 'tplAppliesTo')}</dt>
              <dd>{tpl.appliesTo[lang]}</dd>
              <dt>{t(lang, 'tplSource')}</dt>
              <dd>{tpl.source}</dd>
              <dt>{t(lang, 'leafCount')}</dt>
              <dd>{String(tpl.leafCount)}</dd>
            </dl>
            <h3>{t(lang, 'tplDimensions')}</h3>
            <WeightBar dims={tpl.dimensions} />
            <ul class="dims">
              {tpl.dimensions.map((d, i) => (
                <li>
                  <span class={`dot c${i % 6}`} aria-hidden="true" />
                  {d.name} <span class="w">{num(d.weight)}</span>
                </li>
              ))}
            </ul>
            <div class="tpl-actions">
              <a href={`${TEMPLATES}/${seg(tpl.id)}`}>{t(lang, 'tplPreview')}</a>
              {mayUse ? <UseTemplate id={tpl.id} groups={tpl.groups} /> : null}
            </div>
          </article>
        ))}
      </div>
    </>
  );
}

/** `GET /console/indicator-templates`: the gallery (also the page a refused "use" answers with). */
export async function galleryPage(c: Ctx, error?: FormErrors) {
  const r = await c.get('api').call(CONTRACTS.templates.list, {});
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<Gallery templates={r.data.items} error={error} />, {
    title: t(c.get('lang'), 'templatesTitle'),
  });
}
