import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { standardPages } from './detail';
import { standardList } from './list';

/** The province's standard indicator library (标准指标库): read by the province's tenants, kept by its office. */
export const standardsPages = new Hono<ConsoleEnv>()
  .get('/', standardList)
  .get('/new', standardPages.newGet)
  .post('/new', standardPages.newPost)
  .get('/:code', standardPages.get)
  .post('/:code', standardPages.post)
  .post('/:code/delete', standardPages.delete);
