import { z } from '@hono/zod-openapi';
import { codeSchema, peerGroupPutSchema, peerGroupSchema } from '@jixiao/core';
import { body, json, readErrors, versionQuery, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Peer groups'];
const codeParams = z.object({ code: codeSchema });

/**
 * Peer groups (分类考核): a province (or a city, for its counties) compares within groups of its
 * cities or counties, each with its own weights by standard indicator, method and grade quotas.
 */
export const peerGroupContract = {
  list: defineRoute({
    method: 'get',
    path: '/v1/peer-groups',
    tags,
    'x-permission': 'comparison:read',
    summary: "The recipient's peer groups (the implicit group ALL of everyone who shared is not listed)",
    responses: { 200: json(z.object({ items: z.array(peerGroupSchema) }), 'Peer groups'), ...readErrors },
  }),
  put: defineRoute({
    method: 'put',
    path: '/v1/peer-groups/{code}',
    tags,
    'x-permission': 'comparison:manage',
    summary:
      'Create (201) or change (200, by version) a peer group: members under the office, weights of standard indicators in the library',
    request: { params: codeParams, body: body(peerGroupPutSchema) },
    responses: {
      200: json(peerGroupSchema, 'Saved'),
      201: json(peerGroupSchema, 'Created'),
      ...writeErrors,
    },
  }),
  remove: defineRoute({
    method: 'delete',
    path: '/v1/peer-groups/{code}',
    tags,
    'x-permission': 'comparison:manage',
    summary: 'Delete a peer group (by version)',
    request: { params: codeParams, query: versionQuery },
    responses: { 204: { description: 'Deleted' }, ...writeErrors },
  }),
};
