/**
 * An integrator's program, typed only by what openapi-typescript generates from our `/openapi.json`
 * (`./api.ts`, written beside this file by test/clients/openapi-client.test.ts) and driven by
 * openapi-fetch. The test compiles it with tsc in strict mode, then runs it against the embedded
 * stack. It is `.mts` so the repo's own `tsc` (which includes `*.ts`) leaves it alone: it compiles
 * only beside the generated types.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './api';

type Trial = paths['/v1/indicator-systems/{id}/versions/{v}/trial']['post'];
export type TrialUnits = Trial['requestBody']['content']['application/json']['units'];
type ScoringResult = Trial['responses'][200]['content']['application/json'];
type Node = ScoringResult['units'][number]['dimensions'][number];
type Problem = components['schemas']['Problem'];

/** True when T is `any` or `unknown`: what a client gets from an untyped schema. */
type Loose<T> = 0 extends 1 & T ? true : unknown extends T ? true : false;
// Compiles only while the trial's result, a node of its breakdown and the problem are typed.
export const untyped: [Loose<ScoringResult>, Loose<Node>, Loose<Node['points']>, Loose<Problem>] = [
  false,
  false,
  false,
  false,
];

/** Leaves and the deepest level of a unit's breakdown: walks the recursive tree by its `type`. */
function leavesOf(nodes: Node[], depth = 1): { leaves: number; scored: number; depth: number } {
  let out = { leaves: 0, scored: 0, depth };
  for (const n of nodes) {
    if (n.type === 'branch') {
      const below = leavesOf(n.children, depth + 1);
      out = {
        leaves: out.leaves + below.leaves,
        scored: out.scored + below.scored,
        depth: Math.max(out.depth, below.depth),
      };
    } else {
      out.leaves += 1;
      if (n.status === 'scored') out.scored += 1;
    }
  }
  return out;
}

export interface ScenarioInput {
  baseUrl: string;
  token: string;
  template: string;
  name: string;
  /** Inputs for some units (the product's sample inputs for the template's leaves). */
  units: TrialUnits;
}

export async function scenario(input: ScenarioInput) {
  const api = createClient<paths>({
    baseUrl: input.baseUrl,
    headers: { authorization: `Bearer ${input.token}` },
  });

  // (a) The systems there are.
  const list = await api.GET('/v1/indicator-systems', { params: { query: { limit: 200 } } });
  if (!list.data) throw new Error(`list: ${list.response.status} ${list.error?.code}`);
  const listed = list.data.items.map((s) => ({ id: s.id, name: s.latest.name, status: s.latest.status }));

  // (b) A bad body: an empty name and neither a template nor content. The problem is typed.
  const bad = await api.POST('/v1/indicator-systems', { body: { name: '' } });
  if (!bad.error) throw new Error('an empty body was accepted');
  const problem: Problem = bad.error;
  const refused = {
    status: bad.response.status,
    contentType: bad.response.headers.get('content-type'),
    code: problem.code,
    title: problem.title,
    zh: problem.message.zh,
    en: problem.message.en,
    fields: (problem.errors ?? []).map((e) => ({ path: e.path, zh: e.zh, en: e.en })),
  };

  // (c) A draft from a template, and a trial: the sample units, and one unit that sent nothing.
  const created = await api.POST('/v1/indicator-systems', {
    body: { template: input.template, name: input.name },
  });
  if (!created.data) throw new Error(`create: ${created.response.status} ${created.error?.code}`);
  const draft = { id: created.data.id, version: created.data.systemVersion, status: created.data.status };
  const silent: TrialUnits[number] = {
    unit: 'GXJ',
    group: input.units[0]?.group ?? 'ECON',
    leaves: {},
    bonus: {},
    vetoes: {},
    statistics: {},
  };
  const units: TrialUnits = [...input.units, silent];
  const trial = await api.POST('/v1/indicator-systems/{id}/versions/{v}/trial', {
    params: { path: { id: draft.id, v: draft.version } },
    body: { units },
  });
  if (!trial.data) throw new Error(`trial: ${trial.response.status} ${trial.error?.code}`);
  const result: ScoringResult = trial.data;
  const scored = result.units.map((u) => ({
    unit: u.unit,
    total: u.total.shown,
    grade: u.grade.code,
    gradeZh: u.grade.label.zh,
    rank: u.rank.rank,
    of: u.rank.of,
    dimensionPoints: u.dimensions.map((d) => d.points.shown),
    ...leavesOf(u.dimensions),
  }));
  return { listed, refused, draft, sent: units, trial: { system: result.system, units: scored } };
}

export type ScenarioOutput = Awaited<ReturnType<typeof scenario>>;
