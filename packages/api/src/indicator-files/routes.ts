import { XLSX_TYPE } from '@jixiao/core';
import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { indicatorFileContract as r } from './contract';
import { exportSystem, importSystem } from './use-cases';

export const indicatorFileRoutes = resourceApp()
  .openapi(r.import, async (c) =>
    c.json(await importSystem(callerOf(c), new Uint8Array(await c.req.arrayBuffer())), 201),
  )
  .openapi(r.export, async (c) => {
    const { id, v } = c.req.valid('param');
    const file = await exportSystem(callerOf(c), id, v, c.req.valid('query').layout);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });
