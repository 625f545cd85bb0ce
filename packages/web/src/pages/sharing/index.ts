import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { forCycle } from '../cycles/unit/paths';
import { mappingPages } from '../mappings';
import { cycleSharingPage, share, withdrawShare } from './actions';
import { sharingIndex } from './index-page';

/** A sharer's pages at `/console/sharing`: its shares, and (under `/mappings`) the mapping of its systems. */
export const sharingPages = new Hono<ConsoleEnv>().get('/', sharingIndex).route('/mappings', mappingPages);

/** A cycle's sharing, mounted under `/console/cycles`. */
export const cycleSharingPages = new Hono<ConsoleEnv>()
  .get('/:id/sharing', forCycle(cycleSharingPage))
  .post('/:id/sharing', forCycle(share))
  .post('/:id/sharing/:recipient/withdraw', forCycle(withdrawShare));
