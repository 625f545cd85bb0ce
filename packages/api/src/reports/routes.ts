import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { reportContract as r } from './contract';
import { reportFile, reportIndex } from './use-cases';

/** The reports of a run (contract: ./contract.ts); the rules live in the use cases. */
export const reportRoutes = resourceApp()
  .openapi(r.index, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await reportIndex(callerOf(c), cycleId, c.req.valid('query')), 200);
  })
  .openapi(r.file, async (c) => {
    const { cycleId, kind, format } = c.req.valid('param');
    return c.json(await reportFile(callerOf(c), cycleId, kind, format, c.req.valid('query')), 200);
  });
