import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { guidanceList } from './list';
import { newGuidance } from './new';
import { readGuidance } from './read';

/** Guidance documents (指导文件) at `/console/guidance`: a city sends them down, a county reads its inbox. */
export const guidancePages = new Hono<ConsoleEnv>()
  .get('/', guidanceList)
  .get('/new', newGuidance.get)
  .post('/new', newGuidance.post)
  .get('/inbox/:id', readGuidance);
