import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { unitGroupContract as r } from './contract';
import { createGroup, deleteGroup, getGroup, listGroups, updateGroup } from './use-cases';

export const unitGroupRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listGroups(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => {
    const input = c.req.valid('json');
    return c.json(await idempotent(c, 'unit-groups', input, () => createGroup(callerOf(c), input)), 201);
  })
  .openapi(r.get, async (c) => c.json(await getGroup(callerOf(c), c.req.valid('param').code), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateGroup(callerOf(c), c.req.valid('param').code, c.req.valid('json')), 200),
  )
  .openapi(r.remove, async (c) => {
    await deleteGroup(callerOf(c), c.req.valid('param').code, c.req.valid('query').version);
    return c.body(null, 204);
  });
