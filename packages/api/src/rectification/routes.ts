import { callerOf } from '../http/caller';
import { idempotent } from '../http/idempotency';
import { resourceApp } from '../http/route';
import { rectificationContract as r } from './contract';
import {
  carryOver,
  createTask,
  getTask,
  listTasks,
  reportProgress,
  transitionTask,
  updateTask,
} from './use-cases';

export const rectificationRoutes = resourceApp()
  .openapi(r.list, async (c) => {
    const { cycleId } = c.req.valid('param');
    const { overdue, ...q } = c.req.valid('query');
    const flag = overdue === undefined ? {} : { overdue: overdue === 'true' };
    return c.json(await listTasks(callerOf(c), cycleId, { ...q, ...flag }), 200);
  })
  .openapi(r.carryOver, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await carryOver(callerOf(c), cycleId, c.req.valid('json')), 200);
  })
  .openapi(r.create, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    const input = c.req.valid('json');
    const made = await idempotent(c, `rect-${cycleId}-${unit}`, input, () =>
      createTask(callerOf(c), cycleId, unit, input),
    );
    return c.json(made, 201);
  })
  .openapi(r.get, async (c) => {
    const { cycleId, unit, taskId } = c.req.valid('param');
    return c.json(await getTask(callerOf(c), cycleId, unit, taskId), 200);
  })
  .openapi(r.update, async (c) => {
    const { cycleId, unit, taskId } = c.req.valid('param');
    return c.json(await updateTask(callerOf(c), cycleId, unit, taskId, c.req.valid('json')), 200);
  })
  .openapi(r.transition, async (c) => {
    const { cycleId, unit, taskId } = c.req.valid('param');
    return c.json(await transitionTask(callerOf(c), cycleId, unit, taskId, c.req.valid('json')), 200);
  })
  .openapi(r.progress, async (c) => {
    const { cycleId, unit, taskId } = c.req.valid('param');
    return c.json(await reportProgress(callerOf(c), cycleId, unit, taskId, c.req.valid('json')), 200);
  });
