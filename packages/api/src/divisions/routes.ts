import { resourceApp } from '../http/route';
import { divisionContract as r } from './contract';
import { childrenOf, getDivision } from './use-cases';

export const divisionRoutes = resourceApp()
  .openapi(r.get, async (c) => c.json(await getDivision(c.req.valid('param').code), 200))
  .openapi(r.children, async (c) => c.json({ items: await childrenOf(c.req.valid('query').parent) }, 200));
