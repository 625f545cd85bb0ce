import {
  type Cycle,
  contentOf,
  type Invitation,
  type Leaf,
  leavesOf,
  type StoredSurvey,
  type Survey,
  type SurveyAnswer,
  type SurveyUnit,
} from '@jixiao/core';
import { loadCycle, systemsByGroup, tenant, unitsInCycle } from '../cycles/context';
import type { Caller } from '../http/caller';

/** What the survey use cases share: the survey in its cycle, the cycle's units and their leaves. */

export const SURVEY = { zh: '满意度问卷', en: 'Survey' };
export const INVITATION = { zh: '邀请码', en: 'Invitation' };
export const ANSWER = { zh: '答卷', en: 'Answer' };

/** The survey without its salt (the salt never leaves the data layer and the use cases). */
export function surveyOut(s: StoredSurvey): Survey {
  const { salt: _salt, ...rest } = s;
  return rest;
}

export async function loadSurvey(caller: Caller, cycleId: string, surveyId: string) {
  const cycle = await loadCycle(caller, cycleId);
  const survey = await caller.deps.data.cycleRecords.getOr404<StoredSurvey>(
    tenant(caller),
    cycle.id,
    'SURVEY',
    [surveyId],
    SURVEY,
  );
  return { cycle, survey };
}

/** The leaves of a system that apply to a group (absent or empty `appliesTo` = every group). */
const leavesFor = (leaves: readonly Leaf[], group: string) =>
  leaves.filter((l) => !l.appliesTo?.length || l.appliesTo.includes(group));

/** Every unit of the cycle with its name and the (full) leaves that apply to it. */
export async function cycleSurveyUnits(caller: Caller, cycle: Cycle): Promise<Map<string, SurveyUnit>> {
  const [units, systems] = await Promise.all([unitsInCycle(caller, cycle), systemsByGroup(caller, cycle)]);
  const byGroup = new Map<string, Leaf[]>();
  for (const [group, system] of systems)
    byGroup.set(group, leavesFor(leavesOf(contentOf(system).dimensions), group));
  return new Map(units.map((u) => [u.code, { name: u.name, leaves: byGroup.get(u.group) ?? [] }]));
}

export const allInvitations = (caller: Caller, cycle: Cycle, surveyId: string) =>
  caller.deps.data.cycleRecords.all<Invitation>(tenant(caller), cycle.id, 'INVITE', [surveyId]);

export const allAnswers = (caller: Caller, cycle: Cycle, surveyId: string) =>
  caller.deps.data.cycleRecords.all<SurveyAnswer>(tenant(caller), cycle.id, 'ANSWER', [surveyId]);

/** The survey with its counts of invitations (issued, used) and answers. */
export async function surveyView(caller: Caller, cycle: Cycle, survey: StoredSurvey) {
  const [invitations, answers] = await Promise.all([
    allInvitations(caller, cycle, survey.id),
    allAnswers(caller, cycle, survey.id),
  ]);
  return {
    ...surveyOut(survey),
    counts: {
      invitations: invitations.length,
      used: invitations.filter((i) => i.status === 'used').length,
      answers: answers.length,
    },
  };
}
