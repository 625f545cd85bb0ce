import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { groupPages } from './detail';
import { groupList } from './list';

/** Peer groups (分类考核组), mounted at `/console/comparisons/groups`: list, create, view, change, delete. */
export const peerGroupPages = new Hono<ConsoleEnv>()
  .get('/', groupList)
  .get('/new', groupPages.newGet)
  .post('/new', groupPages.newPost)
  .get('/:code', groupPages.get)
  .post('/:code', groupPages.post)
  .post('/:code/delete', groupPages.delete);
