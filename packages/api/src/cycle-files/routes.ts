import { XLSX_TYPE } from '@jixiao/core';
import { callerOf } from '../http/caller';
import { prefersEnglish } from '../http/problem';
import { resourceApp } from '../http/route';
import { cycleFileContract as r } from './contract';
import { exportAudit, exportCycleTable, type FileOut } from './use-cases';

const headers = (file: FileOut) => ({
  'content-type': XLSX_TYPE,
  'content-disposition': `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
});

export const cycleFileRoutes = resourceApp()
  .openapi(r.table, async (c) => {
    const { cycleId, table } = c.req.valid('param');
    const lang = prefersEnglish(c.req.header('accept-language')) ? 'en' : 'zh';
    const file = await exportCycleTable(callerOf(c), cycleId, table, lang);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, headers(file));
  })
  .openapi(r.audit, async (c) => {
    const lang = prefersEnglish(c.req.header('accept-language')) ? 'en' : 'zh';
    const file = await exportAudit(callerOf(c), lang);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, headers(file));
  });
