import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { comparisonContract as r, sharedResultContract as s } from './contract';
import { sensitivityOf, whatIfOf } from './fast-path';
import { getComparison, getShared, getTrend, listShared, sharedYears } from './use-cases';

/** Shared results and comparisons as JSON (contract: ./contract.ts); the workbook: ./file-routes.ts. */
export const comparisonRoutes = resourceApp()
  .openapi(s.list, async (c) => c.json(await listShared(callerOf(c), c.req.valid('query')), 200))
  .openapi(s.years, async (c) => c.json(await sharedYears(callerOf(c)), 200))
  .openapi(s.get, async (c) => {
    const { year, tenant } = c.req.valid('param');
    return c.json(await getShared(callerOf(c), year, tenant), 200);
  })
  .openapi(r.get, async (c) => c.json(await getComparison(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.trend, async (c) => c.json(await getTrend(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.whatIf, async (c) => c.json(await whatIfOf(callerOf(c), c.req.valid('json')), 200))
  .openapi(r.sensitivity, async (c) => c.json(await sensitivityOf(callerOf(c), c.req.valid('json')), 200));
