import { callerOf } from '../http/caller';
import { resourceApp } from '../http/route';
import { confirmUpload, discardUpload } from './confirm';
import { evidenceContract as r } from './contract';
import { downloadLink, evidenceOverview, listEvidence } from './read';
import { officeReadContext, officeWriteContext, unitReadContext, unitWriteContext } from './scope';
import { platformStorage, putEvidenceSettings, putStorageQuota, tenantStorage } from './storage';
import { requestUpload } from './uploads';

export const evidenceRoutes = resourceApp()
  .openapi(r.overview, async (c) => {
    const { cycleId } = c.req.valid('param');
    return c.json(await evidenceOverview(callerOf(c), cycleId), 200);
  })
  .openapi(r.unitList, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    const ctx = await unitReadContext(callerOf(c), cycleId, unit);
    return c.json(await listEvidence(ctx, c.req.valid('query').leaf), 200);
  })
  .openapi(r.unitUpload, async (c) => {
    const { cycleId, unit } = c.req.valid('param');
    const ctx = await unitWriteContext(callerOf(c), cycleId, unit);
    return c.json(await requestUpload(ctx, c.req.valid('json')), 201);
  })
  .openapi(r.unitConfirm, async (c) => {
    const { cycleId, unit, uploadId } = c.req.valid('param');
    const ctx = await unitWriteContext(callerOf(c), cycleId, unit);
    return c.json(await confirmUpload(ctx, uploadId), 200);
  })
  .openapi(r.unitDiscard, async (c) => {
    const { cycleId, unit, uploadId } = c.req.valid('param');
    await discardUpload(await unitWriteContext(callerOf(c), cycleId, unit), uploadId);
    return c.body(null, 204);
  })
  .openapi(r.unitDownload, async (c) => {
    const { cycleId, unit, evidenceId, n } = c.req.valid('param');
    const ctx = await unitReadContext(callerOf(c), cycleId, unit);
    return c.json(await downloadLink(ctx, evidenceId, n, c.req.valid('query').disposition), 200);
  })
  .openapi(r.officeList, async (c) => {
    const ctx = await officeReadContext(callerOf(c), c.req.valid('param').cycleId);
    return c.json(await listEvidence(ctx), 200);
  })
  .openapi(r.officeUpload, async (c) => {
    const ctx = await officeWriteContext(callerOf(c), c.req.valid('param').cycleId);
    return c.json(await requestUpload(ctx, c.req.valid('json')), 201);
  })
  .openapi(r.officeConfirm, async (c) => {
    const { cycleId, uploadId } = c.req.valid('param');
    return c.json(await confirmUpload(await officeWriteContext(callerOf(c), cycleId), uploadId), 200);
  })
  .openapi(r.officeDiscard, async (c) => {
    const { cycleId, uploadId } = c.req.valid('param');
    await discardUpload(await officeWriteContext(callerOf(c), cycleId), uploadId);
    return c.body(null, 204);
  })
  .openapi(r.officeDownload, async (c) => {
    const { cycleId, evidenceId, n } = c.req.valid('param');
    const ctx = await officeReadContext(callerOf(c), cycleId);
    return c.json(await downloadLink(ctx, evidenceId, n, c.req.valid('query').disposition), 200);
  })
  .openapi(r.storage, async (c) => c.json(await tenantStorage(callerOf(c)), 200))
  .openapi(r.putSettings, async (c) =>
    c.json(await putEvidenceSettings(callerOf(c), c.req.valid('json')), 200),
  )
  .openapi(r.platformStorage, async (c) =>
    c.json(await platformStorage(callerOf(c), c.req.valid('param').code), 200),
  )
  .openapi(r.platformQuota, async (c) =>
    c.json(await putStorageQuota(callerOf(c), c.req.valid('param').code, c.req.valid('json')), 200),
  );
