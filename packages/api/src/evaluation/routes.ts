import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { compareRuns } from './compare';
import { evaluationContract as r } from './contract';
import { getDetermination, putDetermination } from './determinations';
import { overview } from './overview';
import { releaseRun } from './release';
import { releasedResult } from './released';
import { runResults, unitRunResult } from './results';
import { getRun, resumeRun, startRun } from './runs';

/** The year-end evaluation's routes (contract: ./contract); the rules live in the use cases. */
export const evaluationRoutes = resourceApp()
  .openapi(r.overview, async (c) => c.json(await overview(callerOf(c), c.req.valid('param').cycleId), 200))
  .openapi(r.start, async (c) => {
    const { cycleId } = c.req.valid('param');
    const input = c.req.valid('json');
    return c.json(
      await idempotent(c, `evaluation-runs-${cycleId}`, input, () => startRun(callerOf(c), cycleId, input)),
      202,
    );
  })
  .openapi(r.run, async (c) => {
    const { cycleId, runId } = c.req.valid('param');
    return c.json(await getRun(callerOf(c), cycleId, runId), 200);
  })
  .openapi(r.resume, async (c) => {
    const { cycleId, runId } = c.req.valid('param');
    return c.json(await resumeRun(callerOf(c), cycleId, runId), 202);
  })
  .openapi(r.results, async (c) => {
    const { cycleId, runId } = c.req.valid('param');
    return c.json(await runResults(callerOf(c), cycleId, runId), 200);
  })
  .openapi(r.unitResult, async (c) => {
    const { cycleId, runId, unit } = c.req.valid('param');
    return c.json(await unitRunResult(callerOf(c), cycleId, runId, unit), 200);
  })
  .openapi(r.compare, async (c) => {
    const { cycleId, runId } = c.req.valid('param');
    return c.json(await compareRuns(callerOf(c), cycleId, runId, c.req.valid('query').with), 200);
  })
  .openapi(r.release, async (c) => {
    const { cycleId, runId } = c.req.valid('param');
    return c.json(await releaseRun(callerOf(c), cycleId, runId, c.req.valid('json')), 200);
  })
  .openapi(r.released, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await releasedResult(callerOf(c), cycleId, unit), 200);
  })
  .openapi(r.determination, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await getDetermination(callerOf(c), cycleId, unit), 200);
  })
  .openapi(r.determine, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    return c.json(await putDetermination(callerOf(c), cycleId, unit, c.req.valid('json')), 200);
  });
