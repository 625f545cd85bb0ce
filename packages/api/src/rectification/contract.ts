import { z } from '@hono/zod-openapi';
import {
  carryOverResultSchema,
  carryOverSchema,
  codeSchema,
  idPattern,
  RECTIFICATION_STATUSES,
  rectificationCreateSchema,
  rectificationListSchema,
  rectificationPatchSchema,
  rectificationProgressSchema,
  rectificationTransitionSchema,
  rectificationViewSchema,
} from '@jixiao/core';
import { cycleParams, cycleUnitParams } from '../cycles/params';
import { body, idempotencyHeader, json, pageQuery, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Rectification'];
const taskParams = cycleUnitParams.extend({ taskId: z.string().regex(idPattern('rectification')) });

/**
 * Rectification tasks (整改): the office creates and manages them per unit, the unit reports
 * progress with its documents, overdue tasks are flagged, and open tasks carry into next year's cycle.
 */
export const rectificationContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/rectification',
    tags,
    'x-permission': 'cycles:read',
    summary:
      'Tasks by unit and deadline, overdue flagged, with a summary per status: the office and observers see every unit’s, a unit its own',
    request: {
      params: cycleParams,
      query: pageQuery.extend({
        unit: codeSchema.optional(),
        status: z.enum(RECTIFICATION_STATUSES).optional(),
        overdue: z
          .enum(['true', 'false'])
          .optional()
          .openapi({ description: 'Only overdue tasks (true) or only the others (false)' }),
      }),
    },
    responses: { 200: json(rectificationListSchema, 'Tasks'), ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/rectification/units/{unit}',
    tags,
    'x-permission': 'rectification:manage',
    summary: 'Create a task for a unit: what was found, where, who answers for it and by when',
    request: { params: cycleUnitParams, body: body(rectificationCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(rectificationViewSchema, 'Created'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/rectification/units/{unit}/{taskId}',
    tags,
    'x-permission': 'cycles:read',
    summary: 'One task with its progress reports and history',
    request: { params: taskParams },
    responses: { 200: json(rectificationViewSchema, 'Task'), ...readErrors },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/v1/cycles/{cycleId}/rectification/units/{unit}/{taskId}',
    tags,
    'x-permission': 'rectification:manage',
    summary: 'Change a task (not once closed or cancelled: reopen it first)',
    request: { params: taskParams, body: body(rectificationPatchSchema) },
    responses: { 200: json(rectificationViewSchema, 'Updated'), ...writeErrors },
  }),
  transition: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/rectification/units/{unit}/{taskId}/transitions',
    tags,
    'x-permission': 'rectification:manage',
    summary: 'Close a task the unit reported done (销号), cancel it, or reopen it, with the reason',
    request: { params: taskParams, body: body(rectificationTransitionSchema) },
    responses: { 200: json(rectificationViewSchema, 'Done'), ...writeErrors },
  }),
  progress: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/rectification/units/{unit}/{taskId}/progress',
    tags,
    'x-permission': 'rectification:report',
    summary: "Report progress (the unit's own user): what was done, its documents, in progress or done",
    request: { params: taskParams, body: body(rectificationProgressSchema) },
    responses: { 200: json(rectificationViewSchema, 'Reported'), ...writeErrors },
  }),
  carryOver: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/rectification/carry-over',
    tags,
    'x-permission': 'rectification:manage',
    summary:
      "Carry every unfinished task of an earlier year's cycle into this one (once each; the old cycle is left as history)",
    request: { params: cycleParams, body: body(carryOverSchema) },
    responses: { 200: json(carryOverResultSchema, 'Carried over'), ...writeErrors },
  }),
};
