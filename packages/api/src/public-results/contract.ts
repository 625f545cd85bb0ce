import { z } from '@hono/zod-openapi';
import {
  codeSchema,
  DIVISION_CODE_PATTERN,
  idPattern,
  publicCycleResultsSchema,
  publicResultsListSchema,
  publicUnitResultSchema,
  REPORT_FORMATS,
  REPORT_KINDS,
} from '@jixiao/core';
import { json, readErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Public'];
const tenantParams = z.object({ tenant: z.string().regex(DIVISION_CODE_PATTERN) });
const cycleParams = tenantParams.extend({ cycleId: z.string().regex(idPattern('cycle')) });

/**
 * Published results as the public reads them (no sign-in; the tenant is the path's). Every answer
 * comes from the publication's frozen snapshot only: a cycle not published (or withdrawn), another
 * tenant's cycle and a unit not in the snapshot all answer 404. Answers may be cached (public).
 */
export const publicResultContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/public/{tenant}/results',
    tags,
    'x-permission': 'public',
    summary: "The tenant's published results, newest year first",
    request: { params: tenantParams },
    responses: { 200: json(publicResultsListSchema, 'Published results'), ...readErrors },
  }),
  cycle: defineRoute({
    method: 'get',
    path: '/v1/public/{tenant}/results/{cycleId}',
    tags,
    'x-permission': 'public',
    summary: 'One published cycle: results by unit group with grades, the distribution and the reports',
    request: { params: cycleParams },
    responses: { 200: json(publicCycleResultsSchema, 'Published cycle'), ...readErrors },
  }),
  unit: defineRoute({
    method: 'get',
    path: '/v1/public/{tenant}/results/{cycleId}/units/{unit}',
    tags,
    'x-permission': 'public',
    summary: "One unit's published result: its report's data and downloads",
    request: { params: cycleParams.extend({ unit: codeSchema }) },
    responses: { 200: json(publicUnitResultSchema, 'Published unit result'), ...readErrors },
  }),
};

/** The published reports' files (rendered on first request from the frozen snapshot): the file function. */
export const publicReportContract = {
  file: defineRoute({
    method: 'get',
    path: '/v1/public/{tenant}/results/{cycleId}/reports/{kind}/{format}',
    tags,
    'x-permission': 'public',
    summary: 'A published report file: answers 302 to a short-lived presigned GET',
    request: {
      params: cycleParams.extend({ kind: z.enum(REPORT_KINDS), format: z.enum(REPORT_FORMATS) }),
      query: z.object({ unit: codeSchema.optional() }),
    },
    responses: {
      302: { description: 'Redirect to the file', headers: z.object({ Location: z.string() }) },
      ...readErrors,
    },
  }),
};
