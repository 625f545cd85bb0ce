/**
 * The gateway and the app agree: every route of the API contracts reaches, through the HTTP API's
 * routes, a function whose resources serve it. A route added to a resource without routing it
 * (or routed to the wrong function) fails here instead of answering 404 in the cloud.
 */

import { ALL_ROUTES } from '@jixiao/api/contracts';
import { FILE_RESOURCES } from '@jixiao/api/files';
import { CYCLE_RESOURCES, INDICATOR_RESOURCES } from '@jixiao/api/indicators';
import { ORG_RESOURCES } from '@jixiao/api/org';
import { describe, expect, it } from 'vitest';
import { FUNCTION_ROUTES, type HttpFunctionName } from '../../infra/api/routes';

type Resource = (typeof ORG_RESOURCES)[number];

/** `METHOD /path` of every route a resource list serves, read from the sub-apps themselves. */
const served = (resources: readonly Resource[]) =>
  new Set(
    resources.flatMap((r) =>
      r.openAPIRegistry.definitions.flatMap((d) =>
        d.type === 'route' ? [`${d.route.method.toUpperCase()} ${d.route.path}`] : [],
      ),
    ),
  );

const SERVED: Record<Exclude<HttpFunctionName, 'console'>, Set<string>> = {
  api: served(ORG_RESOURCES),
  indicators: served([...INDICATOR_RESOURCES, ...CYCLE_RESOURCES]),
  files: served(FILE_RESOURCES),
};

/**
 * The function HTTP API invokes for a contract route: a route with the same key (or `ANY` on the
 * same path) is more specific than a greedy `{proxy+}` one, which takes whatever is left under it.
 */
function gatewayTarget(method: string, path: string): HttpFunctionName | undefined {
  const entries = Object.entries(FUNCTION_ROUTES) as [HttpFunctionName, (typeof FUNCTION_ROUTES)['api']][];
  const specs = entries.flatMap(([name, r]) => [...r.authorized, ...r.open].map((spec) => ({ name, spec })));
  const exact = specs.find(
    ({ spec }) => spec.path === path && spec.methods.some((m) => m === method || m === 'ANY'),
  );
  if (exact) return exact.name;
  const greedy = specs
    .filter(({ spec }) => spec.path.endsWith('/{proxy+}'))
    .filter(({ spec }) => path.startsWith(spec.path.slice(0, -'{proxy+}'.length)))
    .sort((a, b) => b.spec.path.length - a.spec.path.length);
  return greedy[0]?.name;
}

describe('gateway routing', () => {
  const routes = ALL_ROUTES.map((r) => ({ method: r.method.toUpperCase(), path: r.path }));

  it('covers a real number of contract routes', () => {
    expect(routes.length).toBeGreaterThan(30);
  });

  it('sends every contract route to a function that serves it', () => {
    const wrong = routes.flatMap(({ method, path }) => {
      const key = `${method} ${path}`;
      const target = gatewayTarget(method, path);
      return target && target !== 'console' && SERVED[target].has(key) ? [] : [`${key} -> ${target}`];
    });
    expect(wrong).toEqual([]);
  });

  it('serves each contract route in exactly one cloud function', () => {
    const all = [...SERVED.api, ...SERVED.indicators, ...SERVED.files];
    expect(all.length).toBe(new Set(all).size);
    expect(new Set(all)).toEqual(new Set(routes.map((r) => `${r.method} ${r.path}`)));
  });

  it('routes the indicator and file functions by their contracts only (no greedy routes)', () => {
    for (const name of ['indicators', 'files'] as const) {
      const r = FUNCTION_ROUTES[name];
      const keys = [...r.authorized, ...r.open]
        .filter((s) => s.path.startsWith('/v1/'))
        .flatMap((s) => s.methods.map((m) => `${m} ${s.path}`));
      expect(new Set(keys)).toEqual(SERVED[name]);
    }
  });

  it('leaves open (no JWT) exactly the public contract routes, and puts every other /v1 route behind the authorizer', () => {
    const permission = new Map(
      ALL_ROUTES.map((r) => [
        `${r.method.toUpperCase()} ${r.path}`,
        (r as { 'x-permission'?: string })['x-permission'],
      ]),
    );
    const keysOf = (specs: readonly { path: string; methods: readonly string[] }[]) =>
      specs.filter((s) => s.path.startsWith('/v1/')).flatMap((s) => s.methods.map((m) => `${m} ${s.path}`));
    const open = Object.values(FUNCTION_ROUTES).flatMap((r) => keysOf(r.open));
    const authorized = Object.values(FUNCTION_ROUTES).flatMap((r) => keysOf(r.authorized));
    const publicRoutes = [...permission].filter(([, p]) => p === 'public').map(([k]) => k);
    expect(new Set(open)).toEqual(new Set(publicRoutes));
    for (const key of authorized)
      if (permission.has(key)) expect(permission.get(key), key).not.toBe('public');
    // Among them, the published results (indicators) and the published reports' files (files).
    expect(gatewayTarget('GET', '/v1/public/{tenant}/results/{cycleId}')).toBe('indicators');
    expect(gatewayTarget('GET', '/v1/public/{tenant}/results/{cycleId}/reports/{kind}/{format}')).toBe(
      'files',
    );
    expect(gatewayTarget('GET', '/v1/cycles/{cycleId}/reports/{kind}/{format}')).toBe('files');
    expect(gatewayTarget('POST', '/v1/cycles/{cycleId}/publication')).toBe('indicators');
  });
});
