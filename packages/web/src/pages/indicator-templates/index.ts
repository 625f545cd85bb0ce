import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';
import { templatePage } from './detail';
import { galleryPage } from './gallery';
import { useTemplate } from './use';

/** The template gallery (模板): browse, preview, and start a draft from one. */
export const indicatorTemplatePages = new Hono<ConsoleEnv>()
  .get('/', (c) => galleryPage(c))
  .get('/:id', templatePage)
  .post('/:id/use', useTemplate);
