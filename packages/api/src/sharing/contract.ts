import { z } from '@hono/zod-openapi';
import {
  divisionCodeSchema,
  idPattern,
  leafMappingPutSchema,
  leafMappingSchema,
  SHARE_RECIPIENT_KINDS,
  shareCreateSchema,
  sharedResultSchema,
  shareRecordSchema,
  shareWithdrawSchema,
} from '@jixiao/core';
import { cycleParams } from '../cycles/params';
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

const tags = ['Sharing'];

export const shareRecipientSchema = z
  .object({
    kind: z.enum(SHARE_RECIPIENT_KINDS),
    code: divisionCodeSchema,
    name: z.string(),
    /** Whether the recipient subscribes to the platform (only then may it be shared with). */
    subscribed: z.boolean(),
  })
  .meta({ id: 'ShareRecipient' });

const shareParams = cycleParams.extend({ recipient: divisionCodeSchema });

/**
 * Sharing by consent (#12): the office of a city or county shares the released result of a cycle
 * with its province (a county also with its city), sees what it would send, and may withdraw it.
 */
export const sharingContract = {
  recipients: defineRoute({
    method: 'get',
    path: '/v1/sharing/recipients',
    tags,
    'x-permission': 'sharing:manage',
    summary:
      'Whom this tenant may share with (its province; a county also its city), and whether each subscribes',
    responses: {
      200: json(z.object({ items: z.array(shareRecipientSchema) }), 'Recipients'),
      ...readErrors,
    },
  }),
  list: defineRoute({
    method: 'get',
    path: '/v1/sharing',
    tags,
    'x-permission': 'sharing:manage',
    summary: "The tenant's shares, newest change first (withdrawn and replaced ones kept as history)",
    request: { query: pageQuery },
    responses: { 200: json(pageOf(shareRecordSchema), 'Shares'), ...readErrors },
  }),
  cycle: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/shares',
    tags,
    'x-permission': 'sharing:manage',
    summary: "The cycle's shares, by recipient",
    request: { params: cycleParams },
    responses: { 200: json(z.object({ items: z.array(shareRecordSchema) }), 'Shares'), ...readErrors },
  }),
  preview: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/shares/preview',
    tags,
    'x-permission': 'sharing:manage',
    summary:
      'What a share would send now (the mapped values, coverage and a summary; nothing per unit); 409 without released results',
    request: { params: cycleParams, query: z.object({ to: z.enum(SHARE_RECIPIENT_KINDS) }) },
    responses: { 200: json(sharedResultSchema, 'Snapshot'), 409: writeErrors[409], ...readErrors },
  }),
  create: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/shares',
    tags,
    'x-permission': 'sharing:manage',
    summary:
      'Share the released result with the province or city; sharing again refreshes it, another cycle of the year replaces it',
    request: { params: cycleParams, body: body(shareCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(shareRecordSchema, 'Shared'), ...writeErrors },
  }),
  withdraw: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/shares/{recipient}/withdraw',
    tags,
    'x-permission': 'sharing:manage',
    summary: "Withdraw a share (by its version, with the reason): the recipient's copy is deleted",
    request: { params: shareParams, body: body(shareWithdrawSchema) },
    responses: { 200: json(shareRecordSchema, 'Withdrawn'), ...writeErrors },
  }),
};

const systemParams = z.object({ system: z.string().regex(idPattern('indicatorSystem')) });

/** A tenant's mapping of its systems' leaves to the province's standard library (指标对标). */
export const mappingContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/standard-mappings',
    tags,
    'x-permission': 'sharing:manage',
    summary: "The tenant's mappings, one per indicator system",
    responses: { 200: json(z.object({ items: z.array(leafMappingSchema) }), 'Mappings'), ...readErrors },
  }),
  get: defineRoute({
    method: 'get',
    path: '/v1/standard-mappings/{system}',
    tags,
    'x-permission': 'sharing:manage',
    summary: "One system's mapping (404 before it is first saved)",
    request: { params: systemParams },
    responses: { 200: json(leafMappingSchema, 'Mapping'), ...readErrors },
  }),
  put: defineRoute({
    method: 'put',
    path: '/v1/standard-mappings/{system}',
    tags,
    'x-permission': 'sharing:manage',
    summary:
      "Save a system's mapping whole (201 first, then 200 by version); 422 lists every problem against the latest version's leaves and the library",
    request: { params: systemParams, body: body(leafMappingPutSchema) },
    responses: {
      200: json(leafMappingSchema, 'Saved'),
      201: json(leafMappingSchema, 'Created'),
      ...writeErrors,
    },
  }),
};
