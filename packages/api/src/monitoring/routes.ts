import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { monitoringContract as r } from './contract';
import { checks, createCheck, progress, report, updateCheck } from './use-cases';

export const monitoringRoutes = resourceApp()
  .openapi(r.progress, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await progress(callerOf(c), cycleId, unit), 200);
  })
  .openapi(r.report, async (c) => {
    const { cycleId, unit, period } = c.req.valid('param');
    return c.json(await report(callerOf(c), cycleId, unit, period, c.req.valid('json')), 200);
  })
  .openapi(r.checks, async (c) =>
    c.json(await checks(callerOf(c), c.req.valid('param').cycleId, c.req.valid('query')), 200),
  )
  .openapi(r.createCheck, async (c) => {
    const { cycleId } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(
      await idempotent(c, `checks-${cycleId}`, input, () => createCheck(callerOf(c), cycleId, input)),
      201,
    );
  })
  .openapi(r.updateCheck, async (c) => {
    const { cycleId, checkId } = c.req.valid('param');
    return c.json(await updateCheck(callerOf(c), cycleId, checkId, c.req.valid('json')), 200);
  });
