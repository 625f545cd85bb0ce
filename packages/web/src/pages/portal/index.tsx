import { CONTRACTS } from '@jixiao/api/contracts';
import { Hono } from 'hono';
import { type ConsoleEnv, type Ctx, param } from '../../context';
import { t } from '../../i18n';
import { publicProblem } from '../public/message';
import { isCycleId, isTenant, isUnitCode } from '../public/paths';
import { portalCache } from './cache';
import { cycleCharts, unitCharts } from './charts';
import { PortalCycle } from './cycle';
import { PortalHome } from './home';
import { PortalUnit } from './unit';

/**
 * The public portal of published results (no sign-in), mounted under `/console/public`: the
 * tenant's home, a published cycle, one unit of it. Every page reads only the API's public routes,
 * which answer from the publication's frozen snapshot: a cycle not published (or withdrawn), a
 * unit not in it and another tenant's cycle are all the public 404 page. Cached (./cache.ts).
 */

const PR = CONTRACTS.publicResults;

async function home(c: Ctx) {
  const tenant = param(c, 'tenant');
  if (!isTenant(tenant)) return publicProblem(c, 404, tenant);
  const api = c.get('api');
  const [list, plans] = await Promise.all([
    api.call(PR.list, { params: { tenant } }),
    api.call(CONTRACTS.publicPlans.plans, { params: { tenant } }),
  ]);
  if (!list.ok) return publicProblem(c, list.status, tenant, list.problem);
  return c.render(<PortalHome list={list.data} plans={plans.ok ? plans.data : undefined} />, {
    title: t(c.get('lang'), 'ptHomeTitle', { tenant: list.data.tenant.name }),
    portal: true,
  });
}

async function cycle(c: Ctx) {
  const tenant = param(c, 'tenant');
  const cycleId = param(c, 'cycleId');
  if (!isTenant(tenant) || !isCycleId(cycleId)) return publicProblem(c, 404, tenant);
  const r = await c.get('api').call(PR.cycle, { params: { tenant, cycleId } });
  if (!r.ok) return publicProblem(c, r.status, tenant, r.problem);
  return c.render(<PortalCycle v={r.data} charts={await cycleCharts(r.data)} />, {
    title: r.data.cycle.name,
    portal: true,
  });
}

async function unit(c: Ctx) {
  const tenant = param(c, 'tenant');
  const cycleId = param(c, 'cycleId');
  const code = param(c, 'unit');
  if (!isTenant(tenant) || !isCycleId(cycleId) || !isUnitCode(code)) return publicProblem(c, 404, tenant);
  const r = await c.get('api').call(PR.unit, { params: { tenant, cycleId, unit: code } });
  if (!r.ok) return publicProblem(c, r.status, tenant, r.problem);
  return c.render(<PortalUnit v={r.data} tenant={tenant} charts={await unitCharts(r.data.report)} />, {
    title: `${r.data.report.unit.name} · ${r.data.report.header.cycle.name}`,
    portal: true,
  });
}

export const portalPages = new Hono<ConsoleEnv>()
  .get('/:tenant', ...portalCache, home)
  .get('/:tenant/results/:cycleId', ...portalCache, cycle)
  .get('/:tenant/results/:cycleId/units/:unit', ...portalCache, unit);
