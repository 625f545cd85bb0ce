import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createClients, createDataLayer } from '@jixiao/data';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Faults: throttling that the SDK's retries absorb, throttling that outlasts them (a clear 503
 * with Retry-After), and unexpected failures (a 500 problem that shows no stack).
 */
let s: TestStack;
let admin: string;
beforeAll(async () => {
  s = await startTestStack();
  admin = await s.token('230100', 'hrb-admin');
});
afterAll(() => s.stop());

describe('DynamoDB faults seen through the API', () => {
  it('answers a 503 problem with Retry-After when DynamoDB keeps throttling', async () => {
    const throttled = Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });
    const mock = mockClient(DynamoDBDocumentClient);
    mock.onAnyCommand().rejects(throttled);
    const res = await s.call('GET', '/v1/units', { token: admin });
    mock.restore();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.body).toMatchObject({
      code: 'service_unavailable',
      message: { zh: '服务繁忙，请稍后重试。' },
    });
  });

  it('answers a 500 problem without internals when something unexpected breaks, and logs it', async () => {
    const mock = mockClient(DynamoDBDocumentClient);
    mock.onAnyCommand().rejects(new TypeError('secret internal detail at /srv/app.js:42'));
    const before = s.logs.length;
    const res = await s.call('POST', '/v1/unit-groups', { token: admin, body: { code: 'F1', name: '故障' } });
    mock.restore();
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal_error');
    expect(res.text).not.toContain('secret internal detail');
    expect(res.text).not.toMatch(/at .*\.js/);
    const logged = s.logs.slice(before).find((l) => l.msg === 'unhandled error');
    expect(JSON.stringify(logged)).toContain('secret internal detail');
    // Nothing was written: the group does not exist afterwards.
    expect((await s.call('GET', '/v1/unit-groups/F1', { token: admin })).status).toBe(404);
  });
});

describe('the SDK retries throttled calls before giving up', () => {
  let proxy: Server;
  let requests = 0;
  let throttleFirst = 0;
  let proxyUrl = '';
  beforeAll(async () => {
    const target = new URL(await endpointOf());
    proxy = createServer((req, res) => {
      requests++;
      if (requests <= throttleFirst) {
        req.resume();
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(
          JSON.stringify({
            __type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
            message: 'Rate exceeded',
          }),
        );
        return;
      }
      const fwd = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 500, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(fwd);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => proxy.close(r)));

  async function endpointOf(): Promise<string> {
    const ep = await (await s.data.store.doc.client()).config.endpoint!();
    return `${ep.protocol}//${ep.hostname}:${ep.port}`;
  }

  const layer = () => {
    const cfg = {
      region: 'cn-north-1',
      tableName: s.data.store.tableName,
      bucketName: 'jixiao-local',
      dynamoEndpoint: proxyUrl,
      cursorSecret: 'x'.repeat(32),
      localCredentials: true,
    };
    return createDataLayer(cfg, () => new Date(), createClients(cfg));
  };

  it('succeeds when throttling stops within the retry budget', async () => {
    requests = 0;
    throttleFirst = 2;
    const group = await layer().org.getGroup('230100', 'ECON');
    expect(group?.name).toBe('综合经济部门');
    expect(requests).toBe(3);
  });

  it('gives up after four attempts with the throttling error', async () => {
    requests = 0;
    throttleFirst = 100;
    await expect(layer().org.getGroup('230100', 'ECON')).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
    expect(requests).toBe(4);
  });
});
