import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createStepHandler } from '@jixiao/api/evaluation-batch';
import {
  contentOf,
  digestSchema,
  type EvaluationRun,
  groupResultSchema,
  type Job,
  leavesOf,
  RUN_STEPS,
  resultRowSchema,
  THROTTLED,
  unitRunResultSchema,
} from '@jixiao/core';
import { createDataLayer, type DataLayer, newId, runObjectPath, runPath } from '@jixiao/data';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * The batch's tasks on the embedded stack (dynalite, s3rver) over the demo year's 2025 cycle of
 * 哈尔滨市 (in verification: a trial run), each step called as the state machine calls it: the run
 * finishes with a result per unit and every unit's reports stored; every step called again changes
 * nothing (a report batch rendered but not counted renders nothing again); a second run over the
 * same cycle writes byte-equal results; throttled storage surfaces as `Throttled`; a failed run is
 * recorded and resumes to the same results.
 */
const T = '230100';
let s: TestStack;
let cycle: string;
let handler: (event: unknown) => Promise<Job>;
let puts = 0;

/** The stack's data layer with its bucket's writes counted. */
function counting(data: DataLayer): DataLayer {
  const blobs = new Proxy(data.blobs, {
    get(target, p, receiver) {
      const v = Reflect.get(target, p, receiver);
      if (p === 'put')
        return (...args: Parameters<typeof target.put>) => {
          puts++;
          return target.put(...args);
        };
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { ...data, blobs };
}

beforeAll(async () => {
  s = await startTestStack({ demoYear: true, demoResults: false });
  const admin = await s.token(T, 'hrb-admin');
  const cycles = await s.call('GET', '/v1/cycles', { token: admin });
  const c = cycles.body.items.find((x: { year: number }) => x.year === 2025);
  expect(c.state).toBe('verification');
  cycle = c.id;
  await determineFgw();
  handler = createStepHandler({ data: counting(s.data), now: s.deps.now, log: () => {} });
}, 120_000);
afterAll(() => s.stop());

let determinedLeaf = '';
let vetoCode = '';

/** The office's year-end determination for 市发改委: incidents of a deduction leaf, and a veto. */
async function determineFgw() {
  const c = (await s.data.cycles.get(T, cycle))!;
  const fgw = (await s.data.org.getUnit(T, 'FGW'))!;
  const b = c.bindings.find((x) => x.groups.includes(fgw.group))!;
  const content = contentOf(await s.data.indicatorSystems.getVersion(T, b.system, b.systemVersion));
  const leaf = leavesOf(content.dimensions).find((l) => l.rule.kind === 'deduction')!;
  if (leaf.rule.kind !== 'deduction') throw new Error('the demo system has no deduction leaf');
  determinedLeaf = leaf.code;
  vetoCode = content.vetoItems[0]!.code;
  await s.data.cycleRecords.create(
    T,
    cycle,
    'DETERM',
    ['FGW'],
    {
      cycle,
      unit: 'FGW',
      leaves: { [leaf.code]: { kind: 'incidents', counts: { [leaf.rule.items[0]!.code]: 1 } } },
      bonus: {},
      vetoes: { [vetoCode]: '年终认定：通报批评' },
      note: '集成测试认定',
    },
    { zh: '年终认定', en: 'Determination' },
  );
}

const runs = () => s.data.evaluation.runs;
const until = () => new Date(s.deps.now().getTime() + 120_000).toISOString();

/** Starts a trial run as the API's start does: the cycle's lock first, then the record. */
async function startRun(): Promise<Job> {
  const id = newId('run');
  // A run the stack itself started (the demo's) may still hold the lock: wait until it lets go.
  for (let i = 0; (await runs().lock(T, cycle, id, until())) !== undefined; i++) {
    if (i > 300) throw new Error('the cycle lock stayed held');
    await new Promise((r) => setTimeout(r, 100));
  }
  const number = Math.max(0, ...(await runs().all(T, cycle)).map((r) => r.number)) + 1;
  const at = s.deps.now().toISOString();
  await runs().create(T, cycle, {
    id,
    cycle,
    number,
    kind: 'trial',
    trigger: 'office',
    reason: '批处理任务集成测试',
    appeals: [],
    status: 'running',
    step: 'freeze',
    done: [],
    scored: 0,
    total: 0,
    batches: [],
    reported: 0,
    reportBatches: [],
    failures: [],
    attempts: 1,
    started: { by: 'test', at },
    leaseUntil: until(),
  });
  return { tenant: T, cycle, run: id, attempt: 1 };
}

const readJson = async <T>(path: string[]) =>
  JSON.parse(new TextDecoder().decode(await s.data.blobs.get(T, path))) as T;

async function itemsOf(job: Job): Promise<string[]> {
  expect(job.items).toEqual({
    bucket: s.data.blobs.bucket,
    key: `tenants/${T}/${runObjectPath(cycle, job.run, 'items').join('/')}`,
  });
  return readJson<string[]>(runObjectPath(cycle, job.run, 'items'));
}

/** Units per batch of the two Maps (as the definition batches them). */
const BATCH = { score: 25, report: 10 } as const;

/** Every step in order, the Maps in batches over items.json, as the state machine runs it. */
async function runSteps(job0: Job, from: (typeof RUN_STEPS)[number] = 'freeze'): Promise<Job> {
  let job = job0;
  for (const step of RUN_STEPS.slice(RUN_STEPS.indexOf(from))) {
    if (step !== 'score' && step !== 'report') {
      job = await handler({ step, job });
      continue;
    }
    const items = await itemsOf(job);
    for (let i = 0; i < items.length; i += BATCH[step])
      expect(await handler({ step, job, units: items.slice(i, i + BATCH[step]) })).toEqual(job);
  }
  return job;
}

/** The cycle's stored reports (content-addressed: reports/<cycle>/<format>/<sha256>) by format. */
async function reportsOf(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const o of await s.data.blobs.list(T, ['reports', cycle])) {
    const [, , format, sha] = o.path.split('/') as [string, string, string, string];
    out[format] = [...(out[format] ?? []), sha];
  }
  return out;
}

/** The run's objects: path under the run → bytes as text. */
async function objectsOf(run: string): Promise<Map<string, string>> {
  const prefix = `${runPath(cycle, run).join('/')}/`;
  const listed = await s.data.blobs.list(T, runPath(cycle, run));
  const out = new Map<string, string>();
  for (const o of listed.sort((a, b) => (a.path < b.path ? -1 : 1)))
    out.set(
      o.path.slice(prefix.length),
      new TextDecoder().decode(await s.data.blobs.get(T, o.path.split('/'))),
    );
  return out;
}

let first: Job;
let firstObjects: Map<string, string>;
let items: string[];

describe('a trial run of the demo year, step by step', () => {
  it('freezes, scores every unit in batches, ranks, writes and is ready', async () => {
    first = await runSteps(await startRun());
    items = await itemsOf(first);
    const run = (await runs().get(T, cycle, first.run))!;
    expect(items.length).toBeGreaterThan(10);
    expect(run).toMatchObject({
      status: 'ready',
      step: 'ready',
      done: [...RUN_STEPS],
      scored: items.length,
      total: items.length,
      failures: [],
    });
    expect(run.batches).toHaveLength(Math.ceil(items.length / 25));
    expect(run.reported).toBe(items.length);
    expect(run.reportBatches).toEqual(
      Array.from({ length: Math.ceil(items.length / 10) }, (_, i) => items[i * 10]),
    );
    expect(run.summary?.units).toBe(items.length);
    expect(Object.values(run.summary!.grades).reduce((a, b) => a + b, 0)).toBe(items.length);
    expect(await runs().holder(T, cycle)).toBeUndefined();

    firstObjects = await objectsOf(first.run);
    expect([...firstObjects.keys()].filter((k) => !k.includes('/'))).toEqual([
      'digest.json',
      'groups.json',
      'items.json',
      'peers.json',
      'snapshot.json',
    ]);
    expect([...firstObjects.keys()].filter((k) => k.startsWith('units/'))).toEqual(
      [...items].sort().map((u) => `units/${u}.json`),
    );
    expect(run.snapshot).toMatchObject({
      key: runObjectPath(cycle, first.run, 'snapshot').join('/'),
      bytes: new TextEncoder().encode(firstObjects.get('snapshot.json')).length,
    });

    // Every object has the shape the API reads it with.
    digestSchema.parse(JSON.parse(firstObjects.get('digest.json')!));
    const groups = z
      .array(groupResultSchema.extend({ system: z.string() }))
      .parse(JSON.parse(firstObjects.get('groups.json')!));
    expect(groups.reduce((n, g) => n + g.size, 0)).toBe(items.length);
    expect(run.summary?.groups).toBe(groups.length);
    const results = items.map((u) =>
      unitRunResultSchema.parse(JSON.parse(firstObjects.get(`units/${u}.json`)!)),
    );
    // Where the inputs came from reaches the breakdown: corrected and not-yet-verified values among them.
    const origins = new Set(results.flatMap((r) => Object.values(r.provenance).map((p) => p.origin)));
    // The expert review's and the surveys' feeds, values verified, supplied or not yet verified, and
    // the office's determination all reach the breakdown.
    for (const o of ['experts', 'survey', 'verified', 'supplied', 'unverified', 'determination'])
      expect(origins, o).toContain(o);
    const determined = results.find((r) => r.unit === 'FGW')!;
    expect(determined.provenance[determinedLeaf]).toMatchObject({ origin: 'determination' });
    expect(determined.result.vetoes.map((v) => v.code)).toEqual([vetoCode]);
    for (const r of results) {
      // Stages add up to the base sum as shown (each is the sum of its leaves’ shown points).
      const stages = r.stages.reduce((n, st) => n + Number(st.points.shown), 0);
      expect(stages).toBeCloseTo(Number(r.result.base.sum.shown), 6);
    }

    const rows = await runs().rows(T, cycle, first.run);
    expect(rows.map((r) => r.unit)).toEqual([...items].sort());
    for (const r of rows) resultRowSchema.parse(r);
    const fgw = results.find((r) => r.unit === 'FGW')!;
    expect(rows.find((r) => r.unit === 'FGW')).toMatchObject({
      total: fgw.result.total,
      rank: fgw.result.rank.rank,
    });
  });

  it('stores every unit’s reports and the run’s office and People’s Congress reports, in each format', async () => {
    const stored = await reportsOf();
    expect(Object.keys(stored).sort()).toEqual(['html', 'pdf', 'xlsx']);
    // One file per unit and format, and the two reports of the whole run.
    for (const format of ['pdf', 'xlsx', 'html'])
      expect(stored[format], format).toHaveLength(items.length + 2);
    const [sha] = stored.pdf!;
    const pdf = await s.data.blobs.get(T, ['reports', cycle, 'pdf', sha!]);
    expect(Buffer.from(pdf!.slice(0, 5)).toString()).toBe('%PDF-');
    const xlsx = await s.data.blobs.get(T, ['reports', cycle, 'xlsx', stored.xlsx![0]!]);
    expect(Buffer.from(xlsx!.slice(0, 2)).toString()).toBe('PK');
    const html = await s.data.blobs.get(T, ['reports', cycle, 'html', stored.html![0]!]);
    expect(new TextDecoder().decode(html)).toMatch(/<html[^>]*lang="zh/);
  });

  it('a report batch rendered but not counted (the task died in between) renders nothing again', async () => {
    const run = (await runs().get(T, cycle, first.run))!;
    // As if the first batch's count had never been written.
    await runs().patch(T, cycle, first.run, {
      status: 'running',
      done: run.done.filter((d) => d !== 'report' && d !== 'ready'),
      reported: run.reported - 10,
      reportBatches: run.reportBatches.slice(1),
    });
    const before = await reportsOf();
    const writes = puts;
    await handler({ step: 'report', job: first, units: items.slice(0, 10) });
    expect(puts).toBe(writes);
    expect(await reportsOf()).toEqual(before);
    const counted = (await runs().get(T, cycle, first.run))!;
    expect(counted.reported).toBe(items.length);
    expect([...counted.reportBatches].sort()).toEqual([...run.reportBatches].sort());
    // Put back as it was, for the tests that follow.
    await runs().patch(T, cycle, first.run, {
      status: run.status,
      step: run.step,
      done: run.done,
      reportBatches: run.reportBatches,
    });
    await runs().unlock(T, cycle, first.run);
  });

  it('called again, every step answers without writing anything', async () => {
    const before = await runs().get(T, cycle, first.run);
    const writes = puts;
    await runSteps(first);
    expect(puts).toBe(writes);
    expect(await runs().get(T, cycle, first.run)).toEqual(before);
    expect(await objectsOf(first.run)).toEqual(firstObjects);
    expect((await runs().get(T, cycle, first.run))!.scored).toBe(items.length);
  });

  it('a second run over the same cycle writes byte-equal results', async () => {
    const second = await runSteps(await startRun());
    const again = await objectsOf(second.run);
    for (const k of firstObjects.keys()) expect(again.get(k), k).toBe(firstObjects.get(k));
    expect(again.size).toBe(firstObjects.size);
    const a = await runs().rows(T, cycle, first.run);
    expect(await runs().rows(T, cycle, second.run)).toEqual(a);
  });
});

describe('faults', () => {
  /** A data layer of its own (its own clients) over the same table, for fault injection. */
  async function separateLayer() {
    const ep = await (await s.data.store.doc.client()).config.endpoint!();
    const cfg = {
      region: 'cn-north-1',
      tableName: s.data.store.tableName,
      bucketName: s.data.blobs.bucket,
      dynamoEndpoint: `${ep.protocol}//${ep.hostname}:${ep.port}`,
      cursorSecret: 'x'.repeat(32),
      localCredentials: true,
    };
    const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
    const s3 = new S3Client({
      region: 'cn-north-1',
      credentials,
      endpoint: 'http://127.0.0.1:1',
      forcePathStyle: true,
    });
    const dynamo = new DynamoDBClient({ region: 'cn-north-1', credentials, endpoint: cfg.dynamoEndpoint });
    return { s3, data: createDataLayer(cfg, s.deps.now, { dynamo, s3 }) };
  }

  let job: Job;

  it('S3 throttling (SlowDown) surfaces as Throttled', async () => {
    job = await startRun();
    job = await handler({ step: 'freeze', job });
    const { s3, data } = await separateLayer();
    const mock = mockClient(s3);
    const slowDown = Object.assign(new Error('Please reduce your request rate.'), {
      name: 'SlowDown',
      $metadata: { httpStatusCode: 503 },
    });
    mock.on(GetObjectCommand).rejects(slowDown);
    const throttled = createStepHandler({ data, now: s.deps.now, log: () => {} });
    await expect(throttled({ step: 'peers', job })).rejects.toMatchObject({
      name: THROTTLED,
      message: expect.stringContaining('SlowDown'),
    });
    mock.restore();
    // The run still runs: the state machine's retry would call the step again.
    expect((await runs().get(T, cycle, job.run))!).toMatchObject({
      status: 'running',
      step: 'peers',
      done: ['freeze'],
    });
  });

  it('DynamoDB throttling (ProvisionedThroughputExceeded) surfaces as Throttled', async () => {
    const mock = mockClient(DynamoDBDocumentClient);
    mock.onAnyCommand().rejects(
      Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
        name: 'ProvisionedThroughputExceededException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const err = await handler({ step: 'peers', job }).catch((e: Error) => e);
    mock.restore();
    expect(err).toMatchObject({ name: THROTTLED, message: expect.stringContaining('存储服务繁忙') });
  });

  it('a failure is recorded in both languages; the resumed run finishes with the same results', async () => {
    await handler({
      step: 'fail',
      job,
      error: {
        Error: THROTTLED,
        Cause: JSON.stringify({ errorType: THROTTLED, errorMessage: '存储服务繁忙\nStorage is busy' }),
      },
    });
    const failed = (await runs().get(T, cycle, job.run)) as EvaluationRun;
    expect(failed.status).toBe('failed');
    expect(failed.failures).toEqual([
      expect.objectContaining({
        step: 'peers',
        error: THROTTLED,
        message: {
          zh: '「计算同组统计量」步骤失败（Throttled）：存储服务繁忙',
          en: 'The step “Peer statistics per group” failed (Throttled): Storage is busy',
        },
      }),
    ]);
    expect(await runs().holder(T, cycle)).toBeUndefined();

    // Resume as the API does: lock again, attempt + 1, running.
    expect(await runs().lock(T, cycle, job.run, until())).toBeUndefined();
    await runs().update(T, cycle, job.run, failed.version, {
      status: 'running',
      attempts: 2,
      leaseUntil: until(),
    });
    const resumed = await runSteps({ ...job, attempt: 2 }, 'peers');
    const run = (await runs().get(T, cycle, resumed.run))!;
    expect(run).toMatchObject({ status: 'ready', attempts: 2, scored: items.length });
    const objects = await objectsOf(job.run);
    for (const k of ['digest.json', 'groups.json', ...[...items].map((u) => `units/${u}.json`)])
      expect(objects.get(k), k).toBe(firstObjects.get(k));
  });

  it('an attempt that was taken over stops with RunStale', async () => {
    const r = (await runs().get(T, cycle, job.run))!;
    expect(r.status).toBe('ready');
    const fresh = await startRun();
    await expect(handler({ step: 'freeze', job: { ...fresh, attempt: 2 } })).rejects.toMatchObject({
      name: 'RunStale',
    });
    await handler({ step: 'fail', job: fresh, error: { Error: 'States.TaskFailed' } });
    expect((await runs().get(T, cycle, fresh.run))!.status).toBe('failed');
  });
});
