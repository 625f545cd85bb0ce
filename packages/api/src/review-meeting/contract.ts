import {
  meetingConcludeSchema,
  meetingPutSchema,
  meetingViewSchema,
  unitDecisionViewSchema,
} from '@jixiao/core';
import { cycleParams, cycleUnitParams } from '../cycles/params';
import { body, json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Review meeting'];

/** The review meeting (评议会) of a cycle. */
export const meetingContract = {
  get: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/review-meeting',
    tags,
    'x-permission': 'cycles:oversee',
    summary: "The cycle's review meeting (null until recorded), its units and what concluding still needs",
    request: { params: cycleParams },
    responses: { 200: json(meetingViewSchema, 'Review meeting'), ...readErrors },
  }),
  put: defineRoute({
    method: 'put',
    path: '/v1/cycles/{cycleId}/review-meeting',
    tags,
    'x-permission': 'meeting:write',
    summary:
      'Record the meeting (members, documents, decisions, adjustments, minutes) in verification or review: create without version, change with it; 409 once concluded',
    request: { params: cycleParams, body: body(meetingPutSchema) },
    responses: { 200: json(meetingViewSchema, 'Saved'), ...writeErrors },
  }),
  conclude: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/review-meeting/conclude',
    tags,
    'x-permission': 'meeting:write',
    summary: 'Conclude the meeting (in review, with a chair, a quorum and minutes): the record is locked',
    request: { params: cycleParams, body: body(meetingConcludeSchema) },
    responses: { 200: json(meetingViewSchema, 'Concluded'), ...writeErrors },
  }),
  unitDecision: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/review-meeting/units/{unit}',
    tags,
    'x-permission': 'cycles:read',
    summary: "A unit's decision of the concluded meeting: the unit's own user, or the office and observers",
    request: { params: cycleUnitParams },
    responses: { 200: json(unitDecisionViewSchema, "The unit's decision"), ...readErrors },
  }),
};
