import { CONTRACTS } from '@jixiao/api/contracts';
import type { TemplateDetail } from '@jixiao/core';
import { problemPage } from '../../components/message-page';
import { type Ctx, param, useView } from '../../context';
import { t } from '../../i18n';
import { useMay } from '../../policy';
import { TEMPLATES } from '../indicator-systems/paths';
import { SideSections } from '../indicator-systems/version/side-sections';
import { TreeTable } from '../indicator-systems/version/tree-table';
import { UseTemplate } from './use';

function TemplatePreview(props: { tpl: TemplateDetail }) {
  const { lang } = useView();
  const may = useMay();
  const { tpl } = props;
  return (
    <>
      <p>
        <a href={TEMPLATES}>← {t(lang, 'tplBack')}</a>
      </p>
      <div class="toolbar">
        <h1>
          {t(lang, 'tplPreviewTitle')}
          {t(lang, 'colon')}
          {tpl.name[lang]}
        </h1>
        <span class="spacer" />
        {may(CONTRACTS.systems.create) ? <UseTemplate id={tpl.id} /> : null}
      </div>
      <section class="card">
        <p>{tpl.description[lang]}</p>
        <dl class="facts">
          <dt>{t(lang, 'tplAppliesTo')}</dt>
          <dd>{tpl.appliesTo[lang]}</dd>
          <dt>{t(lang, 'tplSource')}</dt>
          <dd>{tpl.source}</dd>
        </dl>
      </section>
      <TreeTable content={tpl.content} />
      <SideSections content={tpl.content} />
    </>
  );
}

/** `GET /console/indicator-templates/:id`: a template's tree, read-only, with its side sections. */
export async function templatePage(c: Ctx) {
  const r = await c.get('api').call(CONTRACTS.templates.get, { params: { templateId: param(c, 'id') } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<TemplatePreview tpl={r.data} />, { title: r.data.name[c.get('lang')], wide: true });
}
