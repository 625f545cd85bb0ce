import { contentOf, errors, tenantOf, type WorkbookLayout } from '@jixiao/core';
import { exportSystemXlsx, importSystemXlsx } from '@jixiao/reports';
import type { Caller } from '../http/caller';
import { createFromContent, readVersion } from '../indicator-systems/use-cases';

/** A workbook becomes a new draft; every problem is reported by sheet and cell. */
export async function importSystem(caller: Caller, bytes: Uint8Array) {
  const r = await importSystemXlsx(bytes);
  if (!r.ok) {
    throw errors.validation(
      r.issues.map((i) =>
        i.sheet
          ? {
              path: `file.${i.sheet}!${i.cell}`,
              zh: `${i.sheet} ${i.cell}：${i.zh}`,
              en: `${i.sheet} ${i.cell}: ${i.en}`,
            }
          : { path: 'file', zh: i.zh, en: i.en },
      ),
    );
  }
  return createFromContent(caller, r.content);
}

/** The workbook of a version the caller may see, and the file name to save it under. */
export async function exportSystem(caller: Caller, id: string, v: number, layout: WorkbookLayout = 'full') {
  const s = await readVersion(caller, id, v);
  const t = await caller.deps.data.tenants.get(tenantOf(caller.identity));
  const bytes = await exportSystemXlsx(contentOf(s), {
    ...(t ? { tenantName: t.fullName } : {}),
    status: s.status,
    systemVersion: s.systemVersion,
    layout,
  });
  const print = layout === 'print';
  return {
    bytes,
    asciiName: `system-v${s.systemVersion}${print ? '-print' : ''}.xlsx`,
    name: `${s.name}-v${s.systemVersion}${print ? '-打印版' : ''}.xlsx`,
  };
}
