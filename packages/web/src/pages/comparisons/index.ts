import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { comparisonPage } from './compare';
import { exportComparison } from './export';
import { sensitivityPage, sensitivityPost } from './sensitivity-actions';
import { sharedPage } from './shared';
import { snapshotPage } from './snapshot';
import { whatIfPage, whatIfPost } from './what-if-actions';

/**
 * A recipient's pages (a province, or a city for its counties), mounted at `/console/comparisons`:
 * 共享成果 and each snapshot, 比较分析 and its Excel export, 权重模拟, 排名稳定性. The peer groups
 * are mounted under it too (`/groups`, pages/peer-groups).
 */
export const comparisonPages = new Hono<ConsoleEnv>()
  .get('/', comparisonPage)
  .get('/export.xlsx', exportComparison)
  .get('/shared', sharedPage)
  .get('/shared/:year/:tenant', snapshotPage)
  .get('/what-if', whatIfPage)
  .post('/what-if', whatIfPost)
  .get('/sensitivity', sensitivityPage)
  .post('/sensitivity', sensitivityPost);
