import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { forCycle } from '../cycles/office/paths';
import { calibrationPage } from './calibration';
import { minePage, recuse, saveScores } from './mine';
import { expertDetail, newExpert, poolList } from './pool';
import { assignExpert, closeRound, openRound, reviewPage, withdrawAssignment } from './review-actions';

/** The expert pool (专家库), mounted at `/console/experts`. */
export const expertPoolPages = new Hono<ConsoleEnv>()
  .get('/', poolList)
  .get('/new', newExpert.get)
  .post('/new', newExpert.post)
  .get('/:id', expertDetail.get)
  .post('/:id', expertDetail.post);

/** The expert review of a cycle (office and experts), mounted under `/console/cycles`. */
export const expertReviewPages = new Hono<ConsoleEnv>()
  .get('/:id/expert-review', forCycle(reviewPage))
  .post('/:id/expert-review/assignments', forCycle(assignExpert))
  .post('/:id/expert-review/assignments/:assignmentId/withdraw', forCycle(withdrawAssignment))
  .post('/:id/expert-review/rounds', forCycle(openRound))
  .post('/:id/expert-review/rounds/:round/close', forCycle(closeRound))
  .get('/:id/expert-review/calibration', forCycle(calibrationPage))
  .get('/:id/expert-review/mine', forCycle(minePage))
  .post('/:id/expert-review/mine/scores', forCycle(saveScores))
  .post('/:id/expert-review/mine/assignments/:assignmentId/recusal', forCycle(recuse));
