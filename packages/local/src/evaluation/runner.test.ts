import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startExecution, type TaskHandler } from './runner';
import { localDefinition, type SynthesizedDefinition } from './synthesize';

/**
 * The local runner on the synthesized definition, with a stand-in batch function (it answers the
 * job, and the peer step the pointer to items.json) and S3 mocked: the Distributed Map stand-in
 * batches as the ItemBatcher says, applies the failure tolerance and writes the result files; Retry,
 * Catch and the Fail state behave as synthesized; a kill stops everything without the Catch.
 */
const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

let synthesized: SynthesizedDefinition;
beforeAll(async () => {
  synthesized = await localDefinition('jixiao-local');
}, 120_000);

const JOB = { tenant: '230100', cycle: 'cyabc', run: 'rnabc', attempt: 1 };
const ITEMS = { bucket: 'jixiao-local', key: 'tenants/230100/evaluations/cyabc/rnabc/items.json' };
const UNITS = Array.from({ length: 53 }, (_, i) => `U${String(i).padStart(2, '0')}`);

type Event = { step: string; job: typeof JOB & { items?: typeof ITEMS }; units?: string[]; error?: unknown };

/** A batch function that only answers: the job, with the items pointer from the peer step on. */
function recorder(fail?: (e: Event) => Error | undefined) {
  const events: Event[] = [];
  const handler: TaskHandler = async (raw) => {
    const e = raw as Event;
    events.push(e);
    const err = fail?.(e);
    if (err) throw err;
    return e.step === 'peers' ? { ...e.job, items: ITEMS } : e.job;
  };
  return { events, handler };
}

function storage() {
  s3.on(GetObjectCommand, { Key: ITEMS.key }).resolves({
    Body: { transformToString: async () => JSON.stringify(UNITS) } as never,
  });
  s3.on(PutObjectCommand).resolves({});
  const written = () =>
    Object.fromEntries(
      s3
        .commandCalls(PutObjectCommand)
        .map((c) => [c.args[0].input.Key!, JSON.parse(String(c.args[0].input.Body))]),
    );
  return { written };
}

const run = (handler: TaskHandler, extra: Partial<Parameters<typeof startExecution>[0]> = {}) =>
  startExecution({
    definition: synthesized.definition,
    input: JOB,
    handler,
    s3: new S3Client({ region: 'cn-north-1' }),
    name: 'rnabc-1',
    retryDelayMs: 1,
    ...extra,
  }).done;

describe('the local runner', () => {
  it('runs every step in order, scoring and then rendering the items from S3 in batches as child executions', async () => {
    const { written } = storage();
    const { events, handler } = recorder();
    const outcome = await run(handler);
    expect(outcome).toMatchObject({ status: 'SUCCEEDED', output: JOB });
    const steps = events.map((e) => e.step);
    const perBatch = ['score', 'report'];
    expect(steps.filter((s) => !perBatch.includes(s))).toEqual(['freeze', 'peers', 'rank', 'write', 'ready']);
    // Every score batch before Rank, every report batch between Write and Ready.
    expect(steps.lastIndexOf('score')).toBeLessThan(steps.indexOf('rank'));
    expect(steps.indexOf('report')).toBeGreaterThan(steps.indexOf('write'));
    expect(steps.lastIndexOf('report')).toBeLessThan(steps.indexOf('ready'));
    for (const [step, sizes] of [
      ['score', [25, 25, 3]],
      ['report', [10, 10, 10, 10, 10, 3]],
    ] as const) {
      const batches = events.filter((e) => e.step === step);
      expect(
        batches.map((b) => b.units!.length).sort((a, b) => b - a),
        step,
      ).toEqual(sizes);
      expect(batches.flatMap((b) => b.units).sort(), step).toEqual(UNITS);
      for (const b of batches) expect(b.job).toEqual({ ...JOB, items: ITEMS });
    }
    // The Maps' job goes on unchanged (ResultPath null): Rank and Ready get the job with its pointer.
    expect(events.find((e) => e.step === 'rank')!.job).toEqual({ ...JOB, items: ITEMS });
    expect(events.find((e) => e.step === 'ready')!.job).toEqual({ ...JOB, items: ITEMS });

    // Each Map's result files under its own prefix of the run.
    const files = written();
    const base = 'tenants/230100/evaluations/cyabc/rnabc';
    expect(Object.keys(files).sort()).toEqual(
      ['map', 'reports-map'].flatMap((m) => [
        `${base}/${m}/rnabc-1/SUCCEEDED_0.json`,
        `${base}/${m}/rnabc-1/manifest.json`,
      ]),
    );
    for (const [m, n] of [
      ['map', 3],
      ['reports-map', 6],
    ] as const) {
      const prefix = `${base}/${m}/rnabc-1`;
      expect(files[`${prefix}/manifest.json`].ResultFiles.SUCCEEDED[0].Key).toBe(
        `${prefix}/SUCCEEDED_0.json`,
      );
      expect(files[`${prefix}/SUCCEEDED_0.json`], m).toHaveLength(n);
    }
  });

  it('retries a throttled task with the definition’s Retry, then goes on', async () => {
    storage();
    let throttled = 0;
    const { events, handler } = recorder((e) =>
      e.step === 'rank' && throttled++ < 2
        ? Object.assign(new Error('busy'), { name: 'Throttled' })
        : undefined,
    );
    expect(await run(handler)).toMatchObject({ status: 'SUCCEEDED' });
    expect(events.filter((e) => e.step === 'rank')).toHaveLength(3);
  });

  it('fails the Map on a failed batch (no failure tolerated) and records it through the Catch', async () => {
    const { written } = storage();
    const { events, handler } = recorder((e) =>
      e.step === 'score' && e.units![0] === 'U25'
        ? Object.assign(new Error('bad'), { name: 'RunIncomplete' })
        : undefined,
    );
    const outcome = await run(handler);
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    const fail = events.find((e) => e.step === 'fail')!;
    // The job's fields only (no `error` inside it), and the caught error beside it.
    expect(fail.job).toEqual(JOB);
    expect(fail.error).toMatchObject({ Error: 'States.ExceedToleratedFailureThreshold' });
    expect(events.map((e) => e.step)).not.toContain('rank');
    const failed = Object.entries(written()).find(([k]) => k.endsWith('FAILED_0.json'))![1];
    expect(failed).toEqual([
      expect.objectContaining({
        Status: 'FAILED',
        Error: 'RunIncomplete',
        Cause: JSON.stringify({ errorType: 'RunIncomplete', errorMessage: 'bad' }),
      }),
    ]);
  });

  it('reports a task error as Lambda does: its name, and {errorType, errorMessage} as the cause', async () => {
    storage();
    const { events, handler } = recorder((e) =>
      e.step === 'write' ? Object.assign(new Error('第一行\nline two'), { name: 'RunStale' }) : undefined,
    );
    const outcome = await run(handler);
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'RunStale' });
    expect(events.find((e) => e.step === 'fail')!.error).toEqual({
      Error: 'RunStale',
      Cause: JSON.stringify({ errorType: 'RunStale', errorMessage: '第一行\nline two' }),
    });
    // Not retried: only throttling is.
    expect(events.filter((e) => e.step === 'write')).toHaveLength(1);
  });

  it('fails the report Map on a failed batch and records it through the Catch: no Ready', async () => {
    storage();
    const { events, handler } = recorder((e) =>
      e.step === 'report' && e.units![0] === 'U20'
        ? Object.assign(new Error('bad'), { name: 'RunIncomplete' })
        : undefined,
    );
    const outcome = await run(handler);
    expect(outcome).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' });
    const steps = events.map((e) => e.step);
    expect(steps).toContain('write');
    expect(steps).not.toContain('ready');
    expect(steps.at(-1)).toBe('fail');
  });

  it('stops a killed execution where it is, without the Catch, and runs nothing after', async () => {
    storage();
    const { events, handler } = recorder();
    const outcome = await run(handler, {
      takeFault: (step, n) => (step === 'score' && n === 2 ? { step, kind: 'kill' } : undefined),
    });
    expect(outcome.status).toBe('KILLED');
    const steps = events.map((e) => e.step);
    expect(steps).not.toContain('fail');
    expect(steps).not.toContain('rank');
    expect(steps.filter((s) => s === 'score')).toHaveLength(1);
  });

  it('fails a task with an injected fault that no Retry matches, before or after its work', async () => {
    storage();
    for (const [kind, steps] of [
      ['throw-before', ['freeze', 'fail']],
      ['throw', ['freeze', 'peers', 'fail']],
    ] as const) {
      const { events, handler } = recorder();
      const outcome = await run(handler, {
        takeFault: (step) => (step === 'peers' ? { step, kind } : undefined),
      });
      expect(outcome, kind).toMatchObject({ status: 'FAILED', error: 'InjectedFault' });
      expect(events.map((e) => e.step)).toEqual(steps);
      expect(events.at(-1)!.error).toMatchObject({ Error: 'InjectedFault' });
    }
  });
});
