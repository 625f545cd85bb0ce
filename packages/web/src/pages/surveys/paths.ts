import { idPattern } from '@jixiao/core';
import { BASE, type Ctx, param, seg } from '../../context';
import { cycleHref } from '../cycles/office/paths';

/** Where the office's survey pages live, and the public link a respondent opens. */
export const surveysHref = (cycleId: string) => `${cycleHref(cycleId)}/surveys`;
export const surveyHref = (cycleId: string, surveyId: string) => `${surveysHref(cycleId)}/${seg(surveyId)}`;

/** The public questionnaire's path (no sign-in), with the invitation token when there is one. */
export const publicSurveyPath = (tenant: string, cycleId: string, surveyId: string, token?: string) =>
  `${BASE}/public/${seg(tenant)}/surveys/${seg(cycleId)}/${seg(surveyId)}${token ? `?t=${seg(token)}` : ''}`;

/** The absolute link for a QR code: the request's own origin (what a phone can reach). */
export const publicSurveyUrl = (c: Ctx, tenant: string, cycleId: string, surveyId: string, token?: string) =>
  `${new URL(c.req.url).origin}${publicSurveyPath(tenant, cycleId, surveyId, token)}`;

export const isSurveyId = (s: string) => idPattern('survey').test(s);
export const surveyIdOf = (c: Ctx) => param(c, 'surveyId');
