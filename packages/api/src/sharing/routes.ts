import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { mappingContract as m, sharingContract as r } from './contract';
import { getMapping, listMappings, saveMapping } from './mappings';
import { cycleShares, listShares, previewShare, share, sharingRecipients, withdrawShare } from './use-cases';

/** Sharing and mappings (contract: ./contract.ts); the rules live in the use cases. */
export const sharingRoutes = resourceApp()
  .openapi(r.recipients, async (c) => c.json(await sharingRecipients(callerOf(c)), 200))
  .openapi(r.list, async (c) => c.json(await listShares(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.cycle, async (c) => c.json(await cycleShares(callerOf(c), c.req.valid('param').cycleId), 200))
  .openapi(r.preview, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await previewShare(callerOf(c), cycleId, c.req.valid('query').to), 200);
  })
  .openapi(r.create, async (c) => {
    const { cycleId } = c.req.valid('param');
    const input = c.req.valid('json');
    const made = await idempotent(c, `shares-${cycleId}`, input, () => share(callerOf(c), cycleId, input));
    return c.json(made, 201);
  })
  .openapi(r.withdraw, async (c) => {
    const { cycleId, recipient } = c.req.valid('param');
    return c.json(await withdrawShare(callerOf(c), cycleId, recipient, c.req.valid('json')), 200);
  })
  .openapi(m.list, async (c) => c.json(await listMappings(callerOf(c)), 200))
  .openapi(m.get, async (c) => c.json(await getMapping(callerOf(c), c.req.valid('param').system), 200))
  .openapi(m.put, async (c) => {
    const { system } = c.req.valid('param');
    const { mapping, created } = await saveMapping(callerOf(c), system, c.req.valid('json'));
    return created ? c.json(mapping, 201) : c.json(mapping, 200);
  });
