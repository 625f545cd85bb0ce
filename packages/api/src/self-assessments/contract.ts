import { selfActionSchema, selfAssessmentPutSchema, selfViewSchema } from '@jixiao/core';
import { cycleUnitParams } from '../cycles/params';
import { body, json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Self-assessment'];

/** Self-assessment (自我测评, art. 23 (三)): values, self-scores, narratives and the report. */
export const selfAssessmentContract = {
  get: defineRoute({
    method: 'get',
    path: '/v1/cycles/{cycleId}/self-assessments/{unit}',
    tags,
    'x-permission': 'cycles:read',
    summary: "A unit's self-assessment with its indicators, supplied values, completeness and deadline",
    request: { params: cycleUnitParams },
    responses: { 200: json(selfViewSchema, 'Self-assessment'), ...readErrors },
  }),
  put: defineRoute({
    method: 'put',
    path: '/v1/cycles/{cycleId}/self-assessments/{unit}',
    tags,
    'x-permission': 'self:write',
    summary: 'Save the self-assessment (before submission); 409 if someone saved meanwhile',
    request: { params: cycleUnitParams, body: body(selfAssessmentPutSchema) },
    responses: { 200: json(selfViewSchema, 'Saved'), ...writeErrors },
  }),
  act: defineRoute({
    method: 'post',
    path: '/v1/cycles/{cycleId}/self-assessments/{unit}/actions',
    tags,
    'x-permission': 'cycles:act',
    summary: 'Submit (unit, when complete and in time) or reopen after the deadline (office)',
    request: { params: cycleUnitParams, body: body(selfActionSchema) },
    responses: { 200: json(selfViewSchema, 'Done'), ...writeErrors },
  }),
};
