import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { userDetail } from './detail';
import { userList } from './list';
import { newUser } from './new';

/** The tenant's users: list, create, view and change. */
export const userPages = new Hono<ConsoleEnv>()
  .get('/', userList)
  .get('/new', newUser.get)
  .post('/new', newUser.post)
  .get('/:id', userDetail.get)
  .post('/:id', userDetail.post);
