import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { groupDetail } from './detail';
import { groupList } from './list';

/** Unit groups (分类): list and create, view, change, delete. */
export const unitGroupPages = new Hono<ConsoleEnv>()
  .get('/', groupList.get)
  .post('/', groupList.post)
  .get('/:code', groupDetail.get)
  .post('/:code', groupDetail.post)
  .post('/:code/delete', groupDetail.delete);
