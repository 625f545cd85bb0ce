import type { ReportContext } from './inputs';
import type { ReportHeader } from './model';

/** The header every report carries: who and what it is about, and the day its data was taken. */
export const headerOf = (c: ReportContext): ReportHeader => ({
  tenant: { code: c.tenant.code, name: c.tenant.name },
  cycle: { id: c.cycle.id, name: c.cycle.name, year: c.cycle.year },
  run: { id: c.run.id, number: c.run.number },
  ...(c.releasedOn ? { releasedOn: c.releasedOn } : {}),
  ...(c.publishedOn ? { publishedOn: c.publishedOn } : {}),
  asOf: c.asOf,
});
