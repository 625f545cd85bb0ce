import { type AuditEntry, authorize, type Cycle } from '@jixiao/core';
import {
  auditXlsx,
  burdenXlsx,
  checksXlsx,
  type Lang,
  overviewXlsx,
  plansXlsx,
  valuesXlsx,
} from '@jixiao/reports';
import { cycleBurden } from '../cycles/burden';
import { loadCycle, tenant, today, unitsInCycle } from '../cycles/context';
import { cycleOverview } from '../cycles/overview';
import type { Caller } from '../http/caller';
import { checks } from '../monitoring/use-cases';
import { listPlans } from '../plans/use-cases';
import { listValues } from '../values/use-cases';

/**
 * The cycle's tables and the audit trail as workbooks. Every table is made from the same use case
 * as its JSON route (all pages of it, as the caller), so the file and the screen show the same rows.
 */

export type CycleTable = 'overview.xlsx' | 'plans.xlsx' | 'values.xlsx' | 'checks.xlsx' | 'burden.xlsx';

export interface FileOut {
  bytes: Uint8Array;
  /** A plain-ASCII name for old clients, and the real one (RFC 5987). */
  asciiName: string;
  name: string;
}

/** Every page of a paged use case. */
async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | undefined }>,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return out;
}

const TABLE_WORDS: Record<CycleTable, { zh: string; en: string }> = {
  'overview.xlsx': { zh: '进展总览', en: 'overview' },
  'plans.xlsx': { zh: '年度绩效计划', en: 'annual plans' },
  'values.xlsx': { zh: '指标数据核验', en: 'values' },
  'checks.xlsx': { zh: '察访核验和诊断咨询', en: 'checks' },
  'burden.xlsx': { zh: '填报负担', en: 'reporting burden' },
};

async function render(caller: Caller, cycle: Cycle, table: CycleTable, title: string, lang: Lang) {
  const limit = 200;
  switch (table) {
    case 'overview.xlsx': {
      const rows = await allPages((cursor) => cycleOverview(caller, cycle.id, { limit, cursor }));
      return overviewXlsx(rows, { title, periods: cycle.calendar.progressPeriods }, lang);
    }
    case 'plans.xlsx':
      return plansXlsx(
        await allPages((cursor) => listPlans(caller, cycle.id, { limit, cursor })),
        title,
        lang,
      );
    case 'values.xlsx':
      return valuesXlsx(
        await allPages((cursor) => listValues(caller, cycle.id, { limit, cursor })),
        title,
        lang,
      );
    case 'checks.xlsx': {
      const [rows, units] = await Promise.all([
        allPages((cursor) => checks(caller, cycle.id, { limit, cursor })),
        unitsInCycle(caller, cycle),
      ]);
      const names = new Map(units.map((u) => [u.code, u.name]));
      return checksXlsx(
        rows.map((r) => ({ ...r, unitName: names.get(r.unit) })),
        title,
        lang,
      );
    }
    case 'burden.xlsx':
      return burdenXlsx(await cycleBurden(caller, cycle.id), title, lang);
  }
}

export async function exportCycleTable(
  caller: Caller,
  cycleId: string,
  table: CycleTable,
  lang: Lang,
): Promise<FileOut> {
  // Each table is the caller's own view of it (a provider's values, a unit's own rows); the overview
  // and the burden are the office's (and observers') only.
  if (table === 'overview.xlsx' || table === 'burden.xlsx') authorize(caller.identity, 'cycles:oversee');
  const cycle = await loadCycle(caller, cycleId);
  const words = TABLE_WORDS[table];
  const title = lang === 'en' ? `${cycle.name}: ${words.en}` : `${cycle.name} ${words.zh}`;
  const bytes = await render(caller, cycle, table, title, lang);
  return { bytes, asciiName: `${cycle.id}-${table}`, name: `${cycle.name}-${words[lang]}.xlsx` };
}

/** The whole audit trail of the tenant, oldest first, with every hash. */
export async function exportAudit(caller: Caller, lang: Lang): Promise<FileOut> {
  const t = tenant(caller);
  const entries: AuditEntry[] = [];
  for await (const batch of caller.deps.data.audit.entries(t)) entries.push(...batch);
  const tenantRecord = await caller.deps.data.tenants.get(t);
  const day = today(caller).replaceAll('-', '');
  const name = lang === 'en' ? 'audit trail' : '审计日志';
  const title = [tenantRecord?.fullName, name].filter(Boolean).join(lang === 'en' ? ': ' : ' ');
  return {
    bytes: await auditXlsx(entries, title, lang),
    asciiName: `audit-${day}.xlsx`,
    name: `${title}-${day}.xlsx`,
  };
}
