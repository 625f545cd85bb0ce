import { z } from '@hono/zod-openapi';
import {
  ALL_GROUP,
  codeSchema,
  comparisonQuerySchema,
  comparisonSchema,
  divisionCodeSchema,
  STANDARDISATION_METHODS,
  sensitivityResultSchema,
  sensitivitySchema,
  sharedResultSchema,
  trendSchema,
  whatIfResultSchema,
  whatIfSchema,
} from '@jixiao/core';
import { body, json, pageOf, pageQuery, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';
import { SENSITIVITY_MAX_CELLS } from './bounds';

const tags = ['Comparisons'];
const year = z.coerce.number().int().min(2000).max(2100);

/**
 * What a recipient (a province, or a city for its counties) holds: the snapshots its cities and
 * counties chose to share, written under its own keys. Never a tenant's own records.
 */
export const sharedResultContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/shared-results',
    tags,
    'x-permission': 'comparison:read',
    summary:
      'The shared snapshots the caller’s office holds, of one year or every year (by year, then tenant)',
    request: { query: pageQuery.extend({ year: year.optional() }) },
    responses: { 200: json(pageOf(sharedResultSchema), 'Shared results'), ...readErrors },
  }),
  years: defineRoute({
    method: 'get',
    path: '/v1/shared-results/years',
    tags,
    'x-permission': 'comparison:read',
    summary: 'The years of which the office holds shared results',
    responses: { 200: json(z.object({ years: z.array(z.number().int()) }), 'Years'), ...readErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/shared-results/{year}/{tenant}',
    tags,
    'x-permission': 'comparison:read',
    summary: "One tenant's shared snapshot of a year (404 if it did not share, or withdrew)",
    request: { params: z.object({ year, tenant: divisionCodeSchema }) },
    responses: { 200: json(sharedResultSchema, 'Shared result'), ...readErrors },
  }),
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Comparisons within a peer group (分类考核): standardised values, composite, ranks and grades, 增幅
 * beside the level, trends, and the fast what-if and rank sensitivity. The workbook is file work
 * (its own cloud function); the rest is JSON.
 */
export const comparisonContract = {
  get: defineRoute({
    method: 'get',
    path: '/v1/comparisons',
    tags,
    'x-permission': 'comparison:read',
    summary: `The comparison of a year within a peer group (default ${ALL_GROUP}: everyone who shared), in exact decimals, with the method stated`,
    request: { query: comparisonQuerySchema },
    responses: { 200: json(comparisonSchema, 'Comparison'), ...readErrors },
  }),
  trend: defineRoute({
    method: 'get',
    path: '/v1/comparisons/trend',
    tags,
    'x-permission': 'comparison:read',
    summary:
      "Composite and rank of the group's members over every shared year (each year standardised on its own)",
    request: {
      query: z.object({
        group: codeSchema.default(ALL_GROUP),
        method: z.enum(STANDARDISATION_METHODS).optional(),
      }),
    },
    responses: { 200: json(trendSchema, 'Trend'), ...readErrors },
  }),
  whatIf: defineRoute({
    method: 'post',
    path: '/v1/comparisons/what-if',
    tags,
    'x-permission': 'comparison:read',
    summary:
      'Ranks with other weights (the fast path over the standardised values; nothing is saved), beside the ranks with the group’s own',
    request: { body: body(whatIfSchema) },
    responses: { 200: json(whatIfResultSchema, 'What-if'), ...writeErrors },
  }),
  sensitivity: defineRoute({
    method: 'post',
    path: '/v1/comparisons/sensitivity',
    tags,
    'x-permission': 'comparison:read',
    summary: `Rank sensitivity: every weight varied at random within ±band, the range of ranks and how often each keeps its grade (draws × regions ≤ ${SENSITIVITY_MAX_CELLS.toLocaleString('en-US')})`,
    request: { body: body(sensitivitySchema) },
    responses: { 200: json(sensitivityResultSchema, 'Rank sensitivity'), ...writeErrors },
  }),
  export: defineRoute({
    method: 'get',
    path: '/v1/comparisons/export.xlsx',
    tags,
    'x-permission': 'comparison:read',
    summary: 'The comparison as an Excel workbook: 综合排名, 指标明细 and 说明 (numbers as numbers)',
    request: { query: comparisonQuerySchema },
    responses: {
      200: {
        description: 'Workbook',
        content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
      },
      ...readErrors,
    },
  }),
};
