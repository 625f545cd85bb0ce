import { z } from '@hono/zod-openapi';
import {
  answerInputSchema,
  DIVISION_CODE_PATTERN,
  idPattern,
  problemSchema,
  publicQuestionnaireSchema,
  surveyReceiptSchema,
} from '@jixiao/core';
import { body, json, readErrors, writeErrors } from '../http/openapi-parts';
import { defineRoute } from '../http/route';

const tags = ['Public'];
const params = z.object({
  tenant: z.string().regex(DIVISION_CODE_PATTERN),
  cycleId: z.string().regex(idPattern('cycle')),
  surveyId: z.string().regex(idPattern('survey')),
});
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});
const publicErrors = {
  410: problem('The survey is closed'),
  429: problem('Too many answers from this network; retry after the Retry-After seconds'),
};

/** The public side of a survey: the questionnaire and answering it (no sign-in). */
export const publicSurveyContract = {
  questionnaire: defineRoute({
    method: 'get',
    path: '/v1/public/{tenant}/surveys/{cycleId}/{surveyId}',
    tags,
    'x-permission': 'public',
    summary: 'The questionnaire of an open survey, by invitation token or through the open link',
    request: {
      params,
      query: z.object({ token: z.string().regex(idPattern('invitation')).optional() }),
    },
    responses: {
      200: json(publicQuestionnaireSchema, 'Questionnaire'),
      ...readErrors,
      409: problem('The invitation has been answered'),
      ...publicErrors,
    },
  }),
  answer: defineRoute({
    method: 'post',
    path: '/v1/public/{tenant}/surveys/{cycleId}/{surveyId}/answers',
    tags,
    'x-permission': 'public',
    summary: 'Answer the survey (anonymous; one answer per invitation, open link rate-limited per network)',
    request: { params, body: body(answerInputSchema) },
    responses: { 201: json(surveyReceiptSchema, 'Received'), ...writeErrors, ...publicErrors },
  }),
};
