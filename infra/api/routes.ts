import { CONTRACTS } from '@jixiao/api/contracts';
import { HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';

export interface RouteSpec {
  readonly path: string;
  readonly methods: readonly HttpMethod[];
}

/** What one function answers at the gateway: routes behind the JWT authorizer and open routes. */
export interface FunctionRoutes {
  readonly authorized: readonly RouteSpec[];
  readonly open: readonly RouteSpec[];
}

/** Names of the functions that serve HTTP (see `ApiFunctions`). */
export type HttpFunctionName = 'api' | 'indicators' | 'files' | 'console';

type Contract = Record<string, { method: string; path: string }>;

/**
 * Gateway routes taken from route contracts (OpenAPI paths use the same `{param}` syntax as HTTP
 * API routes), so a route added to one of these contracts reaches its function with no change here.
 */
const fromContracts = (...contracts: Contract[]): RouteSpec[] =>
  contracts
    .flatMap((c) => Object.values(c))
    .map((r) => ({ path: r.path, methods: [r.method.toUpperCase() as HttpMethod] }));

/**
 * Which function answers what. HTTP API picks the most specific route, so the contract routes of
 * the indicator and file functions win over the JSON API's `/v1/{proxy+}`, which takes every other
 * `/v1` path (unknown ones included: it answers them with a problem+json 404). Every `/v1` route
 * needs a JWT; the console authenticates by its own session cookie, so it is open at the gateway.
 * `test/infra/routing.test.ts` checks each contract route lands on a function that serves it.
 */
/** A comparison's workbook is file work; the rest of the comparisons are JSON. */
const { export: comparisonExport, ...comparisonJson } = CONTRACTS.comparisons;

export const FUNCTION_ROUTES: Record<HttpFunctionName, FunctionRoutes> = {
  api: {
    authorized: [{ path: '/v1/{proxy+}', methods: [HttpMethod.ANY] }],
    open: [{ path: '/health', methods: [HttpMethod.GET] }],
  },
  indicators: {
    authorized: fromContracts(
      CONTRACTS.templates,
      CONTRACTS.systems,
      CONTRACTS.finance,
      CONTRACTS.cycles,
      CONTRACTS.plans,
      CONTRACTS.monitoring,
      CONTRACTS.selfAssessments,
      CONTRACTS.values,
      CONTRACTS.audit,
      CONTRACTS.evidence,
      CONTRACTS.experts,
      CONTRACTS.surveys,
      CONTRACTS.meeting,
      CONTRACTS.evaluation,
      CONTRACTS.appeals,
      CONTRACTS.rectification,
      CONTRACTS.resultUses,
      CONTRACTS.publication,
      CONTRACTS.sharing,
      CONTRACTS.standardMappings,
      CONTRACTS.standards,
      CONTRACTS.peerGroups,
      CONTRACTS.sharedResults,
      comparisonJson,
      CONTRACTS.guidance,
    ),
    // The public consultation and published plans need no sign-in (art. 11–12), nor do published
    // results (JSON from the publication's frozen snapshot); the API's description is served here,
    // where most of its schemas are loaded anyway.
    open: [
      ...fromContracts(CONTRACTS.publicPlans, CONTRACTS.publicSurveys, CONTRACTS.publicResults),
      { path: '/openapi.json', methods: [HttpMethod.GET] },
      { path: '/docs', methods: [HttpMethod.GET] },
    ],
  },
  // Files: Excel, and the reports (PDF, XLSX, HTML), whose renderers and font only this function
  // (and the console) carry; a published report's file needs no sign-in.
  files: {
    authorized: fromContracts(CONTRACTS.indicatorFiles, CONTRACTS.cycleFiles, CONTRACTS.reports, {
      comparisonExport,
    }),
    open: fromContracts(CONTRACTS.publicReports),
  },
  console: {
    authorized: [],
    open: [
      { path: '/', methods: [HttpMethod.GET] },
      { path: '/console', methods: [HttpMethod.GET] },
      { path: '/console/{proxy+}', methods: [HttpMethod.ANY] },
    ],
  },
};
