import { z } from '@hono/zod-openapi';
import { codeSchema, suppliedValuesSchema, VALUE_STATUSES, valueRowSchema, verifySchema } from '@jixiao/core';
import { cycleParams } from '../cycles/params';
import { body, json, pageOf, pageQuery, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Verification'];
const valueParams = cycleParams.extend({ unit: codeSchema, leaf: codeSchema });

/** Verification (指标考核, art. 23 (四)) and values supplied once by data providers (一数一源). */
export const valueContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/values',
    tags,
    'x-permission': 'cycles:read',
    summary:
      'Values to verify, by unit or indicator (a provider sees its indicators, a unit its own outcome)',
    request: {
      params: cycleParams,
      query: pageQuery.extend({
        unit: codeSchema.optional(),
        leaf: codeSchema.optional(),
        status: z.enum(VALUE_STATUSES).optional(),
      }),
    },
    responses: { 200: json(pageOf(valueRowSchema), 'Values'), ...readErrors },
  }),
  verify: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/values/{unit}/{leaf}/verification',
    tags,
    'x-permission': 'values:verify',
    summary: 'Confirm a value, or correct it with a reason (the original is kept)',
    request: { params: valueParams, body: body(verifySchema) },
    responses: { 200: json(valueRowSchema, 'Verified'), ...writeErrors },
  }),
  supply: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/supplied-values',
    tags,
    'x-permission': 'values:verify',
    summary: "A provider's values of one indicator for many units, entered once (一数一源)",
    request: { params: cycleParams, body: body(suppliedValuesSchema) },
    responses: {
      200: json(z.object({ written: z.number().int(), unchanged: z.number().int() }), 'Stored'),
      ...writeErrors,
    },
  }),
};
