import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { tenantDetail } from './detail';
import { tenantList } from './list';
import { newTenant } from './new';

/** The platform operator's tenants: list, onboard, view and change, and their storage quota. */
export const tenantPages = new Hono<ConsoleEnv>()
  .get('/', tenantList)
  .get('/new', newTenant.get)
  .post('/new', newTenant.post)
  .get('/:code', tenantDetail.get)
  .post('/:code', tenantDetail.post)
  .post('/:code/storage-quota', tenantDetail.quota);
