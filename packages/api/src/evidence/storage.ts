import {
  EVIDENCE_PLATFORM,
  type EvidenceSettings,
  errors,
  type evidenceSettingsPutSchema,
  type StorageView,
  type storageQuotaPutSchema,
} from '@jixiao/core';
import type { StorageState } from '@jixiao/data';
import type { z } from 'zod';
import { changedFields, recordAudit, tenant } from '../cycles/context';
import type { Caller } from '../http/caller';

/** A tenant's storage: use and quota (counted at confirmation), and the kinds and size it accepts. */

function view(code: string, s: StorageState): StorageView {
  return {
    tenant: code,
    usedBytes: s.usedBytes,
    files: s.files,
    quotaBytes: s.quotaBytes,
    usedShare: s.quotaBytes > 0 ? s.usedBytes / s.quotaBytes : 0,
    settings: s.settings,
    platformMaxFileBytes: EVIDENCE_PLATFORM.maxFileBytes,
    version: s.version,
  };
}

export async function tenantStorage(caller: Caller): Promise<StorageView> {
  const t = tenant(caller);
  return view(t, await caller.deps.data.evidence.storage.get(t));
}

export async function putEvidenceSettings(
  caller: Caller,
  input: z.infer<typeof evidenceSettingsPutSchema>,
): Promise<StorageView> {
  const t = tenant(caller);
  const { version, ...given } = input;
  const twice = given.allowedKinds.filter((k, i) => given.allowedKinds.indexOf(k) !== i);
  if (twice.length)
    throw errors.validation([
      {
        path: 'body.allowedKinds',
        zh: `文件类型重复：${[...new Set(twice)].join('、')}`,
        en: `Kinds listed more than once: ${[...new Set(twice)].join(', ')}`,
      },
    ]);
  const repo = caller.deps.data.evidence.storage;
  const before = await repo.get(t);
  const settings: EvidenceSettings = { allowedKinds: given.allowedKinds, maxFileBytes: given.maxFileBytes };
  const saved = await repo.putSettings(t, settings, version ?? 0);
  const diff = changedFields(before.settings, settings);
  if (diff.changed)
    await recordAudit(caller, {
      action: 'settings.evidence',
      target: { type: 'tenant', id: t },
      before: diff.before,
      after: diff.after,
    });
  return view(t, saved);
}

/** The operator sees a tenant's sizes, never its files. */
export async function platformStorage(caller: Caller, code: string): Promise<StorageView> {
  await caller.deps.data.tenants.getOr404(code);
  return view(code, await caller.deps.data.evidence.storage.get(code));
}

/**
 * The operator sets a tenant's quota; the change is written to the tenant's own audit trail (the
 * office sees who changed its quota and when). Setting the quota it already has changes nothing.
 */
export async function putStorageQuota(
  caller: Caller,
  code: string,
  input: z.infer<typeof storageQuotaPutSchema>,
): Promise<StorageView> {
  await caller.deps.data.tenants.getOr404(code);
  const repo = caller.deps.data.evidence.storage;
  const before = await repo.get(code);
  if (before.quotaBytes === input.quotaBytes) return view(code, before);
  const saved = await repo.putQuota(code, input.quotaBytes);
  await caller.deps.data.audit.append(
    code,
    {
      sub: caller.identity.sub,
      ...(caller.identity.name ? { name: caller.identity.name } : {}),
      roles: [...caller.identity.roles],
    },
    {
      action: 'storage.quota',
      target: { type: 'tenant', id: code },
      before: { quotaBytes: before.quotaBytes },
      after: { quotaBytes: input.quotaBytes },
    },
  );
  return view(code, saved);
}
