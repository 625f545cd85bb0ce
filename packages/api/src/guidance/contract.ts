import { z } from '@hono/zod-openapi';
import { guidanceCreateSchema, guidanceSchema, idPattern } from '@jixiao/core';
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

const tags = ['Guidance'];

/**
 * Guidance documents (指导文件): county offices work under the city office's guidance, so a city
 * sends documents down to the subscribing counties under it; each county reads its own inbox.
 */
export const guidanceContract = {
  send: defineRoute({
    method: 'post',
    path: '/v1/guidance',
    tags,
    'x-permission': 'guidance:send',
    summary:
      'Send a guidance document to the subscribing counties under the city (all, or those named); a city office only',
    request: { body: body(guidanceCreateSchema), headers: idempotencyHeader },
    responses: { 201: json(guidanceSchema, 'Sent'), ...writeErrors },
  }),
  sent: defineRoute({
    method: 'get',
    path: '/v1/guidance/sent',
    tags,
    'x-permission': 'guidance:read',
    summary: 'Guidance the office sent, newest first',
    request: { query: pageQuery },
    responses: { 200: json(pageOf(guidanceSchema), 'Guidance sent'), ...readErrors },
  }),
  inbox: defineRoute({
    method: 'get',
    path: '/v1/guidance/inbox',
    tags,
    'x-permission': 'guidance:read',
    summary: 'Guidance the office received from the city above, newest first',
    request: { query: pageQuery },
    responses: { 200: json(pageOf(guidanceSchema), 'Guidance received'), ...readErrors },
  }),
  received: defineRoute({
    method: 'get',
    path: '/v1/guidance/inbox/{id}',
    tags,
    'x-permission': 'guidance:read',
    summary: 'One guidance document in the office’s inbox',
    request: { params: z.object({ id: z.string().regex(idPattern('guidance')) }) },
    responses: { 200: json(guidanceSchema, 'Guidance'), ...readErrors },
  }),
};
