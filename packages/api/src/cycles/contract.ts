import { z } from '@hono/zod-openapi';
import {
  burdenSchema,
  cycleCreateSchema,
  cyclePatchSchema,
  cycleSchema,
  cycleTransitionSchema,
  cycleViewSchema,
  overviewRowSchema,
} from '@jixiao/core';
import {
  body,
  idempotencyHeader,
  json,
  pageOf,
  pageQuery,
  readErrors,
  writeErrors,
} from '../http/openapi-parts';
import { defineRoute } from '../http/route';
import { cycleParams } from './params';

const tags = ['Evaluation cycles'];

/** Evaluation cycles (考核周期): open, calendar, bind systems, move through the steps, oversee. */
export const cycleContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/cycles',
    tags,
    'x-permission': 'cycles:read',
    summary: 'List evaluation cycles, newest first',
    request: { query: pageQuery },
    responses: { 200: json(pageOf(cycleSchema), 'Cycles'), ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/cycles',
    tags,
    'x-permission': 'cycles:write',
    summary: 'Open a cycle (annual or special) with its calendar and bindings',
    request: { body: body(cycleCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(cycleViewSchema, 'Created'), ...writeErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}',
    tags,
    'x-permission': 'cycles:read',
    summary: 'A cycle, with what the caller may do and what blocks the next step',
    request: { params: cycleParams },
    responses: { 200: json(cycleViewSchema, 'Cycle'), ...readErrors },
  }),
  update: defineRoute({
    method: 'patch',
    path: '/v1/cycles/{cycleId}',
    tags,
    'x-permission': 'cycles:write',
    summary: 'Change a cycle: name, scope, calendar, bindings (in draft), warning rule, providers, work plan',
    request: { params: cycleParams, body: body(cyclePatchSchema) },
    responses: { 200: json(cycleViewSchema, 'Updated'), ...writeErrors },
  }),
  transition: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/transitions',
    tags,
    'x-permission': 'cycles:write',
    summary: 'Move the cycle to its next step, or reopen an earlier one (with a reason)',
    request: { params: cycleParams, body: body(cycleTransitionSchema) },
    responses: { 200: json(cycleViewSchema, 'Moved'), ...writeErrors },
  }),
  overview: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/overview',
    tags,
    'x-permission': 'cycles:oversee',
    summary: 'Who is late or behind: every unit in scope with its plan, progress, self-assessment and values',
    request: {
      params: cycleParams,
      query: pageQuery.extend({ only: z.enum(['late', 'behind']).optional() }),
    },
    responses: { 200: json(pageOf(overviewRowSchema), 'Units'), ...readErrors },
  }),
  burden: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/burden',
    tags,
    'x-permission': 'cycles:oversee',
    summary: 'Reporting burden per unit (fields, reports, files, rounds of return) beside the previous cycle',
    request: { params: cycleParams },
    responses: { 200: json(burdenSchema, 'Burden'), ...readErrors },
  }),
};
