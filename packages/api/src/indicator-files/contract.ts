import { z } from '@hono/zod-openapi';
import { systemViewSchema, WORKBOOK_LAYOUTS, XLSX_TYPE } from '@jixiao/core';
import { json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';
import { versionParams } from '../indicator-systems/contract';

const tags = ['Indicator systems'];
const workbook = { [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } };

/** Indicator systems as Excel workbooks in the office layout (file work: its own cloud function). */
export const indicatorFileContract = {
  import: defineRoute({
    method: 'post',
    path: '/v1/indicator-systems/import',
    tags,
    'x-permission': 'indicators:write',
    summary: 'Create a draft system from an .xlsx file in the office layout',
    request: { body: { required: true, content: workbook } },
    responses: { 201: json(systemViewSchema, 'Created'), ...writeErrors },
  }),
  export: defineRoute({
    method: 'get',
    path: '/v1/indicator-systems/{id}/versions/{v}/export.xlsx',
    tags,
    'x-permission': 'indicators:read',
    summary:
      'Download the version as .xlsx in the office layout: `layout=full` (default) every column, the file the import reads back; `layout=print` the columns a reader needs, fitting A4 landscape at a readable size',
    request: {
      params: versionParams,
      query: z.object({ layout: z.enum(WORKBOOK_LAYOUTS).default('full') }),
    },
    responses: { 200: { description: 'Workbook', content: workbook }, ...readErrors },
  }),
};
