import {
  AppError,
  countLeaves,
  errors,
  type IndicatorSystem,
  SYSTEM_STATUS_LABELS,
  type SystemContent,
  type SystemListing,
  type SystemStatus,
  type SystemVersionSummary,
  systemContentSchema,
} from '@jixiao/core';
import type { CursorCodec } from './cursor';
import { keys } from './keys';
import type { Store } from './store';

const WHAT = { zh: '指标体系', en: 'Indicator system' };

const SUMMARY_ATTRIBUTES = [
  'id',
  'systemVersion',
  'status',
  'name',
  'template',
  'owner',
  'leafCount',
  'version',
  'createdAt',
  'updatedAt',
];

/**
 * Indicator systems and their versions. A version is one item (content included, well under
 * DynamoDB's 400 KB for realistic systems); its status moves by conditional updates, and only a
 * draft's content can change, so an approved version is immutable by construction.
 */
export class IndicatorSystemsRepo {
  constructor(
    private readonly store: Store,
    private readonly cursors: CursorCodec,
    private readonly now: () => Date,
  ) {}

  async createVersion(
    t: string,
    v: { id: string; systemVersion: number; content: SystemContent; template?: string; owner?: string },
  ): Promise<IndicatorSystem> {
    const at = this.now().toISOString();
    const item: IndicatorSystem = {
      ...v.content,
      id: v.id,
      systemVersion: v.systemVersion,
      status: 'draft',
      ...(v.template ? { template: v.template } : {}),
      ...(v.owner ? { owner: v.owner } : {}),
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.create(
      keys.indicatorSystemVersion(t, v.id, v.systemVersion),
      undefined,
      { ...item, leafCount: countLeaves(v.content.dimensions), entity: 'indicatorSystem', tenant: t },
      {
        zh: `指标体系 ${v.id} 第 ${v.systemVersion} 版`,
        en: `Version ${v.systemVersion} of indicator system ${v.id}`,
      },
    );
    return item;
  }

  getVersion = (t: string, id: string, v: number) =>
    this.store
      .getOr404<IndicatorSystem & { leafCount?: number }>(keys.indicatorSystemVersion(t, id, v), WHAT)
      .then(stripCount);

  async latest(t: string, id: string): Promise<IndicatorSystem> {
    const q = keys.indicatorSystemVersions(t, id);
    const page = await this.store.page<IndicatorSystem & { leafCount?: number }>(
      { ...q, descending: true },
      `T:${t}:indsys:${id}`,
      { limit: 1 },
    );
    const first = page.items[0];
    if (!first) throw errors.notFound(WHAT.zh, WHAT.en);
    return stripCount(first);
  }

  versions(t: string, id: string): Promise<SystemVersionSummary[]> {
    return this.store.all<SystemVersionSummary>(
      { ...keys.indicatorSystemVersions(t, id), attributes: SUMMARY_ATTRIBUTES },
      `T:${t}:indsys:${id}`,
    );
  }

  /**
   * Systems with their latest and approved versions, paged by system id. A tenant has tens of
   * systems, so the summaries (not the contents) are read whole and the page is cut in memory,
   * after `shown` (the caller's view of each listing, or undefined to leave it out): every page is
   * full while more follow, whatever the caller may not see.
   */
  async list(
    t: string,
    req: { limit?: number; cursor?: string },
    shown: (listing: SystemListing) => SystemListing | undefined = (x) => x,
  ): Promise<{ items: SystemListing[]; nextCursor?: string }> {
    const scope = `T:${t}:indsys`;
    const after = this.cursors.decode(scope, req.cursor)?.after;
    const summaries = await this.store.all<SystemVersionSummary>(
      { ...keys.indicatorSystems(t), attributes: SUMMARY_ATTRIBUTES },
      scope,
    );
    const byId = new Map<string, SystemVersionSummary[]>();
    for (const s of summaries) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);
    const all = [...byId.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .filter(([id]) => typeof after !== 'string' || id > after)
      .map(([id, vs]): SystemListing => {
        const sorted = vs.sort((a, b) => a.systemVersion - b.systemVersion);
        const approved = sorted.filter((v) => v.status === 'approved').at(-1);
        return { id, latest: sorted.at(-1)!, ...(approved ? { approved } : {}), versions: sorted.length };
      })
      .flatMap((listing) => {
        const view = shown(listing);
        return view ? [view] : [];
      });
    const limit = Math.min(Math.max(req.limit ?? 50, 1), 200);
    const items = all.slice(0, limit);
    const nextCursor =
      all.length > limit ? this.cursors.encode(scope, { after: items.at(-1)!.id }) : undefined;
    return { items, ...(nextCursor ? { nextCursor } : {}) };
  }

  /** Replaces a draft's content; refused (409) unless the version is a draft at the expected `version`. */
  async updateDraft(
    t: string,
    id: string,
    v: number,
    expected: number,
    content: SystemContent,
  ): Promise<IndicatorSystem> {
    // Every content attribute is set, or removed when the new content leaves it out.
    const changes: Record<string, unknown> = { leafCount: countLeaves(content.dimensions) };
    for (const k of Object.keys(systemContentSchema.shape))
      changes[k] = content[k as keyof SystemContent] ?? null;
    return this.conditional(t, id, v, expected, ['draft'], changes);
  }

  /** Moves a version from one of `from` to `to`, at the expected `version`. */
  setStatus(
    t: string,
    id: string,
    v: number,
    expected: number,
    from: SystemStatus[],
    to: SystemStatus,
    note?: string,
  ) {
    return this.conditional(t, id, v, expected, from, { status: to, statusNote: note ?? null });
  }

  async deleteDraft(t: string, id: string, v: number, expected: number): Promise<void> {
    const current = await this.getVersion(t, id, v);
    if (current.status !== 'draft') throw notDraft(current.status);
    await this.store.remove(keys.indicatorSystemVersion(t, id, v), expected, WHAT);
  }

  private async conditional(
    t: string,
    id: string,
    v: number,
    expected: number,
    from: SystemStatus[],
    changes: Record<string, unknown>,
  ): Promise<IndicatorSystem> {
    const sets: string[] = ['#version = :next', '#updatedAt = :at'];
    const removes: string[] = [];
    const names: Record<string, string> = {
      '#version': 'version',
      '#status': 'status',
      '#updatedAt': 'updatedAt',
    };
    const values: Record<string, unknown> = {
      ':expected': expected,
      ':next': expected + 1,
      ':at': this.now().toISOString(),
    };
    from.forEach((s, i) => {
      values[`:from${i}`] = s;
    });
    Object.entries(changes).forEach(([k, val], i) => {
      if (val === undefined) return;
      names[`#c${i}`] = k;
      if (val === null) removes.push(`#c${i}`);
      else {
        values[`:c${i}`] = val;
        sets.push(`#c${i} = :c${i}`);
      }
    });
    try {
      const r = await this.store.doc.update({
        TableName: this.store.tableName,
        Key: keys.indicatorSystemVersion(t, id, v),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
        ConditionExpression: `attribute_exists(pk) AND #version = :expected AND #status IN (${from.map((_, i) => `:from${i}`).join(', ')})`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      });
      const { pk: _pk, sk: _sk, entity: _e, tenant: _t, leafCount: _l, ...rest } = r.Attributes ?? {};
      return rest as IndicatorSystem;
    } catch (e) {
      if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
      const current = await this.getVersion(t, id, v);
      if (current.version !== expected) throw errors.versionConflict(current.version);
      throw notDraft(current.status);
    }
  }
}

function stripCount({ leafCount: _l, ...rest }: IndicatorSystem & { leafCount?: number }): IndicatorSystem {
  return rest;
}

const notDraft = (status: SystemStatus) =>
  new AppError({
    status: 409,
    code: 'not_editable',
    zh: `该版本状态为「${SYSTEM_STATUS_LABELS[status].zh}」，只有草稿可以修改；请新建版本。`,
    en: `This version is ${SYSTEM_STATUS_LABELS[status].en.toLowerCase()}; only drafts can change. Create a new version.`,
  });
