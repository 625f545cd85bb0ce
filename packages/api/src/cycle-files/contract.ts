import { z } from '@hono/zod-openapi';
import { cycleParams } from '../cycles/params';
import { readErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Evaluation cycles'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsx = (description: string) => ({
  description,
  content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
});

/** The cycle's tables and the audit trail as Excel workbooks (file work: its own cloud function). */
export const cycleFileContract = {
  table: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/exports/{table}',
    tags,
    'x-permission': 'cycles:read',
    summary:
      'A table of the cycle as .xlsx, as the caller sees it: plans, values, checks; overview (who is late) and burden for the office',
    request: {
      params: cycleParams.extend({
        table: z.enum(['overview.xlsx', 'plans.xlsx', 'values.xlsx', 'checks.xlsx', 'burden.xlsx']),
      }),
    },
    responses: { 200: xlsx('Workbook'), ...readErrors },
  }),
  audit: defineRoute({
    method: 'get',
    path: '/v1/audit/export.xlsx',
    tags: ['Audit trail'],
    'x-permission': 'audit:read',
    summary: 'The whole audit trail as .xlsx, with the hashes',
    responses: { 200: xlsx('Workbook'), ...readErrors },
  }),
};
