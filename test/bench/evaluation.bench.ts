import { FINANCE_CALCULATORS, type Snapshot, scoreUnits } from '@jixiao/core';
import { type Stack, startStack } from '@jixiao/local';
import { BATCH_FUNCTION } from '../../infra/evaluation/batch';
import { type InputMode, seedYear } from './evaluation-data';
import { measure } from './harness';

/**
 * The year-end batch end to end on the embedded stack: the synthesized state machine (local
 * runner, Distributed Map stand-ins) with the real batch function, over a city year (80 units × 150
 * leaves with value records, determinations, 18,000 expert scores and 20,000 survey answers) and a
 * province-sized one (2,000 units, every input in one determination per unit). Printed: wall time
 * to the results (Write done) against the engine alone over the same snapshot in memory (the
 * baseline of the same run), then the report step (every unit's PDF, XLSX and HTML, the office's
 * and the People's Congress report) to ready, and DynamoDB and S3 requests and bytes per unit, each
 * against the minimum the data needs:
 * - DynamoDB: every input item read once in full 1 MiB pages (⌈distinct bytes read ÷ 1 MiB⌉), the
 *   result rows written 25 to a request (⌈units ÷ 25⌉) and one run-record write per step (7);
 * - S3: every object the run leaves written once, and every object it reads read once (requests:
 *   distinct objects; bytes: their sizes).
 * And what a tenant-year would bill in the cloud (state transitions, Lambda GB-s, request units).
 */

interface Counters {
  dynamo: Record<string, number>;
  s3: Record<string, number>;
  /** pk|sk → size of each distinct item read, and bytes read in all. */
  itemsRead: Map<string, number>;
  readBytes: number;
  /** Write request units (1 KiB each, rounded up per item). */
  wru: number;
  /** Read request units (4 KiB each per request, strongly consistent). */
  rru: number;
  s3Out: number;
  s3In: number;
  objectsWritten: Map<string, number>;
  objectsRead: Map<string, number>;
}

const fresh = (): Counters => ({
  dynamo: {},
  s3: {},
  itemsRead: new Map(),
  readBytes: 0,
  wru: 0,
  rru: 0,
  s3Out: 0,
  s3In: 0,
  objectsWritten: new Map(),
  objectsRead: new Map(),
});

type Middleware = {
  middlewareStack: {
    add(
      mw: (
        next: (a: { input: any }) => Promise<{ output: any }>,
        ctx: { commandName?: string },
      ) => (a: { input: any }) => Promise<{ output: any }>,
      o: { step: 'initialize'; name: string },
    ): void;
  };
};

const sizeOf = (x: unknown) => Buffer.byteLength(JSON.stringify(x ?? null));
const keyOf = (item: Record<string, any>) => `${JSON.stringify(item.pk)}|${JSON.stringify(item.sk)}`;

/** Counts every command the stack's SDK clients send (the data layer's and the local runner's). */
function count(stack: Stack): { counters: () => Counters; reset: () => void } {
  let c = fresh();
  (stack.clients.dynamo as unknown as Middleware).middlewareStack.add(
    (next, ctx) => async (args) => {
      const result = await next(args);
      const name = (ctx.commandName ?? 'Command').replace(/Command$/, '');
      c.dynamo[name] = (c.dynamo[name] ?? 0) + 1;
      const out = result.output ?? {};
      const read: Record<string, any>[] = [
        ...(out.Items ?? []),
        ...(out.Item ? [out.Item] : []),
        ...Object.values((out.Responses ?? {}) as Record<string, any[]>).flat(),
      ];
      let bytes = 0;
      for (const item of read) {
        const size = sizeOf(item);
        bytes += size;
        c.itemsRead.set(keyOf(item), size);
      }
      c.readBytes += bytes;
      if (read.length || /Get|Query|Scan/.test(name)) c.rru += Math.max(1, Math.ceil(bytes / 4096));
      const written: unknown[] = [
        ...(args.input.Item ? [args.input.Item] : []),
        ...Object.values((args.input.RequestItems ?? {}) as Record<string, any[]>)
          .flat()
          .map((r) => r.PutRequest?.Item ?? r.DeleteRequest?.Key),
      ];
      for (const item of written) c.wru += Math.ceil(sizeOf(item) / 1024);
      if (/Update|Delete/.test(name) && !args.input.RequestItems) c.wru += 2; // a run record or a lock
      return result;
    },
    { step: 'initialize', name: 'benchDynamoCounter' },
  );
  (stack.clients.s3 as unknown as Middleware).middlewareStack.add(
    (next, ctx) => async (args) => {
      const result = await next(args);
      const name = (ctx.commandName ?? 'Command').replace(/Command$/, '');
      c.s3[name] = (c.s3[name] ?? 0) + 1;
      const key = `${args.input.Bucket}/${args.input.Key}`;
      if (name === 'PutObject') {
        const size = Buffer.byteLength(args.input.Body ?? '');
        c.s3Out += size;
        c.objectsWritten.set(key, size);
      }
      if (name === 'GetObject') {
        const size = Number(result.output?.ContentLength ?? 0);
        c.s3In += size;
        c.objectsRead.set(key, size);
      }
      return result;
    },
    { step: 'initialize', name: 'benchS3Counter' },
  );
  return {
    counters: () => c,
    reset: () => {
      c = fresh();
    },
  };
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
const ratio = (a: number, b: number) => `×${(a / Math.max(1, b)).toFixed(2)} the minimum`;

async function run(
  title: string,
  o: { tenant: string; units: number; mode: InputMode; untilResults?: boolean },
): Promise<number> {
  const logs: Record<string, unknown>[] = [];
  // Each entry with when it was logged, so the time to the results (Write done) is known.
  const s = await startStack({ seed: false, log: (e) => logs.push({ ...e, at: performance.now() }) });
  try {
    const seeded = await seedYear(s.data, { ...o, seed: o.units });
    const synth = await s.evaluation.definition();
    const meter = count(s);
    const token = await s.issuer.signFor(o.tenant, seeded.admin);
    meter.reset();
    logs.length = 0;

    // Stopped as a process kill would at the first report batch: the report step is left out.
    if (o.untilResults) s.evaluation.inject({ step: 'report', kind: 'kill' });
    const t0 = performance.now();
    const started = await s.fetch(
      new Request(`${s.url}/v1/cycles/${seeded.cycle}/evaluation/runs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'bench' }),
      }),
    );
    const view = (await started.json()) as { id: string; message?: unknown };
    if (started.status !== 202) throw new Error(`start: ${started.status} ${JSON.stringify(view)}`);
    await s.evaluation.idle();
    const wall = performance.now() - t0;
    const c = meter.counters();
    const runRecord = await s.data.evaluation.runs.get(o.tenant, seeded.cycle, view.id);
    const outcome = s.evaluation.outcomes.at(-1)!;
    const finished = o.untilResults
      ? runRecord?.done.includes('write') && outcome.status === 'KILLED'
      : runRecord?.status === 'ready' && outcome.status === 'SUCCEEDED';
    if (!runRecord || !finished)
      throw new Error(
        `the run did not finish: ${runRecord?.status} ${outcome.status} ${outcome.error ?? ''}`,
      );
    const units = runRecord.total;

    // The baseline: the engine alone over the same frozen inputs, in memory.
    const snapshot = JSON.parse(
      Buffer.from(
        (await s.data.blobs.get(o.tenant, ['evaluations', seeded.cycle, view.id, 'snapshot.json']))!,
      ).toString(),
    ) as Snapshot;
    const content = snapshot.bindings[0]!.content;
    const engine = await measure(
      {
        name: 'engine',
        run: () => scoreUnits(content, snapshot.inputs, { calculators: FINANCE_CALCULATORS }),
      },
      // The province's engine run takes seconds: once, after the city's has warmed the JIT.
      units > 500 ? { warmup: 0, iterations: 1 } : { warmup: 1, iterations: 3 },
    );

    const steps: Record<string, { n: number; ms: number }> = {};
    for (const l of logs.filter((x) => x.msg === 'evaluation step')) {
      const st = steps[String(l.step)] ?? { n: 0, ms: 0 };
      st.n++;
      st.ms += Number(l.ms);
      steps[String(l.step)] = st;
    }
    const lambdaMs = Object.values(steps).reduce((a, b) => a + b.ms, 0);
    const dynamo = sum(c.dynamo);
    const distinctRead = [...c.itemsRead.values()].reduce((a, b) => a + b, 0);
    const minDynamo = Math.ceil(distinctRead / 1024 ** 2) + Math.ceil(units / 25) + 7;
    const s3 = sum(c.s3);
    const objects = new Map([...c.objectsWritten, ...c.objectsRead]);
    const minS3 = c.objectsWritten.size + c.objectsRead.size;
    const minS3Bytes = [...c.objectsWritten.values(), ...c.objectsRead.values()].reduce((a, b) => a + b, 0);
    // Billed transitions: every state entered (the two Maps and Done included), and each child's task.
    const transitions = sum(outcome.invocations) + 3;
    // When the results were complete: the Write step's log line.
    const written = logs.find((x) => x.msg === 'evaluation step' && x.step === 'write');
    const toResults = Number(written?.at ?? Number.NaN) - t0;
    const gbs = (lambdaMs / 1000) * (BATCH_FUNCTION.memorySize / 1024);

    const line = (label: string, value: string) => console.log(`  ${label.padEnd(34)} ${value}`);
    console.log(`\n${title}`);
    line(
      'data',
      `${units} units, ${Object.entries(seeded.records)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')} (seeded in ${(seeded.ms / 1000).toFixed(1)} s)`,
    );
    line('state machine synthesis (once)', `${synth.ms} ms`);
    line('engine alone, same inputs [baseline]', `${engine.msPerOp.toFixed(0)} ms`);
    line(
      'run, start to results written (wall)',
      `${(toResults / 1000).toFixed(2)} s  (${(toResults / units).toFixed(1)} ms per unit, ×${(toResults / engine.msPerOp).toFixed(1)} baseline)`,
    );
    if (!o.untilResults) {
      const reporting = wall - toResults;
      line(
        'then reports, to ready (wall)',
        `${(reporting / 1000).toFixed(2)} s  (${(reporting / units).toFixed(1)} ms per unit: PDF, XLSX and HTML; one process)`,
      );
      line('run, start to ready (wall)', `${(wall / 1000).toFixed(2)} s`);
    } else line('report step', 'left out (stopped once the results were written)');
    line(
      'steps (handler time; batches overlap)',
      Object.entries(steps)
        .map(([k, v]) => `${k} ${v.ms} ms${v.n > 1 ? ` (${v.n} batches)` : ''}`)
        .join(', '),
    );
    line(
      'DynamoDB requests',
      `${dynamo} (${(dynamo / units).toFixed(2)} per unit; ${ratio(dynamo, minDynamo)} of ${minDynamo}): ${Object.entries(
        c.dynamo,
      )
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    line(
      'DynamoDB items read',
      `${c.itemsRead.size} distinct, ${kib(distinctRead)} (${kib(distinctRead / units)} per unit); read in all ${kib(c.readBytes)} (×${(c.readBytes / Math.max(1, distinctRead)).toFixed(2)} the distinct)`,
    );
    line(
      'S3 requests',
      `${s3} (${(s3 / units).toFixed(2)} per unit; ${ratio(s3, minS3)} of ${minS3}): ${Object.entries(c.s3)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    line(
      'S3 bytes',
      `out ${kib(c.s3Out)}, in ${kib(c.s3In)} (${kib((c.s3Out + c.s3In) / units)} per unit; ${ratio(c.s3Out + c.s3In, minS3Bytes)} of ${kib(minS3Bytes)}; ${objects.size} objects)`,
    );
    line(
      'cloud bill drivers',
      `${transitions} state transitions, ${gbs.toFixed(1)} Lambda GB-s at ${BATCH_FUNCTION.memorySize} MB (local time), ${c.rru} RRU, ${c.wru} WRU, ${c.s3.PutObject ?? 0} PUT + ${(c.s3.GetObject ?? 0) + (c.s3.ListObjectsV2 ?? 0) + (c.s3.HeadObject ?? 0)} GET/LIST/HEAD`,
    );
    // List prices (us-east-1, on demand; the China regions bill in CNY at other rates): Standard
    // transitions $0.025/1k, Lambda ARM $0.0000133334/GB-s + $0.20/M requests, DynamoDB $0.125/M RRU and
    // $0.625/M WRU, S3 $0.005/1k PUT/LIST and $0.0004/1k GET.
    const usd =
      (transitions / 1000) * 0.025 +
      gbs * 0.0000133334 +
      (sum(outcome.invocations) / 1e6) * 0.2 +
      (c.rru / 1e6) * 0.125 +
      (c.wru / 1e6) * 0.625 +
      (((c.s3.PutObject ?? 0) + (c.s3.ListObjectsV2 ?? 0)) / 1000) * 0.005 +
      (((c.s3.GetObject ?? 0) + (c.s3.HeadObject ?? 0)) / 1000) * 0.0004;
    line('≈ one run at list prices', `US$ ${usd.toFixed(4)}`);
    return toResults;
  } finally {
    await s.stop();
  }
}

export async function evaluationBench(): Promise<void> {
  const city = await run(
    'Year-end batch: a city year on the embedded stack (80 units × 150 leaves, every source)',
    {
      tenant: '230200',
      units: 80,
      mode: 'sources',
    },
  );
  console.log(
    `  city run to results: ${(city / 1000).toFixed(2)} s — ${city < 10_000 ? 'under' : 'NOT under'} the 10 s goal`,
  );
  // The province's reports would take one process many minutes (the cloud renders them ten
  // batches at a time); its scoring is what is measured here, the city's run includes them.
  await run('Year-end batch: a province-sized run (2,000 units × 150 leaves, inputs as determinations)', {
    tenant: '230300',
    units: 2000,
    mode: 'determinations',
    untilResults: true,
  });
}
