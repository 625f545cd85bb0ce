import { randomBytes } from 'node:crypto';
import {
  AppError,
  type Cycle,
  errors,
  type StoredSurvey,
  type SurveyInput,
  type SurveyPut,
  type SurveyStatus,
  surveyIssues,
} from '@jixiao/core';
import { newId, type PageRequest } from '@jixiao/data';
import { changedFields, loadCycle, recordAudit, tenant } from '../cycles/context';
import { OPEN_STATES, requireState, statesFrom } from '../cycles/gate';
import type { Caller } from '../http/caller';

import { cycleSurveyUnits, loadSurvey, SURVEY, surveyOut, surveyView } from './load';

export { invitations, invite } from './invitations';
export { decide, results } from './results';

/** The cycle states in which a survey collects answers (from monitoring until the cycle closes). */
export const ANSWERING_STATES = statesFrom('monitoring');

const EDITABLE = ['title', 'intro', 'groups', 'units', 'questions', 'openLink', 'fastSeconds'] as const;

async function checked(caller: Caller, cycle: Cycle, input: SurveyInput) {
  const issues = surveyIssues(input, await cycleSurveyUnits(caller, cycle));
  if (issues.length) throw errors.validation(issues);
}

export async function listSurveys(caller: Caller, cycleId: string, req: PageRequest) {
  const cycle = await loadCycle(caller, cycleId);
  const page = await caller.deps.data.cycleRecords.page<StoredSurvey>(
    tenant(caller),
    cycle.id,
    'SURVEY',
    [],
    req,
  );
  return { items: page.items.map(surveyOut), ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
}

export async function getSurvey(caller: Caller, cycleId: string, surveyId: string) {
  const { cycle, survey } = await loadSurvey(caller, cycleId, surveyId);
  return surveyView(caller, cycle, survey);
}

export async function createSurvey(caller: Caller, cycleId: string, input: SurveyInput) {
  const cycle = await loadCycle(caller, cycleId);
  requireState(cycle, OPEN_STATES, { zh: '编制满意度问卷', en: 'draft a survey' });
  await checked(caller, cycle, input);
  const id = newId('survey');
  const saved = await caller.deps.data.cycleRecords.create<
    Omit<StoredSurvey, 'version' | 'createdAt' | 'updatedAt'>
  >(
    tenant(caller),
    cycle.id,
    'SURVEY',
    [id],
    // The salt keys this survey's device and network hashes, so they cannot be joined across surveys.
    { id, cycle: cycle.id, ...input, status: 'draft', salt: randomBytes(16).toString('base64url') },
    SURVEY,
  );
  await recordAudit(caller, {
    action: 'survey.create',
    target: { type: 'survey', id: `${cycle.id}/${id}` },
    after: surveyOut(saved),
  });
  return surveyView(caller, cycle, saved);
}

const notDraft = (status: SurveyStatus) =>
  new AppError({
    status: 409,
    code: 'survey_not_draft',
    zh: `问卷已${status === 'open' ? '发布' : '截止'}，不能再修改；题目和群体在收集答卷后保持不变。`,
    en: `The survey is ${status}; its questions and groups stay as they were while answers are collected.`,
  });

export async function putSurvey(caller: Caller, cycleId: string, surveyId: string, input: SurveyPut) {
  const { cycle, survey } = await loadSurvey(caller, cycleId, surveyId);
  requireState(cycle, OPEN_STATES, { zh: '修改满意度问卷', en: 'change a survey' });
  if (survey.status !== 'draft') throw notDraft(survey.status);
  const { version, ...fields } = input;
  await checked(caller, cycle, fields);
  const saved = await caller.deps.data.cycleRecords.update<StoredSurvey>(
    tenant(caller),
    cycle.id,
    'SURVEY',
    [surveyId],
    version,
    fields,
    SURVEY,
  );
  const diff = changedFields(survey, Object.fromEntries(EDITABLE.map((k) => [k, saved[k]])));
  await recordAudit(caller, {
    action: 'survey.update',
    target: { type: 'survey', id: `${cycle.id}/${surveyId}` },
    before: diff.before,
    after: diff.after,
  });
  return surveyView(caller, cycle, saved);
}

const NEXT: Record<'open' | 'close', { from: SurveyStatus; to: SurveyStatus }> = {
  open: { from: 'draft', to: 'open' },
  close: { from: 'open', to: 'closed' },
};

export async function transition(
  caller: Caller,
  cycleId: string,
  surveyId: string,
  input: { version: number; action: 'open' | 'close' },
) {
  const { cycle, survey } = await loadSurvey(caller, cycleId, surveyId);
  const step = NEXT[input.action];
  if (input.action === 'open')
    requireState(cycle, ANSWERING_STATES, { zh: '发布满意度问卷', en: 'open a survey for answers' });
  if (survey.status !== step.from)
    throw new AppError({
      status: 409,
      code: 'invalid_transition',
      zh: input.action === 'open' ? '只有编制中的问卷可以发布。' : '只有收集中的问卷可以截止。',
      en:
        input.action === 'open' ? 'Only a draft survey can be opened.' : 'Only an open survey can be closed.',
      detail: { status: survey.status },
    });
  // Opening checks the links again: the bound systems or units may have changed since the draft.
  if (input.action === 'open') await checked(caller, cycle, survey);
  const at = caller.deps.now().toISOString();
  const saved = await caller.deps.data.cycleRecords.update<StoredSurvey>(
    tenant(caller),
    cycle.id,
    'SURVEY',
    [surveyId],
    input.version,
    { status: step.to, ...(input.action === 'open' ? { openedAt: at } : { closedAt: at }) },
    SURVEY,
  );
  await recordAudit(caller, {
    action: 'survey.transition',
    target: { type: 'survey', id: `${cycle.id}/${surveyId}` },
    before: { status: survey.status },
    after: { status: saved.status },
    note: input.action,
  });
  return surveyView(caller, cycle, saved);
}
