import { CONTRACTS } from '@jixiao/api/contracts';
import { type AuditEntry, type AuditVerification, canonicalJson, isEnumValue, labelOf } from '@jixiao/core';
import type { ApiResult, SuccessOf } from '../../client/api-client';
import { rolesText } from '../../components/badges';
import { ListPage } from '../../components/list-page';
import { problemPage } from '../../components/message-page';
import { BASE, type Ctx, PAGE_SIZE, useView } from '../../context';
import { formatDateTime, formatNumber, t } from '../../i18n';
import { useMay } from '../../policy';
import { ProblemNote } from '../home/problem-note';

/** 审计日志: the tenant's hash-chained trail, newest first; verifying the chain; the Excel export. */

export const AUDIT = `${BASE}/audit`;

/** Before/after as indented JSON (keys sorted, so two entries read alike). */
const pretty = (v: unknown) => JSON.stringify(JSON.parse(canonicalJson(v)), null, 2);

function Change(props: { e: AuditEntry }) {
  const { lang } = useView();
  const { e } = props;
  if (e.before === undefined && e.after === undefined) return null;
  return (
    <details>
      <summary>{t(lang, 'cyAuditChange')}</summary>
      {e.before !== undefined ? (
        <>
          <p class="muted">{t(lang, 'cyAuditBefore')}</p>
          <pre class="code">{pretty(e.before)}</pre>
        </>
      ) : null}
      {e.after !== undefined ? (
        <>
          <p class="muted">{t(lang, 'cyAuditAfter')}</p>
          <pre class="code">{pretty(e.after)}</pre>
        </>
      ) : null}
    </details>
  );
}

/** The verify result: the whole chain intact, or where it first breaks and how. */
function Verification(props: { r: ApiResult<AuditVerification> }) {
  const { lang } = useView();
  const { r } = props;
  if (!r.ok) return <ProblemNote problem={r.problem} />;
  const v = r.data;
  const alg = labelOf('auditAlgorithm', v.alg, lang);
  return v.ok ? (
    <p class="flash" role="status" id="audit-verify" data-ok="true">
      {t(lang, 'cyAuditOk', { n: formatNumber(v.checked), alg })}
    </p>
  ) : (
    <div class="alert" role="alert" id="audit-verify" data-ok="false">
      <strong>{t(lang, 'cyAuditBroken', { n: v.brokenAt ?? v.checked + 1 })}</strong>
      <p>
        {t(
          lang,
          v.problem === 'link_mismatch'
            ? 'cyAuditLinkMismatch'
            : v.problem === 'sequence_gap'
              ? 'cyAuditGap'
              : 'cyAuditHashMismatch',
        )}
      </p>
      <p class="muted">{t(lang, 'cyAuditChecked', { n: formatNumber(v.checked), alg })}</p>
    </div>
  );
}

function AuditList(props: {
  page: SuccessOf<typeof CONTRACTS.audit.list>;
  hasPrev: boolean;
  verify?: ApiResult<AuditVerification> | undefined;
}) {
  const { lang } = useView();
  const may = useMay();
  return (
    <>
      {props.verify ? <Verification r={props.verify} /> : null}
      <ListPage
        title={t(lang, 'navAudit')}
        actions={
          <>
            <form method="get" action={AUDIT} class="inline">
              <input type="hidden" name="verify" value="1" />
              <button class="secondary" type="submit" data-action="verify">
                {t(lang, 'cyAuditVerify')}
              </button>
            </form>
            {may(CONTRACTS.cycleFiles.audit) ? (
              <a class="button secondary-link" href={`${AUDIT}/export.xlsx`} download>
                {t(lang, 'exportXlsx')}
              </a>
            ) : null}
          </>
        }
        items={props.page.items}
        rowAttrs={(e) => ({ 'data-seq': String(e.seq), id: `audit-${e.seq}` })}
        columns={[
          { label: '#', num: true, cell: (e) => String(e.seq) },
          { label: t(lang, 'cyTime'), cell: (e) => formatDateTime(e.at, lang) },
          {
            label: t(lang, 'cyBy'),
            cell: (e) => (
              <>
                {e.actor.name ?? e.actor.sub}
                {e.actor.roles.length ? <span class="muted"> {rolesText(lang, e.actor.roles)}</span> : null}
              </>
            ),
          },
          {
            label: t(lang, 'cyAuditAction'),
            cell: (e) => (
              <span title={e.action}>
                {isEnumValue('auditAction', e.action) ? labelOf('auditAction', e.action, lang) : e.action}
              </span>
            ),
          },
          {
            label: t(lang, 'cyAuditTarget'),
            cell: (e) => (
              <span class="code">
                {e.target.type}:{e.target.id}
              </span>
            ),
          },
          {
            label: t(lang, 'cyAuditNote'),
            cell: (e) => (
              <>
                {e.note ? <span class="note">{e.note}</span> : null}
                <Change e={e} />
              </>
            ),
          },
        ]}
        nextCursor={props.page.nextCursor}
        hasPrev={props.hasPrev}
      />
    </>
  );
}

/** `GET /console/audit` (`?verify=1` also checks the hash chain): entries newest first, page by page. */
export async function auditPage(c: Ctx) {
  const cursor = c.req.query('cursor');
  const api = c.get('api');
  const [page, verify] = await Promise.all([
    api.call(CONTRACTS.audit.list, { query: { limit: PAGE_SIZE, cursor } }),
    c.req.query('verify') ? api.call(CONTRACTS.audit.verify, {}) : Promise.resolve(undefined),
  ]);
  if (!page.ok) return problemPage(c, page.problem);
  return c.render(<AuditList page={page.data} hasPrev={!!cursor} verify={verify} />, {
    title: t(c.get('lang'), 'navAudit'),
  });
}
