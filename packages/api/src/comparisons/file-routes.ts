import { shanghaiDay, XLSX_TYPE } from '@jixiao/core';
import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { comparisonContract as r } from './contract';
import { comparisonOf } from './inputs';
import { comparisonTitle, comparisonWorkbook } from './workbook';

/**
 * The comparison as a workbook: file work, so served by the file function only (the JSON routes:
 * ./routes.ts). The Chinese file name goes as RFC 5987 `filename*`, with an ASCII fallback.
 */
export const comparisonFileRoutes = resourceApp().openapi(r.export, async (c) => {
  const caller = callerOf(c);
  const q = c.req.valid('query');
  const { basis, comparison } = await comparisonOf(caller, q);
  const day = shanghaiDay(caller.deps.now());
  const bytes = await comparisonWorkbook(
    comparison,
    { recipientName: basis.recipient.name, date: new Date(`${day}T00:00:00+08:00`) },
    basis.library,
  );
  const name = `${comparisonTitle(comparison, basis.recipient.name)}.xlsx`;
  const ascii = `comparison-${basis.recipient.code}-${comparison.year}-${comparison.group.code}.xlsx`;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
});
