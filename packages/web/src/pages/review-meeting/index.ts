import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { forCycle } from '../cycles/office/paths';
import { concludeMeeting, meetingPage, saveMeeting } from './actions';

/**
 * The review meeting (评议会) of a cycle, mounted under `/console/cycles`: the record (the office
 * edits it; observers read it; a unit sees its own decision), saving, and concluding.
 */
export const meetingPages = new Hono<ConsoleEnv>()
  .get('/:id/review-meeting', forCycle(meetingPage))
  .post('/:id/review-meeting', forCycle(saveMeeting))
  .post('/:id/review-meeting/conclude', forCycle(concludeMeeting));
