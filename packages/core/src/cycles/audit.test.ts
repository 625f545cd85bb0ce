import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditEvent,
  auditEntrySchema,
  canonicalJson,
  GENESIS_HASH,
  type HashFn,
  hashedContent,
  verifyChain,
} from './audit';

// The product hashes with SM3 outside core; any deterministic hash shows the chain's logic.
const hash: HashFn = (alg, content) => createHash('sha256').update(`${alg}:${content}`).digest('hex');

const actor = { sub: 'u-1', name: '张三', roles: ['office_admin'] };

function build(events: AuditEvent[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  events.forEach((ev, i) => {
    const rest = {
      seq: i + 1,
      at: `2025-04-0${(i % 9) + 1}T08:00:00Z`,
      actor,
      ...ev,
      alg: 'SM3' as const,
      prevHash: out[i - 1]?.hash ?? GENESIS_HASH,
    };
    out.push({ ...rest, hash: hash('SM3', hashedContent(rest)) });
  });
  return out;
}

const events: AuditEvent[] = [
  { action: 'cycle.create', target: { type: 'cycle', id: 'cy1' }, after: { name: '2025 年度', year: 2025 } },
  {
    action: 'cycle.transition',
    target: { type: 'cycle', id: 'cy1' },
    before: { state: 'draft' },
    after: { state: 'planning' },
  },
  {
    action: 'plan.review',
    target: { type: 'plan', id: 'cy1/FGW' },
    after: { status: 'returned' },
    note: '目标偏低',
  },
  {
    action: 'value.verify',
    target: { type: 'value', id: 'cy1/FGW/C1' },
    before: { value: 6.5 },
    after: { value: 6.1 },
  },
  { action: 'cycle.reopen', target: { type: 'cycle', id: 'cy1' }, note: '补报' },
];

/** Rebuilds a value with every object's keys in reverse order. */
const reversed = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reversed)
    : v !== null && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reversed(x)]),
        )
      : v;

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
    expect(canonicalJson([undefined, null, 'x'])).toBe('[null,null,"x"]');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('does not depend on key order (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(reversed(v))).toBe(canonicalJson(v));
      }),
    );
  });

  it('is JSON that reads back as the same value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        // -0 has no JSON spelling of its own; JSON.stringify writes it as 0 too.
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it('tells different content apart', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), fc.string(), fc.integer(), (obj, k, x) => {
        fc.pre(obj[k] !== x && k !== '__proto__');
        expect(canonicalJson({ ...obj, [k]: x })).not.toBe(canonicalJson(obj));
      }),
    );
  });
});

describe('verifyChain', () => {
  const chain = build(events);

  it('accepts an intact chain of valid entries and returns its head', () => {
    for (const e of chain) expect(auditEntrySchema.parse(e)).toEqual(e);
    expect(chain[0]!.prevHash).toBe(GENESIS_HASH);
    expect(verifyChain(chain, hash)).toEqual({ ok: true, last: { seq: 5, hash: chain[4]!.hash } });
    expect(verifyChain([], hash)).toEqual({ ok: true, last: { seq: 0, hash: GENESIS_HASH } });
  });

  it('continues from a checked prefix', () => {
    const first = verifyChain(chain.slice(0, 2), hash);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(verifyChain(chain.slice(2), hash, first.last)).toEqual({
      ok: true,
      last: { seq: 5, hash: chain[4]!.hash },
    });
    expect(verifyChain(chain.slice(2), hash)).toEqual({ ok: false, at: 1, problem: 'sequence_gap' });
  });

  it('does not care how an entry came back from storage (key order)', () => {
    expect(
      verifyChain(
        chain.map((e) => reversed(e) as AuditEntry),
        hash,
      ).ok,
    ).toBe(true);
  });

  it('detects a changed field', () => {
    const tampered = structuredClone(chain);
    tampered[3]!.after = { value: 6.5 };
    expect(verifyChain(tampered, hash)).toEqual({ ok: false, at: 4, problem: 'hash_mismatch' });
    for (const change of [
      (e: AuditEntry) => {
        e.actor = { ...e.actor, sub: 'u-2' };
      },
      (e: AuditEntry) => {
        e.at = '2025-05-01T00:00:00Z';
      },
      (e: AuditEntry) => {
        e.note = undefined;
      },
      (e: AuditEntry) => {
        e.target = { ...e.target, id: 'cy2' };
      },
    ]) {
      const t = structuredClone(chain);
      change(t[2]!);
      expect(verifyChain(t, hash)).toEqual({ ok: false, at: 3, problem: 'hash_mismatch' });
    }
  });

  it('detects a changed entry whose own hash was recomputed, at the next link', () => {
    const t = structuredClone(chain);
    t[1]!.after = { state: 'monitoring' };
    const { hash: _old, ...rest } = t[1]!;
    t[1]!.hash = hash('SM3', hashedContent(rest));
    expect(verifyChain(t, hash)).toEqual({ ok: false, at: 3, problem: 'link_mismatch' });
  });

  it('detects a removed entry', () => {
    const t = chain.filter((e) => e.seq !== 3);
    expect(verifyChain(t, hash)).toEqual({ ok: false, at: 3, problem: 'sequence_gap' });
    expect(verifyChain(chain.slice(1), hash)).toEqual({ ok: false, at: 1, problem: 'sequence_gap' });
  });

  it('detects a swapped order, renumbered or not', () => {
    const swapped = [chain[0]!, chain[2]!, chain[1]!, chain[3]!, chain[4]!];
    expect(verifyChain(swapped, hash)).toEqual({ ok: false, at: 2, problem: 'sequence_gap' });
    const renumbered = swapped.map((e, i) => ({ ...e, seq: i + 1 }));
    expect(verifyChain(renumbered, hash)).toEqual({ ok: false, at: 2, problem: 'link_mismatch' });
  });

  it('detects a changed prevHash', () => {
    const t = structuredClone(chain);
    t[4]!.prevHash = chain[2]!.hash;
    expect(verifyChain(t, hash)).toEqual({ ok: false, at: 5, problem: 'link_mismatch' });
    const g = structuredClone(chain);
    g[0]!.prevHash = 'f'.repeat(64);
    expect(verifyChain(g, hash)).toEqual({ ok: false, at: 1, problem: 'link_mismatch' });
  });

  it('finds the first break wherever one field of one entry changes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: chain.length - 1 }), fc.string({ minLength: 1 }), (i, note) => {
        fc.pre(note !== chain[i]!.note);
        const t = structuredClone(chain);
        t[i]!.note = note;
        expect(verifyChain(t, hash)).toEqual({ ok: false, at: i + 1, problem: 'hash_mismatch' });
      }),
    );
  });
});
