import {
  errors,
  type IntegrityDecisionInput,
  type IntegrityDecisionRecord,
  surveyResults,
} from '@jixiao/core';
import { recordAudit, tenant } from '../cycles/context';
import { OPEN_STATES, requireState } from '../cycles/gate';
import type { Caller } from '../http/caller';
import { allAnswers, cycleSurveyUnits, loadSurvey } from './load';

/**
 * Results and the office's integrity decisions. Flags are computed from the answers every time
 * (nothing is dropped when it is stored); a decision names the answers the flag held when the
 * office decided, and as-decided results leave out exactly those of the excluded flags.
 */

const DECISION = { zh: '数据质量处理决定', en: 'Integrity decision' };

const decisionsOf = (caller: Caller, cycleId: string, surveyId: string) =>
  caller.deps.data.cycleRecords.all<IntegrityDecisionRecord>(tenant(caller), cycleId, 'INTEGRITY', [
    surveyId,
  ]);

async function compute(caller: Caller, cycleId: string, surveyId: string) {
  const { cycle, survey } = await loadSurvey(caller, cycleId, surveyId);
  const [answers, decisions, units] = await Promise.all([
    allAnswers(caller, cycle, survey.id),
    decisionsOf(caller, cycle.id, survey.id),
    cycleSurveyUnits(caller, cycle),
  ]);
  const leafOf = (unit: string, code: string) => units.get(unit)?.leaves.find((l) => l.code === code);
  return { cycle, survey, results: surveyResults({ survey, answers, decisions, leafOf }) };
}

export async function results(caller: Caller, cycleId: string, surveyId: string) {
  return (await compute(caller, cycleId, surveyId)).results;
}

export async function decide(
  caller: Caller,
  cycleId: string,
  surveyId: string,
  input: IntegrityDecisionInput,
) {
  const { cycle, survey, results: r } = await compute(caller, cycleId, surveyId);
  requireState(cycle, OPEN_STATES, { zh: '处理问卷数据质量提示', en: 'decide on integrity flags' });
  const flag = r.flags.find((f) => f.signal === input.signal && f.key === input.key);
  if (!flag)
    throw errors.notFound(
      '该数据质量提示（可能已随答卷变化而消失）',
      'Integrity flag (it may have changed with the answers)',
    );
  const records = caller.deps.data.cycleRecords;
  const t = tenant(caller);
  const path = [survey.id, input.signal, input.key];
  const before = await records.get<IntegrityDecisionRecord>(t, cycle.id, 'INTEGRITY', path);
  const fields = {
    decision: input.decision,
    reason: input.reason,
    answers: flag.answers,
    by: caller.identity.name || caller.identity.sub,
  };
  const saved =
    input.version === undefined
      ? await records.create<Omit<IntegrityDecisionRecord, 'version' | 'createdAt' | 'updatedAt'>>(
          t,
          cycle.id,
          'INTEGRITY',
          path,
          { survey: survey.id, signal: input.signal, key: input.key, ...fields },
          DECISION,
        )
      : await records.update<IntegrityDecisionRecord>(
          t,
          cycle.id,
          'INTEGRITY',
          path,
          input.version,
          fields,
          DECISION,
        );
  await recordAudit(caller, {
    action: 'survey.integrity',
    target: { type: 'survey', id: `${cycle.id}/${survey.id}` },
    ...(before ? { before: { decision: before.decision, answers: before.answers.length } } : {}),
    after: { signal: input.signal, key: input.key, decision: input.decision, answers: flag.answers.length },
    note: input.reason,
  });
  return saved;
}
