import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { systemContract as r } from './contract';
import {
  correctDraftWeights,
  createSystem,
  deleteDraft,
  getSystem,
  getVersion,
  listSystems,
  newVersion,
  putDraft,
  transition,
  trial,
} from './use-cases';

export const indicatorSystemRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listSystems(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => {
    const input = c.req.valid('json');
    return c.json(
      await idempotent(c, 'indicator-systems', input, () => createSystem(callerOf(c), input)),
      201,
    );
  })
  .openapi(r.get, async (c) => c.json(await getSystem(callerOf(c), c.req.valid('param').id), 200))
  .openapi(r.getVersion, async (c) => {
    const { id, v } = c.req.valid('param');
    return c.json(await getVersion(callerOf(c), id, v), 200);
  })
  .openapi(r.putDraft, async (c) => {
    const { id, v } = c.req.valid('param');
    const { version, content } = c.req.valid('json');
    return c.json(await putDraft(callerOf(c), id, v, version, content), 200);
  })
  .openapi(r.deleteDraft, async (c) => {
    const { id, v } = c.req.valid('param');
    await deleteDraft(callerOf(c), id, v, c.req.valid('query').version);
    return c.body(null, 204);
  })
  .openapi(r.transition, async (c) => {
    const { id, v } = c.req.valid('param');
    return c.json(await transition(callerOf(c), id, v, c.req.valid('json')), 200);
  })
  .openapi(r.newVersion, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const scope = `indicator-versions-${id}`;
    return c.json(await idempotent(c, scope, input, () => newVersion(callerOf(c), id, input.from)), 201);
  })
  .openapi(r.correctWeights, async (c) => {
    const { id, v } = c.req.valid('param');
    const { version, correction } = c.req.valid('json');
    return c.json(await correctDraftWeights(callerOf(c), id, v, version, correction, 'body.correction'), 200);
  })
  .openapi(r.trial, async (c) => {
    const { id, v } = c.req.valid('param');
    return c.json(await trial(callerOf(c), id, v, c.req.valid('json')), 200);
  });
