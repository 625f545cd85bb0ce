import { createDataLayer } from '@jixiao/data';
import type { Context } from 'aws-lambda';
import { handle } from 'hono/aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import type { AppDeps, Logger } from '../deps';
import { resourceApp } from '../http/route';
import { createObservability, METRICS, type Observability, observeHttp, observeSteps } from './index';
import { loadTracer } from './tracing';

/**
 * The cloud functions' observability, as CloudWatch would read it: the lines Powertools writes to
 * stdout (JSON logs and EMF metrics), captured here.
 */
let out: string[] = [];
beforeEach(() => {
  vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'jixiao');
  vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'Jixiao');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
  vi.stubEnv('POWERTOOLS_DEV', '');
  // As Lambda sets it for an on-demand execution environment (Powertools reads cold starts from it).
  vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
  out = [];
  // Powertools writes INFO and metrics to stdout, WARN and ERROR to stderr: CloudWatch takes both.
  for (const stream of [process.stdout, process.stderr])
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(...String(chunk).split('\n').filter(Boolean));
      return true;
    });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const lines = () => out.map((l) => JSON.parse(l) as Record<string, any>);
const logLines = () => lines().filter((l) => !l._aws);
const emf = () => lines().filter((l) => l._aws);
const metricNames = (l: Record<string, any>) =>
  l._aws.CloudWatchMetrics[0].Metrics.map((m: { Name: string }) => m.Name);

const context = (id: string): Context =>
  ({
    functionName: 'jixiao-ApiFunction-abc',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:jixiao-ApiFunction-abc',
    memoryLimitInMB: '1024',
    awsRequestId: id,
    logGroupName: '/jixiao/api',
    logStreamName: 'stream',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 10_000,
  }) as unknown as Context;

/** An API Gateway HTTP API (payload 2.0) event. */
const httpEvent = (method: string, path: string, headers: Record<string, string> = {}, body?: string) => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: { host: 'api.example.cn', ...headers },
  requestContext: {
    accountId: '123456789012',
    apiId: 'api',
    domainName: 'api.example.cn',
    domainPrefix: 'api',
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
    requestId: 'JKJaXmPLvHcESHA=',
    routeKey: '$default',
    stage: '$default',
    time: '01/Dec/2026:00:00:00 +0000',
    timeEpoch: 0,
  },
  isBase64Encoded: false,
  ...(body ? { body } : {}),
});

/** An app with the health route and one resource route with an id in its path. */
function appWith(log: Logger, metrics?: AppDeps['metrics']) {
  const things = resourceApp();
  things.get('/v1/things/:id', (c) => c.json({}));
  things.post('/v1/things/:id', (c) => c.json({}));
  const deps = {
    // A real data layer (its clients are made on first use; nothing here reaches the network).
    data: createDataLayer({
      region: 'cn-north-1',
      tableName: 'jixiao-test',
      bucketName: 'jixiao-test',
      cursorSecret: 'observability-test-cursor-secret-0123',
    }),
    log,
    ...(metrics ? { metrics } : {}),
    now: () => new Date('2026-12-01T00:00:00Z'),
    verifyToken: async () => {
      throw new Error('not in these tests');
    },
    oidc: { authorizeUrl: 'https://id.example.cn/a', tokenUrl: 'https://id.example.cn/t', clientId: 'c' },
  } as unknown as AppDeps;
  return createApp(deps, [things]);
}

describe('the Powertools logger behind the app’s Logger', () => {
  it('writes each entry as one JSON line: level, message, service, function and the entry’s fields', () => {
    const obs = createObservability('api');
    obs.log({ level: 'warn', msg: 'evaluation: failure not recorded', run: 'r1', why: 'gone' });
    obs.log({ msg: 'no level given' });
    obs.log({ level: 'debug', msg: 'below INFO: dropped' });
    const [warn, info, ...rest] = logLines();
    expect(rest).toEqual([]);
    expect(warn).toMatchObject({
      level: 'WARN',
      message: 'evaluation: failure not recorded',
      service: 'jixiao',
      function: 'api',
      run: 'r1',
      why: 'gone',
      timestamp: expect.any(String),
    });
    expect(info).toMatchObject({ level: 'INFO', message: 'no level given' });
  });

  it('never writes credentials, cookies or bodies, even when a caller passes them', () => {
    const obs = createObservability('api');
    obs.log({
      msg: 'careless',
      authorization: 'Bearer eyJ.secret',
      cookie: 'jx_token=secret',
      token: 'secret',
      body: { name: '张三' },
      tenant: '230100',
    });
    const [line] = logLines();
    expect(out.join('\n')).not.toContain('secret');
    expect(out.join('\n')).not.toContain('张三');
    expect(line).toMatchObject({
      authorization: '[redacted]',
      cookie: '[redacted]',
      body: '[redacted]',
      tenant: '230100',
    });
  });
});

describe('an HTTP function, observed', () => {
  let obs: Observability;
  let handler: (event: ReturnType<typeof httpEvent>, context: Context) => Promise<any>;
  beforeEach(() => {
    obs = createObservability('api');
    const run = handle(appWith(obs.log, obs.requests));
    handler = observeHttp(obs, run as unknown as typeof handler);
  });

  it('logs the request with the Lambda context, our request id and API Gateway’s, and no secrets', async () => {
    const secret = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0.c2lnbmF0dXJl';
    const res = await handler(
      httpEvent('GET', '/health', { authorization: `Bearer ${secret}`, cookie: `jx_token=${secret}` }),
      context('lambda-req-1'),
    );
    expect(res.statusCode, out.join('\n')).toBe(200);
    const request = logLines().find((l) => l.message === 'request')!;
    expect(request).toMatchObject({
      level: 'INFO',
      service: 'jixiao',
      function: 'api',
      cold_start: true,
      function_name: 'jixiao-ApiFunction-abc',
      function_request_id: 'lambda-req-1',
      apiGatewayRequestId: 'JKJaXmPLvHcESHA=',
      requestId: res.headers['x-request-id'],
      route: 'GET /health',
      status: 200,
    });
    expect(request.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.join('\n')).not.toContain(secret);

    await handler(
      httpEvent('GET', '/health', { 'x-request-id': 'caller-chosen-id-1' }),
      context('lambda-req-2'),
    );
    const second = logLines().filter((l) => l.message === 'request')[1]!;
    expect(second).toMatchObject({
      cold_start: false,
      function_request_id: 'lambda-req-2',
      requestId: 'caller-chosen-id-1',
    });
  });

  it('emits per request its count, latency and 4xx/5xx by route template, and a cold start once', async () => {
    await handler(httpEvent('GET', '/v1/things/unit-FGW-2025'), context('a'));
    await handler(httpEvent('GET', '/nowhere'), context('b'));
    const metrics = emf();
    const cold = metrics.filter((l) => metricNames(l).includes(METRICS.coldStart));
    expect(cold).toHaveLength(1);
    const requests = metrics.filter((l) => metricNames(l).includes(METRICS.requests));
    expect(requests).toHaveLength(2);
    for (const l of requests) {
      expect(l._aws.CloudWatchMetrics[0].Namespace).toBe('Jixiao');
      expect(l._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service', 'function', 'route']]);
      expect(metricNames(l).sort()).toEqual(
        [METRICS.requests, METRICS.latency, METRICS.clientErrors, METRICS.serverErrors].sort(),
      );
      expect(l).toMatchObject({ service: 'jixiao', function: 'api', [METRICS.requests]: 1 });
    }
    // The template, never the path's ids; an unrouted path is one value, not one per path.
    expect(requests.map((l) => l.route)).toEqual(['GET /v1/things/:id', 'unmatched']);
    expect(JSON.stringify(metrics)).not.toContain('unit-FGW-2025');
    expect(requests.map((l) => [l[METRICS.clientErrors], l[METRICS.serverErrors]])).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it('logs no body: a refused POST leaves only who, where and the status', async () => {
    await handler(
      httpEvent(
        'POST',
        '/v1/things/x1',
        { 'content-type': 'application/json' },
        '{"name":"张三","idCard":"230102199001011234"}',
      ),
      context('c'),
    );
    const request = logLines().find((l) => l.message === 'request')!;
    expect(request).toMatchObject({ route: 'POST /v1/things/:id', status: 401 });
    expect(out.join('\n')).not.toMatch(/张三|230102199001011234/);
  });
});

describe('the batch function, observed', () => {
  const job = { tenant: '230100', cycle: 'c1', run: 'r1', attempt: 1 };
  const runs = {
    get: async () => ({ started: { at: '2026-12-01T00:00:00Z' }, finishedAt: '2026-12-01T00:02:30Z' }),
  };

  it('counts units scored, the run’s duration when ready, a failed run, and step errors', async () => {
    const obs = createObservability('evaluation');
    const ok = observeSteps(
      obs,
      async () => {
        obs.log({ msg: 'evaluation step' });
        return job;
      },
      runs,
    );
    await ok({ step: 'score', job, units: ['A', 'B', 'C'] }, context('s1'));
    await ok({ step: 'ready', job }, context('s2'));
    await ok({ step: 'fail', job, error: { Error: 'States.Timeout' } }, context('s3'));
    const broken = observeSteps(
      obs,
      async () => {
        throw new Error('Throttled');
      },
      runs,
    );
    await expect(broken({ step: 'rank', job }, context('s4'))).rejects.toThrow('Throttled');

    const steps = emf().filter((l) => metricNames(l).includes(METRICS.stepLatency));
    expect(steps).toHaveLength(4);
    for (const l of steps) expect(l._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service', 'function']]);
    expect(steps.map((l) => l.step)).toEqual(['score', 'ready', 'fail', 'rank']);
    expect(steps[0]).toMatchObject({ [METRICS.unitsScored]: 3, [METRICS.stepErrors]: 0 });
    expect(steps[1]).toMatchObject({ [METRICS.runDuration]: 150 });
    expect(steps[2]).toMatchObject({ [METRICS.runsFailed]: 1 });
    expect(steps[3]).toMatchObject({ [METRICS.stepErrors]: 1 });
    // Every line of a step's invocation names the step and the run; the keys go with the invocation.
    const logs = logLines();
    expect(logs.map((l) => l.step)).toEqual(['score', 'ready', 'fail']);
    for (const l of logs)
      expect(l).toMatchObject({ tenant: '230100', cycle: 'c1', run: 'r1', function: 'evaluation' });
    obs.log({ msg: 'outside an invocation' });
    expect(logLines().at(-1)).not.toHaveProperty('run');
  });
});

describe('the tracer', () => {
  it('is loaded only where the stack turned tracing on', async () => {
    expect(await loadTracer({})).toBeUndefined();
    expect(await loadTracer({ POWERTOOLS_TRACE_ENABLED: 'false' })).toBeUndefined();
    const tracer = await loadTracer({ POWERTOOLS_TRACE_ENABLED: 'true' });
    expect(tracer?.constructor.name).toBe('Tracer');
  });
});
