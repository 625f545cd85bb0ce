import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { mappingPage, saveMapping } from './actions';
import { mappingList } from './list';

/** 指标对标, mounted at `/console/sharing/mappings`: the systems, and each system's mapping. */
export const mappingPages = new Hono<ConsoleEnv>()
  .get('/', mappingList)
  .get('/:system', mappingPage)
  .post('/:system', saveMapping);
