import {
  publicationSchema,
  publicationViewSchema,
  publishSchema,
  withdrawPublicationSchema,
} from '@jixiao/core';
import { cycleParams } from '../cycles/params';
import { body, json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Publication'];

/**
 * Publication (绩效结果公开): after appeals the office publishes the released results as a frozen
 * snapshot the public portal reads, and may withdraw it. Publishing again after a new release
 * writes a new snapshot (the next number).
 */
export const publicationContract = {
  view: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/publication',
    tags,
    'x-permission': 'cycles:oversee',
    summary: "The cycle's publication, and whether the office may publish now (and if not, why)",
    request: { params: cycleParams },
    responses: { 200: json(publicationViewSchema, 'Publication'), ...readErrors },
  }),
  publish: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/publication',
    tags,
    'x-permission': 'results:publish',
    summary:
      'Publish the released results: needs a released run and no appeal awaiting a decision; 409 when not ready',
    request: { params: cycleParams, body: body(publishSchema) },
    responses: { 201: json(publicationSchema, 'Published'), ...writeErrors },
  }),
  withdraw: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/publication/withdraw',
    tags,
    'x-permission': 'results:publish',
    summary: 'Withdraw the published results from the public portal (kept, with the reason)',
    request: { params: cycleParams, body: body(withdrawPublicationSchema) },
    responses: { 200: json(publicationSchema, 'Withdrawn'), ...writeErrors },
  }),
};
