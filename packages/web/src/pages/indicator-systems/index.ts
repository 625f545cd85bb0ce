import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { param } from '../../context';
import { editor } from './editor/page';

import { importSystem, systemList } from './list';
import { forVersion } from './paths';
import { runTrial } from './trial/run';
import { exportXlsx } from './version/export';
import { deleteDraft, newVersion, transition } from './version/lifecycle-actions';
import { versionPage } from './version/view';
import { correctWeights } from './version/weight-correction-actions';

/**
 * Indicator systems: the list and Excel import; a version (the latest, or a numbered one) with its
 * lifecycle actions, Excel export and trial; the draft editor.
 */
export const indicatorSystemPages = new Hono<ConsoleEnv>()
  .get('/', (c) => systemList(c))
  .post('/import', importSystem)
  .get('/:id', (c) => versionPage(c, param(c, 'id'), undefined))
  .get('/:id/versions/:v', forVersion(versionPage))
  .post('/:id/versions/:v/transition', forVersion(transition))
  .post('/:id/versions/:v/delete', forVersion(deleteDraft))
  .post('/:id/versions/:v/new-version', forVersion(newVersion))
  .post('/:id/versions/:v/weight-corrections', forVersion(correctWeights))
  .get('/:id/versions/:v/export.xlsx', forVersion(exportXlsx))
  .post('/:id/versions/:v/trial', forVersion(runTrial))
  .get('/:id/versions/:v/edit', forVersion(editor.get))
  .post('/:id/versions/:v/edit', forVersion(editor.post));
