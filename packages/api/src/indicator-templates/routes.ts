import { resourceApp } from '../http/route';
import { templateContract as r } from './contract';
import { getTemplate, listTemplates } from './use-cases';

export const templateRoutes = resourceApp()
  .openapi(r.list, (c) => c.json({ items: listTemplates() }, 200))
  .openapi(r.get, (c) => c.json(getTemplate(c.req.valid('param').templateId), 200));
