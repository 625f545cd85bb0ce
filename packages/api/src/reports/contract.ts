import { z } from '@hono/zod-openapi';
import {
  codeSchema,
  idPattern,
  REPORT_FORMATS,
  REPORT_KINDS,
  reportFileSchema,
  reportIndexSchema,
} from '@jixiao/core';
import { cycleParams } from '../cycles/params';
import { json, readErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Reports'];
const runQuery = z.object({ run: z.string().regex(idPattern('run')).optional() });
const reportParams = cycleParams.extend({ kind: z.enum(REPORT_KINDS), format: z.enum(REPORT_FORMATS) });

/**
 * The reports of an evaluation year (per unit, the office's overall report, the annual report to
 * the People's Congress) as PDF, XLSX or HTML. Files are rendered from the run's results once per
 * distinct data (the year-end batch renders every unit's in its report step) and handed out by a
 * short-lived presigned GET. A unit's user reads only its own unit's report of the released run;
 * the office and observers read every report of any run.
 */
export const reportContract = {
  index: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/reports',
    tags,
    'x-permission': 'reports:read',
    summary:
      'The reports of a run (the released one unless `run` is given) and how far its report step has come',
    request: { params: cycleParams, query: runQuery },
    responses: { 200: json(reportIndexSchema, 'Reports'), ...readErrors },
  }),
  file: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/reports/{kind}/{format}',
    tags,
    'x-permission': 'reports:read',
    summary:
      'One report file (rendered now if its data changed since it was last rendered), as a presigned GET; `unit` names the unit of a unit report',
    request: { params: reportParams, query: runQuery.extend({ unit: codeSchema.optional() }) },
    responses: { 200: json(reportFileSchema, 'Report file'), ...readErrors },
  }),
};
