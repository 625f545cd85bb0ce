import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/** The audit trail on the embedded DynamoDB: racing appends, oversized details, tampering of every kind. */
let s: TestStack;
const actor = { sub: 'u-test', roles: ['tenant_admin'] };
const entryKey = (t: string, seq: number) => ({
  pk: `T#${t}#AUDIT`,
  sk: `SEQ#${String(seq).padStart(12, '0')}`,
});

beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.stop());

describe('the audit trail', () => {
  it('racing appends make one chain with no fork and no hole', async () => {
    const t = '239901';
    const entries = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        s.data.audit.append(t, actor, { action: 'cycle.update', target: { type: 'cycle', id: `c${i}` } }),
      ),
    );
    expect(entries.map((e) => e.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(await s.data.audit.verify(t)).toMatchObject({ ok: true, checked: 25, alg: 'SM3' });
  });

  it('keeps oversized before/after as their size and digest, and odd strings verifiable', async () => {
    const t = '239902';
    const big = {
      items: Array.from({ length: 3000 }, (_, i) => ({
        leaf: `L${i}`,
        measures: '细化分解到处室，按月调度'.repeat(3),
      })),
    };
    const e = await s.data.audit.append(t, actor, {
      action: 'plan.save',
      target: { type: 'plan', id: 'x' },
      after: big,
    });
    expect(e.after).toMatchObject({ omitted: true });
    await s.data.audit.append(t, actor, {
      action: 'plan.save',
      target: { type: 'plan', id: 'y' },
      note: 'lone \ud800 surrogate',
    });
    expect((await s.data.audit.verify(t)).ok).toBe(true);
  });

  it('detects a changed algorithm name, a removed head, and removed entries after it', async () => {
    const t = '239903';
    for (let i = 0; i < 5; i++)
      await s.data.audit.append(t, actor, { action: 'value.verify', target: { type: 'value', id: `v${i}` } });
    const doc = s.data.store.doc;
    const table = s.data.store.tableName;
    await doc.update({
      TableName: table,
      Key: entryKey(t, 2),
      UpdateExpression: 'SET #a = :a',
      ExpressionAttributeNames: { '#a': 'alg' },
      ExpressionAttributeValues: { ':a': 'MD5' },
    });
    expect(await s.data.audit.verify(t)).toMatchObject({ ok: false, brokenAt: 2, problem: 'hash_mismatch' });
    await doc.update({
      TableName: table,
      Key: entryKey(t, 2),
      UpdateExpression: 'SET #a = :a',
      ExpressionAttributeNames: { '#a': 'alg' },
      ExpressionAttributeValues: { ':a': 'SM3' },
    });
    expect((await s.data.audit.verify(t)).ok).toBe(true);
    // The last two entries and the head go: the chain that is left is whole, but headless.
    for (const seq of [4, 5]) await doc.delete({ TableName: table, Key: entryKey(t, seq) });
    await doc.delete({ TableName: table, Key: { pk: `T#${t}#AUDIT`, sk: 'HEAD' } });
    expect(await s.data.audit.verify(t)).toMatchObject({ ok: false, problem: 'sequence_gap' });
    // Appending still works: the head catches up with the newest entry in one step.
    const next = await s.data.audit.append(t, actor, {
      action: 'value.verify',
      target: { type: 'value', id: 'v9' },
    });
    expect(next.seq).toBe(4);
  });
});
