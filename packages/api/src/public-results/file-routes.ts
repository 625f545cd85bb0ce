import { resourceApp } from '../http/route';
import { publicReportContract as f } from './contract';
import { publishedReportFile } from './report-file';

/**
 * The published reports' files: the file function (rendering loads pdfkit and the charts). The
 * redirect is the same for everyone: shared caches may keep it 1 minute (its presigned link lives 15).
 */
const FILE_CACHE = 'public, max-age=60';

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
