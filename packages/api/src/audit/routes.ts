import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { auditContract as r } from './contract';
import { listAudit, verifyAudit } from './use-cases';

export const auditRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listAudit(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.verify, async (c) => c.json(await verifyAudit(callerOf(c)), 200));
