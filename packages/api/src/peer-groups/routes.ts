import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { peerGroupContract as r } from './contract';
import { deletePeerGroup, listPeerGroups, savePeerGroup } from './use-cases';

/** Peer groups (contract: ./contract.ts); the rules live in the use cases. */
export const peerGroupRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listPeerGroups(callerOf(c)), 200))
  .openapi(r.put, async (c) => {
    const { code } = c.req.valid('param');
    const { group, created } = await savePeerGroup(callerOf(c), code, c.req.valid('json'));
    return created ? c.json(group, 201) : c.json(group, 200);
  })
  .openapi(r.remove, async (c) => {
    await deletePeerGroup(callerOf(c), c.req.valid('param').code, c.req.valid('query').version);
    return c.body(null, 204);
  });
