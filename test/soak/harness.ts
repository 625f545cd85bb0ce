/**
 * The soak harness (`npm run soak`, and its short run in the integration tier): the embedded stack
 * in this process on loopback, then for a fixed time a fixed number of workers sending mixed traffic
 * over real HTTP (reads, the console's pages, writes, evidence uploads, Excel and PDF exports) beside
 * a loop of trial evaluation runs through the local state machine; latencies per kind, every error,
 * and the process's memory sampled after a warm-up. Bounded: writes overwrite the same records, most
 * uploads are discarded again and confirmed ones are rate-limited, runs are one at a time.
 */
import { freemem, loadavg, totalmem } from 'node:os';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { type Stack, startStack } from '@jixiao/local';
import { tinyPdf } from '../../packages/local/src/demo-evidence';
import {
  HEAP_SLOPE_LIMIT_MB_PER_MIN,
  KINDS,
  type Kind,
  MB,
  type Percentiles,
  percentiles,
  round,
  type SoakError,
  type SoakOptions,
  type SoakReport,
  series,
} from './report';

export { formatReport, KINDS, type Kind, type SoakOptions, type SoakReport } from './report';

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

/** Refuses anything but this machine: the soak never sends traffic elsewhere. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host)) throw new Error(`soak: refusing non-loopback target ${url}`);
}

/** The embedded stack's table (packages/local/src/stack.ts). */
const TABLE = 'jixiao';
const TENANT = '230100';
const ADMIN = 'hrb-admin';
const UNIT_USER = 'hrb-fgw';
const UNIT = 'FGW';
const LEAF = 'D2-1';

/** Kinds the workers draw from, by weight (evaluation runs in its own loop). */
const MIX: [Exclude<Kind, 'evaluation'>, number][] = [
  ['read', 40],
  ['results', 15],
  ['console', 20],
  ['write', 10],
  ['upload', 8],
  ['export', 7],
];

class Failure extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${what}: ${status}`);
  }
}

interface Ctx {
  stack: Stack;
  url: string;
  admin: string;
  unitUser: string;
  cycle: string;
  /** The newest ready trial run of the cycle (results and its office report read it). */
  run: string;
  released: { cycle: string; unit: string } | undefined;
  /** Units the writes rename (one per worker; not the uploading unit). */
  units: string[];
  /** Units of the cycle's runs. */
  scored: string[];
  lastConfirm: number;
  confirmEveryMs: number;
}

/** One HTTP exchange with the stack; anything but the expected statuses is a failure. */
async function send(
  ctx: Ctx,
  what: string,
  method: string,
  path: string,
  o: { token?: string; cookie?: string; body?: unknown; expect?: number[] } = {},
): Promise<{ status: number; json: any; text: string }> {
  const url = path.startsWith('http') ? path : `${ctx.url}${path}`;
  assertLoopback(url);
  const headers: Record<string, string> = {};
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.cookie) headers.cookie = o.cookie;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method,
    headers,
    redirect: 'manual',
    ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
  });
  const text = await res.text();
  const ok = o.expect ? o.expect.includes(res.status) : res.status < 300;
  if (!ok) throw new Failure(what, res.status, text.slice(0, 300));
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text };
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** The traffic of each kind: one or a few requests that belong together (timed as one). */
const TRAFFIC: Record<Exclude<Kind, 'evaluation'>, (ctx: Ctx, worker: number) => Promise<void>> = {
  async read(ctx) {
    const c = ctx.cycle;
    const [what, path, token] = pick([
      ['GET /v1/units', '/v1/units', ctx.admin],
      ['GET /v1/users', '/v1/users', ctx.admin],
      ['GET /v1/cycles', '/v1/cycles', ctx.admin],
      ['GET /v1/cycles/{c}', `/v1/cycles/${c}`, ctx.admin],
      ['GET /v1/cycles/{c}/values', `/v1/cycles/${c}/values`, ctx.admin],
      ['GET /v1/cycles/{c}/evidence', `/v1/cycles/${c}/evidence`, ctx.admin],
      ['GET /v1/cycles/{c}/evaluation', `/v1/cycles/${c}/evaluation`, ctx.admin],
      ['GET /v1/audit', '/v1/audit?limit=50', ctx.admin],
      ['GET /v1/cycles/{c}/self-assessments/FGW', `/v1/cycles/${c}/self-assessments/${UNIT}`, ctx.unitUser],
    ] as const);
    await send(ctx, what, 'GET', path, { token });
  },
  async results(ctx) {
    const r = `/v1/cycles/${ctx.cycle}/evaluation/runs/${ctx.run}`;
    const roll = Math.random();
    if (roll < 0.5) await send(ctx, 'GET run results', 'GET', `${r}/results`, { token: ctx.admin });
    else if (ctx.released && roll < 0.75)
      await send(
        ctx,
        'GET released unit result',
        'GET',
        `/v1/cycles/${ctx.released.cycle}/results/units/${ctx.released.unit}`,
        {
          token: ctx.admin,
        },
      );
    else await send(ctx, 'GET run unit', 'GET', `${r}/units/${pick(ctx.scored)}`, { token: ctx.admin });
  },
  async console(ctx) {
    const c = ctx.cycle;
    const [what, path] = pick([
      ['console home', '/console'],
      ['console units', '/console/units'],
      ['console unit', `/console/units/${UNIT}`],
      ['console cycles', '/console/cycles'],
      ['console cycle', `/console/cycles/${c}`],
    ] as const);
    await send(ctx, what, 'GET', path, { cookie: `jx_token=${ctx.admin}` });
  },
  async write(ctx, worker) {
    // Each worker renames its own unit back and forth: a real write every time, to one record.
    const code = ctx.units[worker % ctx.units.length]!;
    const unit = (await send(ctx, 'GET /v1/units/{code}', 'GET', `/v1/units/${code}`, { token: ctx.admin }))
      .json;
    const mark = '（压测）';
    const name = unit.name.endsWith(mark) ? unit.name.slice(0, -mark.length) : `${unit.name}${mark}`;
    await send(ctx, 'PATCH /v1/units/{code}', 'PATCH', `/v1/units/${code}`, {
      token: ctx.admin,
      body: { version: unit.version, name },
    });
  },
  async upload(ctx) {
    // The real flow: a ticket, the bytes POSTed to the (embedded) S3 form, then confirm or discard.
    const base = `/v1/cycles/${ctx.cycle}/evidence/units/${UNIT}`;
    const bytes = tinyPdf(`soak ${Date.now()}`);
    const t = (
      await send(ctx, 'POST evidence upload ticket', 'POST', `${base}/uploads`, {
        token: ctx.unitUser,
        body: { leaf: LEAF, fileName: 'soak.pdf', size: bytes.length },
        expect: [201],
      })
    ).json;
    assertLoopback(t.url);
    const form = new FormData();
    for (const [k, v] of Object.entries(t.fields as Record<string, string>)) form.append(k, v);
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: t.contentType }));
    const put = await fetch(t.url, { method: 'POST', body: form });
    await put.arrayBuffer();
    if (put.status >= 300) throw new Failure('POST evidence bytes to S3', put.status, '');
    const keep = Date.now() - ctx.lastConfirm >= ctx.confirmEveryMs;
    if (keep) {
      ctx.lastConfirm = Date.now();
      await send(ctx, 'POST evidence confirm', 'POST', `${base}/uploads/${t.upload}/confirm`, {
        token: ctx.unitUser,
      });
    } else
      await send(ctx, 'DELETE evidence upload', 'DELETE', `${base}/uploads/${t.upload}`, {
        token: ctx.unitUser,
        expect: [200, 204],
      });
  },
  async export(ctx) {
    if (Math.random() < 0.5) {
      await send(ctx, 'GET overview.xlsx', 'GET', `/v1/cycles/${ctx.cycle}/exports/overview.xlsx`, {
        token: ctx.admin,
      });
      return;
    }
    const file = (
      await send(
        ctx,
        'GET office report pdf',
        'GET',
        `/v1/cycles/${ctx.cycle}/reports/office/pdf?run=${ctx.run}`,
        {
          token: ctx.admin,
        },
      )
    ).json;
    const pdf = await send(ctx, 'GET report pdf (presigned)', 'GET', file.url);
    if (!pdf.text.startsWith('%PDF')) throw new Failure('report pdf', 200, 'not a PDF');
  },
};

/** Items in the table and the bytes of their JSON (a full scan: before and after the traffic only). */
async function tableSize(stack: Stack): Promise<{ items: number; bytes: number }> {
  let items = 0;
  let bytes = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await stack.clients.dynamo.send(
      new ScanCommand({ TableName: TABLE, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    for (const item of page.Items ?? []) {
      items++;
      bytes += JSON.stringify(item).length;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return { items, bytes };
}

/** Starts a trial run and waits (polling the API) until it is no longer running. */
async function evaluate(ctx: Ctx, n: number): Promise<string> {
  const e = `/v1/cycles/${ctx.cycle}/evaluation`;
  const run = (
    await send(ctx, 'POST evaluation run', 'POST', `${e}/runs`, {
      token: ctx.admin,
      body: { reason: `压测试算 ${n}` },
      expect: [202],
    })
  ).json;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const now = (await send(ctx, 'GET evaluation run', 'GET', `${e}/runs/${run.id}`, { token: ctx.admin }))
      .json;
    if (now.status === 'running') continue;
    if (now.status !== 'ready')
      throw new Failure('evaluation run', 200, `${now.status}: ${JSON.stringify(now.failures)}`);
    return run.id;
  }
}

export async function runSoak(opts: SoakOptions): Promise<SoakReport> {
  const concurrency = opts.concurrency ?? 8;
  const warmupMs = (opts.warmupSeconds ?? Math.min(60, opts.seconds / 5)) * 1000;
  const sampleEveryMs = opts.sampleEveryMs ?? 5000;
  const runEveryMs = (opts.runEverySeconds ?? Math.max(10, opts.seconds / 5)) * 1000;
  const say = opts.progress ?? (() => {});
  const loadavgAtStart = loadavg();

  let appErrorLogs = 0;
  say('starting the embedded stack (demo year and results) on 127.0.0.1 …');
  const stack = await startStack({
    host: '127.0.0.1',
    demoYear: true,
    demoResults: true,
    log: (e) => {
      if (e.level === 'error') appErrorLogs++;
    },
  });
  try {
    assertLoopback(stack.url);
    const admin = await stack.issuer.signFor(TENANT, ADMIN);
    const unitUser = await stack.issuer.signFor(TENANT, UNIT_USER);
    const ctx: Ctx = {
      stack,
      url: stack.url,
      admin,
      unitUser,
      cycle: '',
      run: '',
      released: undefined,
      units: [],
      scored: [],
      lastConfirm: 0,
      confirmEveryMs: (opts.confirmEverySeconds ?? 30) * 1000,
    };
    const cycles = (await send(ctx, 'GET /v1/cycles', 'GET', '/v1/cycles', { token: admin })).json.items as {
      id: string;
      year: number;
    }[];
    ctx.cycle = cycles.find((c) => c.year === 2025)!.id;
    ctx.units = (
      (await send(ctx, 'GET /v1/units', 'GET', '/v1/units?limit=200', { token: admin })).json.items as {
        code: string;
      }[]
    )
      .map((u) => u.code)
      .filter((c) => c !== UNIT);
    for (const c of cycles) {
      const pub = (
        await send(ctx, 'GET publication', 'GET', `/v1/cycles/${c.id}/publication`, { token: admin })
      ).json;
      if (!pub?.released) continue;
      const results = (
        await send(
          ctx,
          'GET released run results',
          'GET',
          `/v1/cycles/${c.id}/evaluation/runs/${pub.released.run}/results`,
          {
            token: admin,
          },
        )
      ).json;
      const unit = results.rows?.[0]?.unit;
      if (unit) ctx.released = { cycle: c.id, unit };
      break;
    }
    say('first trial run (the results and report traffic read it) …');
    let runsStarted = 1;
    ctx.run = await evaluate(ctx, runsStarted);
    let runsReady = 1;
    ctx.scored = (
      await send(
        ctx,
        'GET run results',
        'GET',
        `/v1/cycles/${ctx.cycle}/evaluation/runs/${ctx.run}/results`,
        {
          token: admin,
        },
      )
    ).json.rows.map((r: { unit: string }) => r.unit);

    const latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
    const errors: SoakError[] = [];
    let errorCount = 0;
    const record = async (kind: Kind, work: () => Promise<unknown>) => {
      const t0 = performance.now();
      try {
        await work();
        latencies.get(kind)!.push(performance.now() - t0);
      } catch (e) {
        errorCount++;
        latencies.get(kind)!.push(performance.now() - t0);
        if (errors.length < 20)
          errors.push(
            e instanceof Failure
              ? { kind, what: e.what, status: e.status, detail: e.detail }
              : {
                  kind,
                  what: 'exception',
                  status: 0,
                  detail: e instanceof Error ? (e.stack ?? e.message) : String(e),
                },
          );
      }
    };

    const tableBefore = await tableSize(stack);
    const started = Date.now();
    const deadline = started + opts.seconds * 1000;
    const mix = MIX.filter(([k]) => !opts.kinds || opts.kinds.includes(k));
    const total = mix.reduce((a, [, w]) => a + w, 0);
    const draw = () => {
      let r = Math.random() * total;
      for (const [k, w] of mix) {
        r -= w;
        if (r < 0) return k;
      }
      return mix[0]![0];
    };

    const worker = async (w: number) => {
      while (Date.now() < deadline) {
        const kind = draw();
        await record(kind, () => TRAFFIC[kind](ctx, w));
      }
    };
    const evaluations = async () => {
      while (Date.now() < deadline) {
        const next = Date.now() + runEveryMs;
        await record('evaluation', async () => {
          runsStarted++;
          ctx.run = await evaluate(ctx, runsStarted);
          runsReady++;
        });
        while (Date.now() < Math.min(next, deadline)) await new Promise((r) => setTimeout(r, 250));
      }
    };

    const gc = (globalThis as { gc?: () => void }).gc;
    const samples: SoakReport['memory']['samples'] = [];
    let lastReport = started;
    const sampler = setInterval(() => {
      const t = Date.now() - started;
      if (Date.now() - lastReport >= 60_000) {
        lastReport = Date.now();
        const done = [...latencies.values()].reduce((a, l) => a + l.length, 0);
        say(
          `${Math.round(t / 1000)} s: ${done} requests, ${errorCount} errors, heap ${round(MB(process.memoryUsage().heapUsed))} MB`,
        );
      }
      if (t < warmupMs) return;
      gc?.();
      const m = process.memoryUsage();
      samples.push({ t, rssMB: round(MB(m.rss)), heapUsedMB: round(MB(m.heapUsed)) });
    }, sampleEveryMs);
    say(`traffic for ${opts.seconds} s, ${concurrency} workers + the evaluation loop …`);
    try {
      await Promise.all([
        ...(mix.length ? Array.from({ length: concurrency }, (_, w) => worker(w)) : []),
        ...(!opts.kinds || opts.kinds.includes('evaluation') ? [evaluations()] : []),
      ]);
    } finally {
      clearInterval(sampler);
    }
    await stack.evaluation.idle();
    const tableAfter = await tableSize(stack);

    const byKind = Object.fromEntries(KINDS.map((k) => [k, percentiles(latencies.get(k)!)])) as Record<
      Kind,
      Percentiles
    >;
    const all = [...latencies.values()].flat();
    const heapUsed = series(samples.map((s) => ({ t: s.t, v: s.heapUsedMB })));
    const memoryFlat = samples.length >= 3 && heapUsed.slopeMBPerMin <= HEAP_SLOPE_LIMIT_MB_PER_MIN;
    return {
      startedAt: new Date(started).toISOString(),
      seconds: opts.seconds,
      concurrency,
      machine: {
        cpus: (await import('node:os')).cpus().length,
        loadavgAtStart,
        loadavgAtEnd: loadavg(),
        freeMemMB: Math.round(MB(freemem())),
        totalMemMB: Math.round(MB(totalmem())),
      },
      requests: all.length,
      errors: errorCount,
      firstErrors: errors,
      appErrorLogs,
      byKind,
      overall: percentiles(all),
      runs: { started: runsStarted, ready: runsReady },
      table: {
        itemsBefore: tableBefore.items,
        itemsAfter: tableAfter.items,
        kibBefore: Math.round(tableBefore.bytes / 1024),
        kibAfter: Math.round(tableAfter.bytes / 1024),
      },
      memory: {
        gcBeforeSample: Boolean(gc),
        samples,
        rss: series(samples.map((s) => ({ t: s.t, v: s.rssMB }))),
        heapUsed,
      },
      verdict: {
        noErrors: errorCount === 0,
        memoryFlat,
        heapSlopeLimitMBPerMin: HEAP_SLOPE_LIMIT_MB_PER_MIN,
        pass: errorCount === 0 && memoryFlat,
      },
    };
  } finally {
    await stack.stop();
  }
}
