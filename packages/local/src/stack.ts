import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import {
  type App,
  type AppDeps,
  createTokenVerifier,
  jsonLogger,
  type Logger,
  loadConfig,
} from '@jixiao/api';
import { createStepHandler } from '@jixiao/api/evaluation-batch';
import {
  createClients,
  createDataLayer,
  type DataLayer,
  type IdentityDirectory,
  keys,
  tableBackedDirectory,
} from '@jixiao/data';
import { createProduct } from '@jixiao/web/product';
import { Hono } from 'hono';
import { seedDemoCycle } from './demo-cycle';
import { seedDemoData } from './demo-data';
import { provinceDemoParts } from './demo-province';
import { seedDemoPublication } from './demo-publication';
import { seedDemoResults } from './demo-results';
import { seedDemoReview } from './demo-review';
import { createDevIssuer, type DevIssuer } from './dev-issuer';
import { ensureTableAndBucket, PortInUseError, startEmbeddedServices } from './embedded-services';
import { type LocalEvaluation, localLauncher } from './evaluation';

/**
 * The whole product in one process: dynalite, s3rver, the token issuer and the Hono app with the
 * console. `npm start` runs it with a data folder; tests run it in memory on random ports.
 */
export interface StackOptions {
  port?: number;
  host?: string;
  dynamoPort?: number;
  s3Port?: number;
  /** Persist under this folder (`npm start`: `.data`); undefined = throwaway, for tests. */
  dataDir?: string;
  seed?: boolean;
  /**
   * Also replay the demo year (the 2025 cycle, through the API; about ten seconds), when the demo data
   * is seeded. `npm start` does; test stacks only when they need it.
   */
  demoYear?: boolean;
  /**
   * With the demo year, also replay its year-end evaluation (#10: the 2024 special evaluation and
   * the 2025 trial run). Default true; tests of the evaluation itself start from a year without runs.
   */
  demoResults?: boolean;
  /**
   * Also seed 黑龙江省's cross-region comparison (#12): fourteen tenants with released 2024 and 2025
   * cycles replayed through the API, shared with the province, its library, peer groups and guidance.
   * Needs the demo data (`seed`), not the demo year (with it, 哈尔滨市 shares its 2024 special
   * evaluation too). Default false; `npm start` passes true.
   */
  demoProvince?: boolean;
  log?: Logger;
  now?: () => Date;
  /** Where user accounts are mirrored; the dev issuer reads the table, so by default nowhere. */
  directory?: IdentityDirectory;
  /** Largest accepted JSON body (tests lower it). */
  maxBodyBytes?: number;
  /** Retry waits of the year-end state machine in ms instead of its backoff (tests). */
  evaluationRetryDelayMs?: number;
}

export interface Stack {
  url: string;
  issuer: DevIssuer;
  data: DataLayer;
  deps: AppDeps;
  /** The product app (without the dev issuer), e.g. to enumerate its routes. */
  app: App;
  /** The year-end state machine, run in-process (`deps.evaluation`); `idle()` awaits its executions. */
  evaluation: LocalEvaluation;
  /** The SDK clients of the embedded services (e.g. to count requests with a middleware). */
  clients: ReturnType<typeof createClients>;
  seeded: boolean;
  /** Handles a request in-process, as the server would. */
  fetch(req: Request): Promise<Response>;
  stop(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((res, rej) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      rej(e.code === 'EADDRINUSE' ? new PortInUseError('app', port) : e),
    );
    server.listen(port, host, () => res((server.address() as AddressInfo).port));
  });
}

export async function startStack(opts: StackOptions = {}): Promise<Stack> {
  const realNow = opts.now ?? (() => new Date());
  // The demo year is replayed through the API with the clock set to each step's day.
  let demoDay: Date | undefined;
  const now = () => demoDay ?? realNow();
  const host = opts.host ?? '127.0.0.1';
  const tmp = opts.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'jixiao-'));
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : undefined;
  const services = await startEmbeddedServices({
    dynamoPort: opts.dynamoPort ?? 0,
    s3Port: opts.s3Port ?? 0,
    dataDir,
    s3Dir: join(dataDir ?? tmp!, 's3'),
  });

  // The HTTP server is bound first so the issuer URL (which must match the token `iss`) is known.
  let handler: (req: Request) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  const server = createAdaptorServer({ fetch: (req: Request) => handler(req) }) as Server;
  let port: number;
  try {
    port = await listen(server, opts.port ?? 0, host);
  } catch (e) {
    await services.close();
    throw e;
  }
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

  const cfg = loadConfig({
    AWS_REGION: 'cn-north-1',
    TABLE_NAME: 'jixiao',
    BUCKET_NAME: 'jixiao-local',
    DYNAMODB_ENDPOINT: services.dynamoEndpoint,
    S3_ENDPOINT: services.s3Endpoint,
    TOKEN_ISSUER: url,
    TOKEN_AUDIENCE: 'jixiao-local',
    CURSOR_SECRET: 'local-embedded-stack-cursor-secret',
    AUTH_BASE_URL: url,
    MAX_BODY_BYTES: opts.maxBodyBytes ? String(opts.maxBodyBytes) : undefined,
  });
  const dataCfg = {
    region: cfg.AWS_REGION,
    tableName: cfg.TABLE_NAME,
    bucketName: cfg.BUCKET_NAME,
    dynamoEndpoint: cfg.DYNAMODB_ENDPOINT,
    s3Endpoint: cfg.S3_ENDPOINT,
    cursorSecret: cfg.CURSOR_SECRET!,
    localCredentials: true,
  };
  const clients = createClients(dataCfg);
  await ensureTableAndBucket(clients, cfg.TABLE_NAME, cfg.BUCKET_NAME);
  const data = createDataLayer(dataCfg, now, clients);
  const seeded = opts.seed === false ? false : await seedDemoData(data, now);
  const issuer = await createDevIssuer({
    issuer: url,
    data,
    ...(dataDir ? { keyFile: join(dataDir, 'issuer-key.json') } : {}),
  });
  const log = opts.log ?? jsonLogger;
  // The state machine the CDK app defines, each Task bound to the batch function's real handler.
  const evaluation = localLauncher({
    handler: createStepHandler({ data, now, log }),
    s3: clients.s3,
    bucket: cfg.BUCKET_NAME,
    log,
    ...(opts.evaluationRetryDelayMs === undefined ? {} : { retryDelayMs: opts.evaluationRetryDelayMs }),
  });
  const deps: AppDeps = {
    data,
    directory: opts.directory ?? tableBackedDirectory,
    verifyToken: createTokenVerifier({ jwks: issuer.jwks, issuer: url, audience: issuer.audience }),
    now,
    log,
    oidc: cfg.oidc,
    maxBodyBytes: cfg.MAX_BODY_BYTES,
    version: 'local',
    evaluation,
  };
  const app = createProduct(deps);
  const root = new Hono();
  root.route('/', issuer.routes);
  // Everything the issuer does not serve goes to the product app, 404s and all.
  root.all('*', (c) => app.fetch(c.req.raw));
  handler = (req) => root.fetch(req);
  // The demo's story is replayed through the API in parts, each with its own marker written once it
  // is complete (a replay cut short is retried): the 2025 year up to verification; its evidence,
  // expert review, survey and the meeting's preparation (#9); the year-end evaluation (#10: a finished
  // 2024 special evaluation and a trial run of 2025); the 2024 results published (#11); 黑龙江省's
  // cross-region comparison (#12, with `demoProvince`).
  const driver = {
    fetch: async (req: Request) => root.fetch(req),
    token: (user: string) => issuer.signFor('230100', user),
    tokenFor: (tenant: string, user: string) => issuer.signFor(tenant, user),
    at: (day: string) => {
      demoDay = new Date(`${day}T12:00:00+08:00`);
    },
  };
  const parts: [string, (d: typeof driver) => Promise<void>][] = [
    ['demo-year-2025', seedDemoCycle],
    ['demo-review-2025', seedDemoReview],
    ['demo-results-2025', seedDemoResults],
    ['demo-publication-2024', seedDemoPublication],
  ];
  const withResults = new Set(['demo-results-2025', 'demo-publication-2024']);
  const replayed = [
    ...(opts.demoYear !== false
      ? parts.filter(([name]) => !withResults.has(name) || opts.demoResults !== false)
      : []),
    ...(opts.demoProvince ? provinceDemoParts(data) : []),
  ];
  for (const [name, seed] of opts.seed !== false ? replayed : []) {
    const marker = keys.seedMarker(name);
    if (await data.store.get(marker)) continue;
    try {
      const began = performance.now();
      await seed(driver);
      log({ level: 'info', msg: 'demo: part seeded', part: name, ms: Math.round(performance.now() - began) });
      await data.store.doc.put({
        TableName: data.store.tableName,
        Item: { ...marker, seededAt: realNow().toISOString() },
      });
    } finally {
      demoDay = undefined;
    }
  }

  return {
    url,
    issuer,
    data,
    deps,
    app,
    evaluation,
    clients,
    seeded,
    fetch: async (req) => root.fetch(req),
    async stop() {
      // A run under way stops as if the process ended (it can be resumed on the next start).
      await evaluation.shutdown();
      await new Promise((r) => server.close(r));
      await services.close();
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    },
  };
}
