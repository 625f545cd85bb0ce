import { createHash } from 'node:crypto';
import {
  errors,
  mapLimit,
  type Publication,
  type PublishedCycle,
  publicationSchema,
  publishedCycleSchema,
} from '@jixiao/core';
import { publicationPath } from '@jixiao/data';
import type { AppDeps } from '../deps';
import { publicTenant } from '../http/public-tenant';

/**
 * What the public side reads, and ONLY this: the cycle's publication record in the path's tenant
 * (it must say `published`) and the snapshot object the record names, verified against the
 * record's SHA-256. No key is ever built from the request: a cycle not published, withdrawn or of
 * another tenant finds no record, and the bucket is never listed. A snapshot that does not match
 * its record is a fault: logged and never shown.
 */

const PUBLISHED = { zh: '已公开的绩效结果', en: 'Published results' };

type Deps = Pick<AppDeps, 'data' | 'log'>;

export interface Published {
  tenant: { code: string; name: string };
  record: Publication;
  snapshot: PublishedCycle;
}

/**
 * Parsed snapshots of this process, by tenant, key and SHA-256 (immutable: a number's object is
 * written once), so a warm function reads the record only. A few cycles per tenant are published.
 */
const cache = new Map<string, PublishedCycle>();
const CACHED = 16;

function remember(key: string, s: PublishedCycle) {
  cache.set(key, s);
  while (cache.size > CACHED) cache.delete(cache.keys().next().value!);
}

const missing = () => errors.notFound(PUBLISHED.zh, PUBLISHED.en);

/** The snapshot a published record names; undefined (logged) when it is not the one the record names. */
async function snapshotOf(deps: Deps, t: string, record: Publication): Promise<PublishedCycle | undefined> {
  const { key, sha256 } = record.snapshot;
  const cached = cache.get(`${t}/${key}/${sha256}`);
  if (cached) return cached;
  const fault = (why: string) => {
    deps.log({ level: 'error', msg: `public results: ${why}`, tenant: t, cycle: record.cycle, key });
    return undefined;
  };
  // The record names its object; a key of any other form is not one publishing wrote.
  if (key !== publicationPath(record.cycle, record.number).join('/')) return fault('unexpected snapshot key');
  const bytes = await deps.data.blobs.get(t, key.split('/'));
  if (!bytes) return fault('snapshot missing');
  if (createHash('sha256').update(bytes).digest('hex') !== sha256)
    return fault('snapshot does not match its record');
  const parsed = publishedCycleSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  if (!parsed.success) return fault('snapshot does not parse');
  const s = parsed.data;
  if (s.tenant.code !== t || s.cycle.id !== record.cycle || s.number !== record.number)
    return fault('snapshot names another publication');
  remember(`${t}/${key}/${sha256}`, s);
  return s;
}

/** The published cycle, or 404 (not published, withdrawn, another tenant's, no such tenant). */
export async function readPublished(deps: Deps, tenantCode: string, cycleId: string): Promise<Published> {
  const t = await publicTenant({ deps }, tenantCode);
  const found = await deps.data.publications.get(t.code, cycleId);
  if (found?.status !== 'published') throw missing();
  const record = publicationSchema.parse(found);
  const snapshot = await snapshotOf(deps, t.code, record);
  if (!snapshot) throw missing();
  return { tenant: { code: t.code, name: t.name }, record, snapshot };
}

/** Every published cycle of the tenant (404 for a tenant that does not exist or may not be used). */
export async function readAllPublished(deps: Deps, tenantCode: string) {
  const t = await publicTenant({ deps }, tenantCode);
  const tenant = { code: t.code, name: t.name };
  const cycles = await deps.data.cycles.all(t.code);
  const found = await mapLimit(cycles, 8, async (c): Promise<Published | undefined> => {
    const record = await deps.data.publications.get(t.code, c.id);
    if (record?.status !== 'published') return undefined;
    const parsed = publicationSchema.parse(record);
    const snapshot = await snapshotOf(deps, t.code, parsed);
    return snapshot ? { tenant, record: parsed, snapshot } : undefined;
  });
  return { tenant, found: found.filter((p): p is Published => !!p) };
}
