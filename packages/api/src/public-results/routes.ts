import { resourceApp } from '../http/route';
import { publicReportContract as f, publicResultContract as r } from './contract';
import { publishedCycleResults, publishedList, publishedReportFile, publishedUnitResult } from './use-cases';

/**
 * No sign-in: the tenant is the path's, and only published snapshots are reachable. Answers are
 * the same for everyone, so shared caches may keep them: the JSON 5 minutes (a withdrawal reaches
 * every reader within that), a file's redirect 1 minute (its presigned link lives 15).
 */
const JSON_CACHE = { 'cache-control': 'public, max-age=300' };
const FILE_CACHE = 'public, max-age=60';

export const publicResultRoutes = resourceApp()
  .openapi(r.list, async (c) =>
    c.json(await publishedList(c.get('deps'), c.req.valid('param').tenant), 200, JSON_CACHE),
  )
  .openapi(r.cycle, async (c) => {
    const { tenant, cycleId } = c.req.valid('param');
    return c.json(await publishedCycleResults(c.get('deps'), tenant, cycleId), 200, JSON_CACHE);
  })
  .openapi(r.unit, async (c) => {
    const { tenant, cycleId, unit } = c.req.valid('param');
    return c.json(await publishedUnitResult(c.get('deps'), tenant, cycleId, unit), 200, JSON_CACHE);
  });

/** The published reports' files: the file function (rendering loads pdfkit and the charts). */
export const publicReportRoutes = resourceApp().openapi(f.file, async (c) => {
  const { tenant, cycleId, kind, format } = c.req.valid('param');
  const file = await publishedReportFile(
    c.get('deps'),
    tenant,
    cycleId,
    kind,
    format,
    c.req.valid('query').unit,
  );
  return c.body(null, 302, { location: file.url, 'cache-control': FILE_CACHE });
});
