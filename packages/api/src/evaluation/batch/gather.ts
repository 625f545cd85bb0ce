import {
  type AnnualPlan,
  type AppealStatus,
  type AppealTarget,
  contentOf,
  type Determination,
  type EvaluationRun,
  type EvidenceRecord,
  meetingAdjustments,
  type RawCycleData,
  type StoredSurvey,
  type ValueRecord,
} from '@jixiao/core';
import { loadCycle, tenant, unitsInCycle } from '../../cycles/context';
import { resultsView } from '../../experts/office-views';
import type { Caller } from '../../http/caller';
import { readMeeting } from '../../review-meeting/view';
import { results as surveyResults } from '../../surveys/results';

/**
 * Everything the freeze step snapshots, read from the cycle through the API's own use cases (the
 * expert review's results, each survey's as-decided tally, the meeting record) so the batch
 * re-implements no rule: `assembleSnapshot` (core) then decides each leaf's input.
 */

/** An appeal as the batch reads it (the appeals module owns the record; absent means none). */
interface AppealRecord {
  id: string;
  unit: string;
  status: AppealStatus;
  target: AppealTarget;
  leaf?: string;
}

/** Plans whose targets count: approved by the office (published ones were approved first). */
const APPROVED_PLANS: readonly AnnualPlan['status'][] = ['approved', 'published'];

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function gatherCycle(caller: Caller, run: EvaluationRun): Promise<RawCycleData> {
  const t = tenant(caller);
  const cycle = await loadCycle(caller, run.cycle);
  const records = caller.deps.data.cycleRecords;
  const [units, values, plans, determinations, surveys, meeting, evidence, appeals, experts] =
    await Promise.all([
      unitsInCycle(caller, cycle),
      records.all<ValueRecord>(t, cycle.id, 'VAL'),
      records.all<AnnualPlan>(t, cycle.id, 'PLAN'),
      records.all<Determination>(t, cycle.id, 'DETERM'),
      records.all<StoredSurvey>(t, cycle.id, 'SURVEY'),
      readMeeting(caller, cycle.id),
      records.all<EvidenceRecord>(t, cycle.id, 'EVID', ['U']),
      records.all<AppealRecord>(t, cycle.id, 'APPEAL'),
      resultsView(caller, cycle.id),
    ]);

  const bindings: RawCycleData['bindings'] = [];
  for (const b of cycle.bindings) {
    const system = await caller.deps.data.indicatorSystems.getVersion(t, b.system, b.systemVersion);
    bindings.push({
      system: { id: system.id, version: system.systemVersion, name: system.name },
      content: contentOf(system),
      groups: [...b.groups],
    });
  }
  const bound = new Set(bindings.flatMap((b) => b.groups));

  const surveyFeeds: RawCycleData['surveys'] = [];
  for (const s of surveys.filter((x) => x.status !== 'draft').sort((a, b) => byCode(a.id, b.id))) {
    const r = await surveyResults(caller, cycle.id, s.id);
    for (const l of r.leaves)
      surveyFeeds.push({
        survey: s.id,
        title: s.title,
        status: s.status,
        unit: l.unit,
        leaf: l.leaf,
        input: l.input,
        answers: l.groups.reduce((n, g) => n + g.n.decided, 0),
      });
  }

  return {
    cycle: {
      id: cycle.id,
      name: cycle.name,
      year: cycle.year,
      kind: cycle.kind,
      state: cycle.state,
      targets: cycle.targets,
    },
    bindings,
    units: units
      .filter((u) => bound.has(u.group))
      .map((u) => ({ code: u.code, name: u.name, group: u.group })),
    values: values.map((v) => ({
      unit: v.unit,
      leaf: v.leaf,
      origin: v.origin,
      ...(v.original !== undefined ? { original: v.original } : {}),
      ...(v.value !== undefined ? { value: v.value } : {}),
      status: v.status,
      ...(v.reason !== undefined ? { reason: v.reason } : {}),
    })),
    planTargets: plans
      .filter((p) => APPROVED_PLANS.includes(p.status))
      .flatMap((p) =>
        p.items.flatMap((i) =>
          i.target === undefined ? [] : [{ unit: p.unit, leaf: i.leaf, target: i.target }],
        ),
      ),
    determinations: determinations.map((d) => ({
      unit: d.unit,
      leaves: d.leaves ?? {},
      bonus: d.bonus ?? {},
      vetoes: d.vetoes ?? {},
      note: d.note ?? '',
    })),
    experts: experts.items.flatMap((i) =>
      i.input
        ? [
            {
              unit: i.unit,
              leaf: i.leaf,
              input: i.input,
              scores: i.scores.length,
              rounds: [...new Set(i.scores.map((s) => s.round))].sort((a, b) => a - b),
            },
          ]
        : [],
    ),
    surveys: surveyFeeds,
    adjustments: [...meetingAdjustments(meeting)]
      .sort(([a], [b]) => byCode(a, b))
      .map(([unit, a]) => ({ unit, points: a.points, reason: a.reason })),
    evidence: evidence.flatMap((d) => {
      const latest = d.versions.at(-1);
      return d.unit && d.leaf && latest
        ? [{ unit: d.unit, leaf: d.leaf, id: d.id, name: d.title, version: latest.n }]
        : [];
    }),
    appeals: appeals
      // Every accepted appeal: a value corrected on appeal stays so in every later run (the run
      // record's own `appeals` names those it is the first to include, decided when it starts).
      .filter((a) => a.status === 'accepted')
      .sort((a, b) => byCode(a.id, b.id))
      .map((a) => ({
        id: a.id,
        unit: a.unit,
        ...(a.target === 'indicator' && a.leaf ? { leaf: a.leaf } : {}),
      })),
  };
}
