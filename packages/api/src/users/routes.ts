import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { userContract as r } from './contract';
import { createUser, getUser, listUsers, updateUser } from './use-cases';

export const userRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listUsers(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => {
    const input = c.req.valid('json');
    return c.json(await idempotent(c, 'users', input, () => createUser(callerOf(c), input)), 201);
  })
  .openapi(r.get, async (c) => c.json(await getUser(callerOf(c), c.req.valid('param').id), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateUser(callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
