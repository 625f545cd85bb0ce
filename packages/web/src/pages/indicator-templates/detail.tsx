import { CONTRACTS } from '@jixiao/api/contracts';
import type { TemplateDetail } from '@jixiao/core';
import { problemPage } from '../../components/message-page';
import { type Ctx, param, useView } from '../../context';
import { t } from '../../i18n';
import { may, useMay } from '../../policy';
import { TEMPLATES } from '../indicator-systems/paths';
import { SideSections } from '../indicator-systems/version/side-sections';
import { TreeTable } from '../indicator-systems/version/tree-table';
import { type GroupOption, UseTemplate } from './use';

function TemplatePreview(props: { tpl: TemplateDetail; tenantGroups: GroupOption[] }) {
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
        {may(CONTRACTS.systems.create) && tpl.groups.length === 0 ? <UseTemplate id={tpl.id} /> : null}
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
      {may(CONTRACTS.systems.create) && tpl.groups.length > 0 ? (
        <section class="card" aria-labelledby="h-use">
          <h2 id="h-use">{t(lang, 'tplUse')}</h2>
          <UseTemplate id={tpl.id} groups={tpl.groups} tenantGroups={props.tenantGroups} />
        </section>
      ) : null}
    </>
  );
}

/** `GET /console/indicator-templates/:id`: a template's tree, read-only, with its side sections. */
export async function templatePage(c: Ctx) {
  const api = c.get('api');
  const r = await api.call(CONTRACTS.templates.get, { params: { templateId: param(c, 'id') } });
  if (!r.ok) return problemPage(c, r.problem);
  // A template naming unit groups asks which of the tenant's groups each one means.
  const groups =
    r.data.groups.length > 0 && may(c.get('me'), CONTRACTS.unitGroups.list)
      ? await api.all(CONTRACTS.unitGroups.list, {})
      : undefined;
  const tenantGroups = groups?.ok
    ? groups.data.items.map((g) => ({ value: g.code, label: `${g.name}（${g.code}）` }))
    : [];
  return c.render(<TemplatePreview tpl={r.data} tenantGroups={tenantGroups} />, {
    title: r.data.name[c.get('lang')],
    wide: true,
  });
}
