import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { unitDetail } from './detail';
import { unitList } from './list';
import { newUnit } from './new';

/** Units under evaluation (被考核单位): list, create, view and change. */
export const unitPages = new Hono<ConsoleEnv>()
  .get('/', unitList)
  .get('/new', newUnit.get)
  .post('/new', newUnit.post)
  .get('/:code', unitDetail.get)
  .post('/:code', unitDetail.post);
