import { CONTRACTS } from '@jixiao/api/contracts';
import { type SystemVersionSummary, XLSX_TYPE } from '@jixiao/core';
import type { SuccessOf } from '../../client/api-client';
import { StatusBadge } from '../../components/badges';
import { ListPage } from '../../components/list-page';
import { problemPage, statusOf } from '../../components/message-page';
import { type Ctx, PAGE_SIZE, redirectOk, seg, useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { officeWide, useMay } from '../../policy';
import { type ImportErrors, ImportForm } from './import';
import { SYSTEMS, TEMPLATES, versionHref } from './paths';

function SystemList(props: {
  page: SuccessOf<typeof CONTRACTS.systems.list>;
  hasPrev: boolean;
  importErrors?: ImportErrors;
}) {
  const { lang, me } = useView();
  const may = useMay();
  const vn = (s: SystemVersionSummary) => t(lang, 'versionN', { n: s.systemVersion });
  const mayImport = may(CONTRACTS.indicatorFiles.import);
  return (
    <>
      <ListPage
        title={t(lang, 'isTitle')}
        actions={
          <>
            {may(CONTRACTS.systems.create) ? (
              <a class="button" href={TEMPLATES}>
                {t(lang, 'isFromTemplate')}
              </a>
            ) : null}
            {mayImport ? (
              <a class="button secondary-link" href="#import">
                {t(lang, 'isImport')}
              </a>
            ) : null}
          </>
        }
        items={props.page.items}
        rowAttrs={(s) => ({ 'data-id': s.id })}
        columns={[
          { label: t(lang, 'name'), cell: (s) => <a href={`${SYSTEMS}/${seg(s.id)}`}>{s.latest.name}</a> },
          { label: t(lang, 'status'), cell: (s) => <StatusBadge status={s.latest.status} /> },
          {
            label: t(lang, 'isOwner'),
            cell: (s) =>
              s.latest.owner ? (
                <span class="code">{s.latest.owner}</span>
              ) : (
                <span class="muted">{t(lang, 'isOwnerOffice')}</span>
              ),
          },
          {
            label: t(lang, 'isInForce'),
            cell: (s) =>
              s.approved ? (
                <a href={versionHref(s.id, s.approved.systemVersion)}>{vn(s.approved)}</a>
              ) : (
                <span class="muted">{t(lang, 'isNoneInForce')}</span>
              ),
          },
          {
            label: t(lang, 'isLatest'),
            cell: (s) => <a href={versionHref(s.id, s.latest.systemVersion)}>{vn(s.latest)}</a>,
          },
          { label: t(lang, 'leafCount'), num: true, cell: (s) => String(s.latest.leafCount) },
          { label: t(lang, 'updatedAt'), cell: (s) => formatDateTime(s.latest.updatedAt, lang) },
        ]}
        nextCursor={props.page.nextCursor}
        hasPrev={props.hasPrev}
      />
      {may(CONTRACTS.systems.create) && !officeWide(me) ? (
        <p class="hint" data-hint="unit-draft">
          {t(lang, 'isUnitDraftHint')}
        </p>
      ) : null}
      {mayImport ? <ImportForm errors={props.importErrors} /> : null}
    </>
  );
}

/** `GET /console/indicator-systems`: the systems, and (to those who may) the Excel import form. */
export async function systemList(c: Ctx, importErrors?: ImportErrors) {
  const cursor = c.req.query('cursor');
  const r = await c.get('api').call(CONTRACTS.systems.list, { query: { limit: PAGE_SIZE, cursor } });
  if (!r.ok) return problemPage(c, r.problem);
  return c.render(<SystemList page={r.data} hasPrev={!!cursor} importErrors={importErrors} />, {
    title: t(c.get('lang'), 'isTitle'),
  });
}

/** `POST /console/indicator-systems/import`: a draft from an .xlsx, or the list with the workbook's problems. */
export async function importSystem(c: Ctx) {
  const lang = c.get('lang');
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) {
    c.status(422);
    return systemList(c, { message: t(lang, 'isImportNoFile'), items: [] });
  }
  const r = await c.get('api').upload(CONTRACTS.indicatorFiles.import, {
    body: await file.arrayBuffer(),
    contentType: XLSX_TYPE,
  });
  if (r.ok) return redirectOk(c, versionHref(r.data.id, r.data.systemVersion), 'created');
  c.status(statusOf(r.status));
  return systemList(c, {
    message: r.problem.status === 422 ? t(lang, 'isImportFailed') : r.problem.message[lang],
    items: (r.problem.errors ?? []).map((e) => e[lang]),
  });
}
