import { resourceApp } from '../http/route';
import { financeContract as r } from './contract';
import { compute, listCalculators } from './use-cases';

export const financeRoutes = resourceApp()
  .openapi(r.list, (c) => c.json({ items: listCalculators() }, 200))
  .openapi(r.compute, (c) => c.json(compute(c.req.valid('param').name, c.req.valid('json').args), 200));
