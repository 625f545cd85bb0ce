import { CONTRACTS } from '@jixiao/api/contracts';
import { EVIDENCE_PLATFORM, type StorageView } from '@jixiao/core';
import type { ApiResult } from '../../client/api-client';
import { ErrorSummary } from '../../components/feedback';
import { TextField } from '../../components/fields';
import { statusOf } from '../../components/message-page';
import { BASE, type Ctx, param, redirectOk, seg, useView } from '../../context';
import { type FormErrors, type FormValues, noErrors, problemToFormErrors, readForm, str } from '../../forms';
import { t } from '../../i18n';
import { may } from '../../policy';
import { bytesOf, formatBytes, GB, toGb } from '../evidence/format';
import { StorageUse } from '../evidence/storage-parts';

/**
 * The platform operator's view of a tenant's storage on the tenant's page: use against the quota
 * (sizes only, never files) and the form that sets the quota in GB (`POST …/storage-quota`).
 */

const quotaRoute = CONTRACTS.evidence.platformQuota;
export const quotaHref = (code: string) => `${BASE}/tenants/${seg(code)}/storage-quota`;

export interface QuotaState {
  values: FormValues;
  errors: FormErrors;
}

/** The tenant's storage, if the caller may see it (else nothing is asked). */
export const loadStorage = (c: Ctx, code: string): Promise<ApiResult<StorageView> | undefined> =>
  may(c.get('me'), CONTRACTS.evidence.platformStorage)
    ? c.get('api').call(CONTRACTS.evidence.platformStorage, { params: { code } })
    : Promise.resolve(undefined);

export function TenantStorage(props: { code: string; storage?: StorageView; quota?: QuotaState }) {
  const { lang, me } = useView();
  const { storage } = props;
  if (!storage) return null;
  const values = props.quota?.values ?? { quotaGb: toGb(storage.quotaBytes) };
  const errors = props.quota?.errors ?? noErrors();
  return (
    <section id="tenant-storage">
      <h2>{t(lang, 'evQuotaTitle')}</h2>
      <StorageUse s={storage} />
      {may(me, quotaRoute) ? (
        <form method="post" action={quotaHref(props.code)} class="stacked card" id="storage-quota" novalidate>
          <ErrorSummary errors={errors} />
          <TextField
            name="quotaGb"
            label={t(lang, 'evQuotaGb')}
            hint={`${t(lang, 'evQuotaHint')} ≤ ${formatBytes(EVIDENCE_PLATFORM.maxQuotaBytes, lang)}`}
            value={str(values.quotaGb)}
            error={errors.fields.quotaGb}
            inputmode="numeric"
            maxlength={12}
          />
          <button class="primary" type="submit">
            {t(lang, 'evSaveQuota')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

/** `POST /console/tenants/:code/storage-quota`: the quota in GB. */
export function quotaPost(show: (c: Ctx, quota: QuotaState) => Response | Promise<Response>) {
  return async (c: Ctx) => {
    const code = param(c, 'code');
    const form = await readForm(c);
    const body = { quotaBytes: bytesOf(str(form.quotaGb), GB) } as { quotaBytes: number };
    const r = await c.get('api').call(quotaRoute, { params: { code }, body });
    if (r.ok) return redirectOk(c, `${BASE}/tenants/${seg(code)}`, 'updated');
    c.status(statusOf(r.status));
    const errors = problemToFormErrors(r.problem, c.get('lang'), ['quotaBytes']);
    if (errors.fields.quotaBytes) errors.fields.quotaGb = errors.fields.quotaBytes;
    return show(c, { values: form, errors });
  };
}
