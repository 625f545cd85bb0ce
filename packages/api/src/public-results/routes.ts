import { resourceApp } from '../http/route';
import { publicResultContract as r } from './contract';
import { publishedCycleResults, publishedList, publishedUnitResult } from './use-cases';

/**
 * No sign-in: the tenant is the path's, and only published snapshots are reachable. Answers are
 * the same for everyone, so shared caches may keep them: the JSON 5 minutes (a withdrawal reaches
 * every reader within that). The files' redirects: ./file-routes.ts.
 */
const JSON_CACHE = { 'cache-control': 'public, max-age=300' };

export const publicResultRoutes = resourceApp()
  .openapi(r.list, async (c) =>
    c.json(await publishedList(c.get('deps'), c.req.valid('param').tenant), 200, JSON_CACHE),
  )
  .openapi(r.cycle, async (c) => {
    const { tenant, cycleId } = c.req.valid('param');
    return c.json(await publishedCycleResults(c.get('deps'), tenant, cycleId), 200, JSON_CACHE);
  })
  .openapi(r.unit, async (c) => {
    const { tenant, cycleId, unit } = c.req.valid('param');
    return c.json(await publishedUnitResult(c.get('deps'), tenant, cycleId, unit), 200, JSON_CACHE);
  });
