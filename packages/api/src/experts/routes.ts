import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { expertContract as r } from './contract';
import {
  assign,
  calibrationView,
  closeRound,
  createExpert,
  getExpert,
  getMine,
  listExperts,
  openRound,
  overview,
  putScores,
  recuse,
  resultsView,
  unassign,
  updateExpert,
} from './use-cases';

export const expertRoutes = resourceApp()
  .openapi(r.list, async (c) => c.json(await listExperts(callerOf(c), c.req.valid('query')), 200))
  .openapi(r.create, async (c) => {
    const input = c.req.valid('json');
    return c.json(await idempotent(c, 'experts', input, () => createExpert(callerOf(c), input)), 201);
  })
  .openapi(r.get, async (c) => c.json(await getExpert(callerOf(c), c.req.valid('param').expertId), 200))
  .openapi(r.update, async (c) =>
    c.json(await updateExpert(callerOf(c), c.req.valid('param').expertId, c.req.valid('json')), 200),
  )
  .openapi(r.review, async (c) => c.json(await overview(callerOf(c), c.req.valid('param').cycleId), 200))
  .openapi(r.assign, async (c) => {
    const { cycleId } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(
      await idempotent(c, `expert-assign-${cycleId}`, input, () => assign(callerOf(c), cycleId, input)),
      201,
    );
  })
  .openapi(r.unassign, async (c) => {
    const { cycleId, assignmentId } = c.req.valid('param');
    return c.json(await unassign(callerOf(c), cycleId, assignmentId, c.req.valid('query').version), 200);
  })
  .openapi(r.openRound, async (c) =>
    c.json(await openRound(callerOf(c), c.req.valid('param').cycleId, c.req.valid('json')), 201),
  )
  .openapi(r.closeRound, async (c) => {
    const { cycleId, round } = c.req.valid('param');
    return c.json(await closeRound(callerOf(c), cycleId, round, c.req.valid('json').version), 200);
  })
  .openapi(r.calibration, async (c) =>
    c.json(await calibrationView(callerOf(c), c.req.valid('param').cycleId, c.req.valid('query').round), 200),
  )
  .openapi(r.results, async (c) => c.json(await resultsView(callerOf(c), c.req.valid('param').cycleId), 200))
  .openapi(r.mine, async (c) => c.json(await getMine(callerOf(c), c.req.valid('param').cycleId), 200))
  .openapi(r.score, async (c) =>
    c.json(await putScores(callerOf(c), c.req.valid('param').cycleId, c.req.valid('json')), 200),
  )
  .openapi(r.recuse, async (c) => {
    const { cycleId, assignmentId } = c.req.valid('param');
    return c.json(await recuse(callerOf(c), cycleId, assignmentId, c.req.valid('json')), 200);
  });
