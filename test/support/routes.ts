import type { App } from '@jixiao/api';
import { assetFile } from '@jixiao/web/assets';
import { cycleConsoleFixtures } from './fixtures/cycle-console';
import { evaluationFixtures, resolveEvaluationIds } from './fixtures/evaluation';
import { evaluationConsoleFixtures } from './fixtures/evaluation-console';
import { evidenceFixtures, resolveEvidenceIds } from './fixtures/evidence';
import { expertsFixtures, resolveExpertsIds } from './fixtures/experts';
import { meetingFixtures, resolveMeetingIds } from './fixtures/meeting';
import { outcomesFixtures, resolveOutcomesIds } from './fixtures/outcomes';
import { portalConsoleFixtures } from './fixtures/portal';
import { provinceConsoleFixtures, provinceFixtures, resolveProvinceIds } from './fixtures/province-routes';
import { reportsFixtures, resolveReportsIds } from './fixtures/reports';
import { resolveSurveysIds, surveysFixtures } from './fixtures/surveys';

/**
 * Every route of the app, read from the app itself, with a fixture for each: which identifiers to
 * put in its path (those of the victim tenant 哈尔滨市 / unit FGW) and a valid body. A route
 * without a fixture fails the suites that use this, so a new route cannot go untested.
 */
export interface RouteFixture {
  /** Path parameters naming the victim's records. */
  params?: Record<string, string>;
  /** Query string (without '?'); victim-identifying where relevant. */
  query?: string;
  json?: Record<string, unknown>;
  form?: Record<string, string>;
  /** A file upload: bytes and their content type. */
  file?: { type: string; bytes: Uint8Array };
  /** A browser form with a file field (multipart/form-data). */
  multipart?: Record<string, string | Blob>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A draft's content small enough to write inline. */
const TINY_CONTENT = {
  name: '篡改',
  dimensions: [
    {
      code: 'D1',
      name: '维度',
      weight: 100,
      children: [
        {
          code: 'L1',
          name: '指标',
          weight: 100,
          type: 'quantitative',
          source: 'self_report',
          rule: { kind: 'target_completion' },
        },
      ],
    },
  ],
};

/**
 * Records the demo year makes at run time through the API (so their ids are random): a fixture
 * names them as `$cycle`, `$consultation`, `$check`, `$comment`, `$opinion`; `resolveDemoIds`
 * looks them up once per stack, as the victim.
 */
export const DEMO: Record<string, string> = {};

export async function resolveDemoIds(get: (path: string) => Promise<any>): Promise<void> {
  const cycles = await get('/v1/cycles');
  const cycle = cycles.items.find((c: { year: number }) => c.year === 2025);
  if (!cycle) throw new Error('the demo year (2025 cycle) is missing');
  DEMO.cycle = cycle.id;
  const plan = await get(`/v1/cycles/${cycle.id}/plans/FGW`);
  DEMO.consultation = plan.plan.consultation.id;
  DEMO.comment = (await get(`/v1/cycles/${cycle.id}/plans/FGW/comments`)).items[0].id;
  DEMO.check = (await get(`/v1/cycles/${cycle.id}/checks`)).items[0].id;
  DEMO.opinion = (await get(`/v1/cycles/${cycle.id}/opinions`)).items[0].id;
  await resolveEvidenceIds(get, DEMO);
  await resolveExpertsIds(get, DEMO);
  await resolveSurveysIds(get, DEMO);
  await resolveMeetingIds(get, DEMO);
  await resolveEvaluationIds(get, DEMO);
  await resolveOutcomesIds(get, DEMO);
  await resolveReportsIds(get, DEMO);
  await resolveProvinceIds(get, DEMO);
}

const CYCLE = { cycleId: '$cycle' };
const FGW_IN_CYCLE = { cycleId: '$cycle', unit: 'FGW' };

export const ROUTE_FIXTURES: Record<string, RouteFixture> = {
  'GET /health': {},
  'GET /openapi.json': {},
  'GET /docs': {},
  'GET /': {},
  'GET /v1/me': {},
  'GET /v1/tenant': {},
  'GET /v1/province/tenants': {},
  'GET /v1/platform/tenants': {},
  'POST /v1/platform/tenants': { json: { code: '230300' } },
  'GET /v1/platform/tenants/:code': { params: { code: '230100' } },
  'PATCH /v1/platform/tenants/:code': {
    params: { code: '230100' },
    json: { version: 1, planStatus: 'suspended' },
  },
  'GET /v1/divisions/:code': { params: { code: '230100' } },
  'GET /v1/divisions': { query: 'parent=230100' },
  'GET /v1/unit-groups': {},
  'POST /v1/unit-groups': { json: { code: 'ZZG', name: '执法监管部门（篡改）' } },
  'GET /v1/unit-groups/:code': { params: { code: 'ENFORCE' } },
  'PATCH /v1/unit-groups/:code': { params: { code: 'ENFORCE' }, json: { version: 1, name: '篡改' } },
  'DELETE /v1/unit-groups/:code': { params: { code: 'WINDOW' }, query: 'version=1' },
  'GET /v1/units': { query: 'group=ENFORCE' },
  'POST /v1/units': { json: { code: 'ZZU', name: '篡改', type: 'department', group: 'ECON' } },
  'GET /v1/units/:code': { params: { code: 'FGW' } },
  'PATCH /v1/units/:code': { params: { code: 'FGW' }, json: { version: 1, name: '篡改' } },
  'GET /v1/users': { query: 'unit=FGW' },
  'POST /v1/users': { json: { name: '冒名', roles: ['tenant_admin'] } },
  'GET /v1/users/:id': { params: { id: 'hrb-fgw' } },
  'PATCH /v1/users/:id': { params: { id: 'hrb-fgw' }, json: { version: 1, roles: ['tenant_admin'] } },
  'GET /v1/indicator-templates': {},
  'GET /v1/indicator-templates/:templateId': { params: { templateId: 'department' } },
  'GET /v1/indicator-systems': {},
  'POST /v1/indicator-systems': { json: { template: 'department' } },
  'POST /v1/indicator-systems/import': {
    file: { type: XLSX, bytes: new TextEncoder().encode('PK not really') },
  },
  'GET /v1/indicator-systems/:id': { params: { id: 'ishrbdepartmnt' } },
  'GET /v1/indicator-systems/:id/versions/:v': { params: { id: 'ishrbdepartmnt', v: '1' } },
  'PUT /v1/indicator-systems/:id/versions/:v': {
    params: { id: 'ishrbfgwdrafts', v: '1' },
    json: { version: 1, content: TINY_CONTENT },
  },
  'DELETE /v1/indicator-systems/:id/versions/:v': {
    params: { id: 'ishrbfgwdrafts', v: '1' },
    query: 'version=1',
  },
  'POST /v1/indicator-systems/:id/versions/:v/transitions': {
    params: { id: 'ishrbfgwdrafts', v: '1' },
    json: { action: 'submit', version: 1 },
  },
  'POST /v1/indicator-systems/:id/versions': { params: { id: 'ishrbdepartmnt' }, json: { from: 1 } },
  'POST /v1/indicator-systems/:id/versions/:v/weight-corrections': {
    params: { id: 'ishrbfgwdrafts', v: '1' },
    json: { version: 1, correction: { method: 'scale', path: 'dimensions' } },
  },
  'GET /v1/indicator-systems/:id/versions/:v/export.xlsx': { params: { id: 'ishrbdepartmnt', v: '1' } },
  'POST /v1/indicator-systems/:id/versions/:v/trial': {
    params: { id: 'ishrbdepartmnt', v: '1' },
    json: { units: [{ unit: 'FGW', group: 'ECON' }] },
  },
  'GET /v1/finance/calculators': {},
  'POST /v1/finance/calculators/:name': {
    params: { name: 'fnpv' },
    json: { args: { netFlows: [-100, 110], ratePercent: 10 } },
  },
  'GET /v1/cycles': {},
  'POST /v1/cycles': {
    json: {
      name: '篡改周期',
      year: 2040,
      bindings: [{ system: 'ishrbdepartmnt', systemVersion: 1, groups: ['ECON'] }],
      calendar: {
        planDeadline: '2040-03-31',
        selfAssessment: { opens: '2041-01-05', closes: '2041-01-20' },
        verification: { opens: '2041-01-21', closes: '2041-02-10' },
        review: { opens: '2041-02-11', closes: '2041-02-28' },
        appeal: { opens: '2041-03-01', closes: '2041-03-10' },
      },
    },
  },
  'GET /v1/cycles/:cycleId': { params: CYCLE },
  'PATCH /v1/cycles/:cycleId': { params: CYCLE, json: { version: 1, name: '篡改' } },
  'POST /v1/cycles/:cycleId/transitions': { params: CYCLE, json: { version: 1, action: 'start_review' } },
  'GET /v1/cycles/:cycleId/overview': { params: CYCLE },
  'GET /v1/cycles/:cycleId/burden': { params: CYCLE },
  'GET /v1/cycles/:cycleId/exports/:table': { params: { ...CYCLE, table: 'overview.xlsx' } },
  'GET /v1/units/:unit/long-term-plans': { params: { unit: 'FGW' } },
  'PUT /v1/units/:unit/long-term-plans/:startYear': {
    params: { unit: 'FGW', startYear: '2021' },
    json: {
      startYear: 2021,
      endYear: 2025,
      form: 'own',
      parts: { functions: '篡改', goals: '篡改', keyFactors: '篡改', measures: '篡改' },
    },
  },
  'GET /v1/cycles/:cycleId/plans': { params: CYCLE },
  'GET /v1/cycles/:cycleId/plans/:unit': { params: FGW_IN_CYCLE },
  'PUT /v1/cycles/:cycleId/plans/:unit': {
    params: FGW_IN_CYCLE,
    json: { version: 1, basis: '篡改', items: [] },
  },
  'POST /v1/cycles/:cycleId/plans/:unit/transitions': {
    params: FGW_IN_CYCLE,
    json: { version: 1, action: 'reopen', reason: '篡改' },
  },
  'POST /v1/cycles/:cycleId/plans/:unit/reviews': {
    params: FGW_IN_CYCLE,
    json: { version: 1, decisions: [{ leaf: 'D1-1', decision: 'returned', comment: '篡改' }] },
  },
  'GET /v1/cycles/:cycleId/plans/:unit/comments': { params: FGW_IN_CYCLE },
  'PATCH /v1/cycles/:cycleId/plans/:unit/comments/:commentId': {
    params: { ...FGW_IN_CYCLE, commentId: '$comment' },
    json: { version: 1, status: 'rejected', moderationNote: '篡改' },
  },
  'GET /v1/cycles/:cycleId/opinions': { params: CYCLE },
  'POST /v1/cycles/:cycleId/opinions/:opinionId/steps': {
    params: { ...CYCLE, opinionId: '$opinion' },
    json: { version: 1, action: 'close', text: '篡改' },
  },
  // Public routes name the tenant: another tenant's path with the victim's ids must find nothing.
  'GET /v1/public/:tenant/consultations/:consultationId': {
    params: { tenant: '230125', consultationId: '$consultation' },
  },
  'POST /v1/public/:tenant/consultations/:consultationId/comments': {
    params: { tenant: '230125', consultationId: '$consultation' },
    json: { text: '篡改' },
  },
  'GET /v1/public/:tenant/plans': { params: { tenant: '230125' } },
  'GET /v1/public/:tenant/cycles/:cycleId/plans/:unit': { params: { tenant: '230125', ...FGW_IN_CYCLE } },
  'POST /v1/public/:tenant/cycles/:cycleId/plans/:unit/opinions': {
    params: { tenant: '230125', ...FGW_IN_CYCLE },
    json: { text: '篡改' },
  },
  'GET /v1/cycles/:cycleId/progress/:unit': { params: FGW_IN_CYCLE },
  'PUT /v1/cycles/:cycleId/progress/:unit/:period': {
    params: { ...FGW_IN_CYCLE, period: 'Q3' },
    json: { version: 1, items: [], narrative: '篡改' },
  },
  'GET /v1/cycles/:cycleId/checks': { params: CYCLE, query: 'unit=FGW' },
  'POST /v1/cycles/:cycleId/checks': {
    params: CYCLE,
    json: { kind: 'spot_check', unit: 'FGW', day: '2025-08-01', findings: '篡改' },
  },
  'PATCH /v1/cycles/:cycleId/checks/:checkId': {
    params: { ...CYCLE, checkId: '$check' },
    json: { version: 1, findings: '篡改' },
  },
  'GET /v1/cycles/:cycleId/self-assessments/:unit': { params: FGW_IN_CYCLE },
  'PUT /v1/cycles/:cycleId/self-assessments/:unit': {
    params: FGW_IN_CYCLE,
    json: { version: 1, items: [], report: '篡改' },
  },
  'POST /v1/cycles/:cycleId/self-assessments/:unit/actions': {
    params: FGW_IN_CYCLE,
    json: { version: 1, action: 'reopen', reason: '篡改', until: '2099-12-31' },
  },
  'GET /v1/cycles/:cycleId/values': { params: CYCLE, query: 'unit=FGW' },
  'POST /v1/cycles/:cycleId/values/:unit/:leaf/verification': {
    params: { ...FGW_IN_CYCLE, leaf: 'D2-1' },
    json: { version: 1, action: 'correct', value: 1, reason: '篡改' },
  },
  'POST /v1/cycles/:cycleId/supplied-values': {
    params: CYCLE,
    json: { leaf: 'D1-1', rows: [{ unit: 'FGW', value: 1 }] },
  },
  'GET /v1/audit': {},
  'GET /v1/audit/verify': {},
  'GET /v1/audit/export.xlsx': {},
  'GET /console': {},
  'GET /console/indicator-systems': {},
  'POST /console/indicator-systems/import': {
    multipart: { file: new Blob([new TextEncoder().encode('PK not really')], { type: XLSX }) },
  },
  'GET /console/indicator-templates': {},
  'GET /console/indicator-templates/:id': { params: { id: 'department' } },
  'POST /console/indicator-templates/:id/use': { params: { id: 'department' }, form: {} },
  'GET /console/indicator-systems/:id': { params: { id: 'ishrbdepartmnt' } },
  'GET /console/indicator-systems/:id/versions/:v': { params: { id: 'ishrbdepartmnt', v: '1' } },
  'POST /console/indicator-systems/:id/versions/:v/transition': {
    params: { id: 'ishrbfgwdrafts', v: '1' },
    form: { action: 'submit', version: '1' },
  },
  'POST /console/indicator-systems/:id/versions/:v/delete': {
    params: { id: 'ishrbfgwdrafts', v: '1' },
    form: { version: '1' },
  },
  'POST /console/indicator-systems/:id/versions/:v/weight-corrections': {
    params: { id: 'ishrbfgwdrafts', v: '1' },
    form: { version: '1', path: 'dimensions', method: 'scale' },
  },
  'POST /console/indicator-systems/:id/versions/:v/new-version': {
    params: { id: 'ishrbdepartmnt', v: '1' },
    form: {},
  },
  'GET /console/indicator-systems/:id/versions/:v/export.xlsx': { params: { id: 'ishrbdepartmnt', v: '1' } },
  'POST /console/indicator-systems/:id/versions/:v/trial': {
    params: { id: 'ishrbdepartmnt', v: '1' },
    form: { inputs: JSON.stringify([{ unit: 'FGW', group: 'ECON' }]) },
  },
  'GET /console/indicator-systems/:id/versions/:v/edit': { params: { id: 'ishrbfgwdrafts', v: '1' } },
  'POST /console/indicator-systems/:id/versions/:v/edit': {
    params: { id: 'ishrbfgwdrafts', v: '1' },
    form: { op: 'save', version: '1', name: '篡改' },
  },
  ...cycleConsoleFixtures,
  'GET /console/sign-in': {},
  'GET /console/assets/:file': { params: { file: assetFile('console.css') } },
  'GET /console/auth/login': {},
  'GET /console/auth/callback': { query: 'code=stolen-code&state=forged' },
  'POST /console/sign-out': { form: {} },
  'GET /console/tenants': {},
  'GET /console/tenants/new': {},
  'POST /console/tenants/new': { form: { code: '230300' } },
  'GET /console/tenants/:code': { params: { code: '230100' } },
  'POST /console/tenants/:code': {
    params: { code: '230100' },
    form: { version: '1', planStatus: 'suspended' },
  },
  'GET /console/unit-groups': {},
  'POST /console/unit-groups': { form: { code: 'ZZG2', name: '篡改' } },
  'GET /console/unit-groups/:code': { params: { code: 'ENFORCE' } },
  'POST /console/unit-groups/:code': { params: { code: 'ENFORCE' }, form: { version: '1', name: '篡改' } },
  'POST /console/unit-groups/:code/delete': { params: { code: 'WINDOW' }, form: { version: '1' } },
  'GET /console/units': { query: 'group=ENFORCE' },
  'GET /console/units/new': {},
  'POST /console/units/new': { form: { code: 'ZZU2', name: '篡改', type: 'department', group: 'ECON' } },
  'GET /console/units/:code': { params: { code: 'FGW' } },
  'POST /console/units/:code': { params: { code: 'FGW' }, form: { version: '1', name: '篡改' } },
  'GET /console/users': { query: 'unit=FGW' },
  'GET /console/users/new': {},
  'POST /console/users/new': { form: { name: '冒名', roles: 'tenant_admin' } },
  'GET /console/users/:id': { params: { id: 'hrb-fgw' } },
  'POST /console/users/:id': { params: { id: 'hrb-fgw' }, form: { version: '1', roles: 'tenant_admin' } },
  ...evidenceFixtures,
  ...expertsFixtures,
  ...surveysFixtures,
  ...meetingFixtures,
  ...evaluationFixtures,
  ...evaluationConsoleFixtures,
  ...outcomesFixtures,
  ...reportsFixtures,
  ...portalConsoleFixtures,
  ...provinceFixtures,
  ...provinceConsoleFixtures,
};

export interface AppRoute {
  method: string;
  path: string;
  key: string;
}

const SIGN_OUT = 'POST /console/sign-out';

/** The app's routes, without middleware registrations (`ALL /x/*`), signing out last. */
export function appRoutes(app: App): AppRoute[] {
  const out = new Map<string, AppRoute>();
  for (const r of app.routes) {
    if (r.method === 'ALL' && r.path.endsWith('*')) continue;
    const key = `${r.method} ${r.path}`;
    out.set(key, { method: r.method, path: r.path, key });
  }
  // Signing out ends the session (server-side): a walk through every route with one session
  // must take it last, or the routes after it would only ever see a signed-out caller.
  return [...out.values()].sort((a, b) => Number(a.key === SIGN_OUT) - Number(b.key === SIGN_OUT));
}

export function fillPath(route: AppRoute, f: RouteFixture): string {
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const given = f.params?.[name];
    const v = given?.startsWith('$') ? DEMO[given.slice(1)] : given;
    if (v === undefined) throw new Error(`fixture for ${route.key} lacks param ${name}`);
    return encodeURIComponent(v);
  });
  return f.query ? `${path}?${f.query}` : path;
}

export function requestFor(
  base: string,
  route: AppRoute,
  f: RouteFixture,
  token: string,
  query?: string,
): Request {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    cookie: `jx_token=${token}`,
    origin: base,
  };
  let body: BodyInit | undefined;
  if (f.json) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(f.json);
  } else if (f.file) {
    headers['content-type'] = f.file.type;
    body = f.file.bytes as Uint8Array<ArrayBuffer>;
  } else if (f.multipart) {
    const form = new FormData();
    for (const [k, v] of Object.entries(f.multipart)) form.append(k, v);
    body = form;
  } else if (f.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(f.form).toString();
  }
  let url = `${base}${fillPath(route, f)}`;
  if (query) url += `${url.includes('?') ? '&' : '?'}${query}`;
  return new Request(url, { method: route.method, headers, body, redirect: 'manual' });
}
