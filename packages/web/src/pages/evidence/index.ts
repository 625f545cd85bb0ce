import { Hono } from 'hono';
import type { ConsoleEnv, Ctx } from '../../context';
import { forCycle, forCycleUnit } from '../cycles/unit/paths';
import { confirm, discard, download, type Owner, ticket } from './actions';
import { officeEvidencePage } from './office-page';
import { overviewPage } from './overview';
import { storagePage } from './storage';
import { unitEvidencePage } from './unit-page';

type Action = (c: Ctx, cycleId: string, owner: Owner) => Response | Promise<Response>;
const office = (a: Action) => forCycle((c, id) => a(c, id, { kind: 'office' }));
const unit = (a: Action) => forCycleUnit((c, id, u) => a(c, id, { kind: 'unit', unit: u }));

/**
 * Evidence pages of a cycle, mounted under `/console/cycles`: the office's overview, the office's
 * own documents, a unit's documents per indicator; the upload script's JSON routes (ticket,
 * confirm, discard) and the download redirect of each list. The office's routes come first, so
 * `…/evidence/office` is never read as a unit code.
 */
export const evidencePages = new Hono<ConsoleEnv>()
  .get('/:id/evidence', forCycle(overviewPage))
  .get('/:id/evidence/office', forCycle(officeEvidencePage))
  .post('/:id/evidence/office/uploads', office(ticket))
  .post('/:id/evidence/office/uploads/:uploadId/confirm', office(confirm))
  .post('/:id/evidence/office/uploads/:uploadId/discard', office(discard))
  .get('/:id/evidence/office/:evidenceId/:n', office(download))
  .get('/:id/evidence/:unit', forCycleUnit(unitEvidencePage))
  .post('/:id/evidence/:unit/uploads', unit(ticket))
  .post('/:id/evidence/:unit/uploads/:uploadId/confirm', unit(confirm))
  .post('/:id/evidence/:unit/uploads/:uploadId/discard', unit(discard))
  .get('/:id/evidence/:unit/:evidenceId/:n', unit(download));

/** The tenant's storage use and evidence settings, mounted at `/console/storage`. */
export const storagePages = new Hono<ConsoleEnv>().get('/', storagePage.get).post('/', storagePage.post);
