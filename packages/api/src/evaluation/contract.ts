import { z } from '@hono/zod-openapi';
import {
  determinationPutSchema,
  determinationViewSchema,
  evaluationOverviewSchema,
  idPattern,
  releasedResultViewSchema,
  runComparisonSchema,
  runReleaseSchema,
  runResultsSchema,
  runStartSchema,
  runViewSchema,
  unitRunResultViewSchema,
} from '@jixiao/core';
import { cycleParams, cycleUnitParams } from '../cycles/params';
import { body, idempotencyHeader, json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Year-end evaluation'];
const runParams = cycleParams.extend({ runId: z.string().regex(idPattern('run')) });
const runUnitParams = runParams.extend({ unit: cycleUnitParams.shape.unit });

/**
 * The year-end evaluation (年终综合评估): runs of the batch (start, progress, resume), their results,
 * the comparison of two runs, the release of one run to the units by a pointer flip, a unit's
 * released result, and the office's year-end determinations per unit.
 */
export const evaluationContract = {
  overview: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/evaluation',
    tags,
    'x-permission': 'cycles:oversee',
    summary:
      "The cycle's runs (newest first), the run under way, the released run and whether a run may start",
    request: { params: cycleParams },
    responses: { 200: json(evaluationOverviewSchema, 'Evaluation overview'), ...readErrors },
  }),
  start: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/evaluation/runs',
    tags,
    'x-permission': 'evaluation:run',
    summary:
      'Start a run: official in review (locks evidence), a trial in verification; 409 run_in_progress while another runs',
    request: { params: cycleParams, body: body(runStartSchema), headers: idempotencyHeader },
    responses: { 202: json(runViewSchema, 'Started'), ...writeErrors },
  }),
  run: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/evaluation/runs/{runId}',
    tags,
    'x-permission': 'cycles:oversee',
    summary: 'One run with its progress (units scored / total, the current step, failures)',
    request: { params: runParams },
    responses: { 200: json(runViewSchema, 'Run'), ...readErrors },
  }),
  resume: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/evaluation/runs/{runId}/resume',
    tags,
    'x-permission': 'evaluation:run',
    summary: 'Resume a stopped run (failed, or its process gone) from where it stopped, on the same snapshot',
    request: { params: runParams },
    responses: { 202: json(runViewSchema, 'Resumed'), ...writeErrors },
  }),
  results: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/evaluation/runs/{runId}/results',
    tags,
    'x-permission': 'cycles:oversee',
    summary:
      "A finished run's results: every unit's total, rank, grade and stages, and each group's order and quotas",
    request: { params: runParams },
    responses: { 200: json(runResultsSchema, 'Results'), ...readErrors },
  }),
  unitResult: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/evaluation/runs/{runId}/units/{unit}',
    tags,
    'x-permission': 'cycles:oversee',
    summary:
      "A unit's result in a run, down to each indicator: value, source, rule, points, evidence, reason",
    request: { params: runUnitParams },
    responses: { 200: json(unitRunResultViewSchema, 'Unit result'), ...readErrors },
  }),
  compare: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/evaluation/runs/{runId}/compare',
    tags,
    'x-permission': 'cycles:oversee',
    summary:
      'What changed from another run (by default the one before) and why, unit by unit and indicator by indicator',
    request: {
      params: runParams,
      query: z.object({
        with: z
          .string()
          .regex(idPattern('run'))
          .optional()
          .openapi({ description: 'The run to compare with; default: the previous run' }),
      }),
    },
    responses: { 200: json(runComparisonSchema, 'Comparison'), ...readErrors },
  }),
  release: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/evaluation/runs/{runId}/release',
    tags,
    'x-permission': 'evaluation:run',
    summary:
      'Release an official, ready run to the units: one conditional update of the cycle’s results pointer',
    request: { params: runParams, body: body(runReleaseSchema) },
    responses: { 200: json(runViewSchema, 'Released'), ...writeErrors },
  }),
  released: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/results/units/{unit}',
    tags,
    'x-permission': 'cycles:read',
    summary:
      "A unit's released result (the unit's own user, or the office and observers); null until released",
    request: { params: cycleUnitParams },
    responses: { 200: json(releasedResultViewSchema, 'Released result'), ...readErrors },
  }),
  determination: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/determinations/{unit}',
    tags,
    'x-permission': 'cycles:oversee',
    summary: "The office's year-end determinations of a unit (grades, incidents, exemptions, bonus, vetoes)",
    request: { params: cycleUnitParams },
    responses: { 200: json(determinationViewSchema, 'Determinations'), ...readErrors },
  }),
  determine: defineRoute({
    method: 'put',
    path: '/v1/cycles/{cycleId}/determinations/{unit}',
    tags,
    'x-permission': 'evaluation:run',
    summary:
      'Record the determinations of a unit (verification or review): create without version, change with it',
    request: { params: cycleUnitParams, body: body(determinationPutSchema) },
    responses: { 200: json(determinationViewSchema, 'Saved'), ...writeErrors },
  }),
};
