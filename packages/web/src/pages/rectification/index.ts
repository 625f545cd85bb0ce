import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { forCycle } from '../cycles/unit/paths';
import {
  boardPage,
  carryOver,
  createTask,
  editTask,
  reportProgress,
  taskPage,
  transitionTask,
} from './actions';
import { forTask } from './paths';

/**
 * Rectification (整改), mounted under `/console/cycles`: the board (tasks by unit, overdue flagged;
 * the office's create and carry-over forms), a task with the office's edit and actions and the
 * unit's progress report.
 */
export const rectificationPages = new Hono<ConsoleEnv>()
  .get('/:id/rectification', forCycle(boardPage))
  .post('/:id/rectification', forCycle(createTask))
  .post('/:id/rectification/carry-over', forCycle(carryOver))
  .get('/:id/rectification/:unit/:taskId', forTask(taskPage))
  .post('/:id/rectification/:unit/:taskId', forTask(editTask))
  .post('/:id/rectification/:unit/:taskId/transitions', forTask(transitionTask))
  .post('/:id/rectification/:unit/:taskId/progress', forTask(reportProgress));
