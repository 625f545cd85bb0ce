import { createHash } from 'node:crypto';
import {
  type AuditAlgorithm,
  type AuditEntry,
  type AuditEvent,
  type AuditVerification,
  errors,
  GENESIS_HASH,
  hashedContent,
  verifyChain,
} from '@jixiao/core';
import { keys } from '../keys';
import { type PageRequest, type Store, stripKeys } from '../store';

/** The algorithms the trail can hash with, by the name written in each entry. */
const NODE_ALGORITHM: Record<AuditAlgorithm, string> = { SM3: 'sm3' };
/** The hash of an entry's content; an algorithm name not in the table (a tampered entry) hashes to ''. */
export const auditHash = (alg: AuditAlgorithm, content: string): string => {
  const name = Object.hasOwn(NODE_ALGORITHM, alg) ? NODE_ALGORITHM[alg] : undefined;
  return name ? createHash(name).update(content, 'utf8').digest('hex') : '';
};

/**
 * Before/after larger than this (serialised) are kept as their size and SM3 digest only, so an entry
 * stays well under DynamoDB's 400 KB item limit whatever the change (a plan's items can be large).
 */
export const AUDIT_DETAIL_MAX_BYTES = 64 * 1024;

function bounded(v: unknown): unknown {
  if (v === undefined) return undefined;
  const text = JSON.stringify(v);
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes <= AUDIT_DETAIL_MAX_BYTES ? v : { omitted: true, bytes, sm3: auditHash('SM3', text) };
}

/** Strings as storage will give them back: lone surrogates would come back as U+FFFD and break the hash. */
const wellFormed = (_key: string, v: unknown) =>
  typeof v === 'string' ? (v as string & { toWellFormed(): string }).toWellFormed() : v;

const isConditionFailure = (e: unknown) =>
  (e as { name?: string } | null)?.name === 'ConditionalCheckFailedException';

interface Head {
  seq: number;
  hash: string;
}

export type AuditActor = AuditEntry['actor'];

/**
 * The append-only, hash-chained audit trail of a tenant. Without transactions (dynalite has none),
 * an append is two single-item writes: the entry at `head.seq + 1` (conditional on the slot being
 * free), then the head pointer (conditional on moving forward). A writer that loses the race for a
 * slot, or finds the head behind after a crash, moves the head to the entry that is there and
 * tries the next slot, so the chain never forks and never has a hole.
 */
export class AuditTrail {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly alg: AuditAlgorithm = 'SM3',
  ) {}

  private async head(t: string): Promise<Head> {
    const h = await this.store.get<Head>(keys.auditHead(t));
    return h ? { seq: h.seq, hash: h.hash } : { seq: 0, hash: GENESIS_HASH };
  }

  private async advanceHead(t: string, to: Head): Promise<void> {
    try {
      await this.store.doc.update({
        TableName: this.store.tableName,
        Key: keys.auditHead(t),
        UpdateExpression: 'SET #seq = :seq, #hash = :hash, #tenant = :t, #entity = :e',
        ConditionExpression: 'attribute_not_exists(pk) OR #seq < :seq',
        ExpressionAttributeNames: {
          '#seq': 'seq',
          '#hash': 'hash',
          '#tenant': 'tenant',
          '#entity': 'entity',
        },
        ExpressionAttributeValues: { ':seq': to.seq, ':hash': to.hash, ':t': t, ':e': 'auditHead' },
      });
    } catch (e) {
      if (!isConditionFailure(e)) throw e; // someone moved it further already
    }
  }

  async append(t: string, actor: AuditActor, event: AuditEvent): Promise<AuditEntry> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const head = await this.head(t);
      const body: Omit<AuditEntry, 'hash'> = {
        seq: head.seq + 1,
        at: this.now().toISOString(),
        actor,
        action: event.action,
        target: event.target,
        ...(event.before !== undefined ? { before: bounded(event.before) } : {}),
        ...(event.after !== undefined ? { after: bounded(event.after) } : {}),
        ...(event.note ? { note: event.note } : {}),
        alg: this.alg,
        prevHash: head.hash,
      };
      // Round-trip through JSON so what is hashed is exactly what storage gives back.
      const stored = JSON.parse(JSON.stringify(body, wellFormed)) as Omit<AuditEntry, 'hash'>;
      const entry: AuditEntry = { ...stored, hash: auditHash(this.alg, hashedContent(stored)) };
      try {
        await this.store.doc.put({
          TableName: this.store.tableName,
          Item: { ...entry, ...keys.auditEntry(t, entry.seq), entity: 'auditEntry', tenant: t },
          ConditionExpression: 'attribute_not_exists(pk)',
        });
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        // The slot is taken: move the head to the newest entry there is (one query, however far
        // behind the head was), then try the slot after it.
        const newest = await this.store.page<AuditEntry>(
          { ...keys.auditEntries(t), descending: true },
          `T:${t}:audit:newest`,
          { limit: 1 },
        );
        const top = newest.items[0];
        if (top) await this.advanceHead(t, { seq: top.seq, hash: top.hash });
        continue;
      }
      await this.advanceHead(t, { seq: entry.seq, hash: entry.hash });
      return entry;
    }
    throw errors.serviceUnavailable();
  }

  /** Newest first, paged. */
  page = (t: string, req: PageRequest) =>
    this.store.page<AuditEntry>({ ...keys.auditEntries(t), descending: true }, `T:${t}:audit`, req);

  /** Every entry in sequence order, one page at a time (for export and verification). */
  async *entries(t: string): AsyncGenerator<AuditEntry[]> {
    let cursor: string | undefined;
    do {
      const p = await this.store.page<AuditEntry>(keys.auditEntries(t), `T:${t}:audit:all`, {
        limit: 200,
        cursor,
      });
      yield p.items.map((i) => stripKeys<AuditEntry>(i as unknown as Record<string, unknown>));
      cursor = p.nextCursor;
    } while (cursor);
  }

  /** Recomputes every hash and link from the first entry and compares the end with the head. */
  async verify(t: string): Promise<AuditVerification> {
    // The head is read first: entries appended while this runs lie beyond it and are not judged.
    const head = await this.store.get<Head>(keys.auditHead(t));
    let last: Head = { seq: 0, hash: GENESIS_HASH };
    for await (const all of this.entries(t)) {
      const batch = head ? all.filter((e) => e.seq <= head.seq) : all;
      const r = verifyChain(batch, auditHash, last);
      if (!r.ok) return { ok: false, checked: r.at - 1, brokenAt: r.at, problem: r.problem, alg: this.alg };
      last = r.last;
      if (batch.length < all.length) break;
    }
    // Entries without a head: the head was removed (with entries after it, perhaps).
    if (!head && last.seq > 1)
      return { ok: false, checked: last.seq, brokenAt: last.seq + 1, problem: 'sequence_gap', alg: this.alg };
    // A head beyond the last entry means entries at the end were removed; a head behind it is an
    // append interrupted between its two writes (the next append moves it on).
    if (head && (head.seq > last.seq || (head.seq === last.seq && head.hash !== last.hash))) {
      const problem = head.seq > last.seq ? 'sequence_gap' : 'hash_mismatch';
      return {
        ok: false,
        checked: last.seq,
        brokenAt: last.seq + 1,
        problem,
        head: { seq: head.seq, hash: head.hash },
        alg: this.alg,
      };
    }
    return { ok: true, checked: last.seq, ...(last.seq ? { head: last } : {}), alg: this.alg };
  }
}
