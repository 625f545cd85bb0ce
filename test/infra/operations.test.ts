/**
 * Operations in both partitions: every log kept at least six calendar months (网络安全法 art. 21),
 * in a log group the stack creates; alarms on every function, the API, the table and the year-end
 * batch, sent to one encrypted topic.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_RETENTION } from '../../infra/lambda/node-function';
import { ALARM_PERIOD, ALARM_RULES, TABLE_OPERATIONS } from '../../infra/monitoring/alarms';
import { fromRoot } from '../../infra/paths';
import { CHINA_CONTEXT, resourcesOf, type Synth, synth } from './synth';

/** The longest six calendar months (July to December). */
const SIX_MONTHS_AT_MOST = 184;

const PARTITIONS = { aws: {}, 'aws-cn': CHINA_CONTEXT } as const;
let synths: Record<keyof typeof PARTITIONS, Synth>;
beforeAll(() => {
  synths = { aws: synth(), 'aws-cn': synth({ context: CHINA_CONTEXT }) };
}, 120_000);
afterAll(() => {
  for (const s of Object.values(synths ?? {})) s.cleanup();
});

const ref = (id: string) => ({ Ref: id });
const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

type Alarm = {
  MetricName?: string;
  Namespace?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Metrics?: { Id: string; Expression?: string; MetricStat?: { Metric: Alarm } }[];
  Threshold: number;
  Period?: number;
  Statistic?: string;
  EvaluationPeriods: number;
  ComparisonOperator: string;
  TreatMissingData: string;
  AlarmActions: unknown[];
  OKActions: unknown[];
};

describe.each(Object.keys(PARTITIONS) as (keyof typeof PARTITIONS)[])('the %s template', (partition) => {
  const s = () => synths[partition];
  const functions = () => resourcesOf(s().template, 'AWS::Lambda::Function');
  const logGroupIds = () => resourcesOf(s().template, 'AWS::Logs::LogGroup').map(([id]) => id);
  const alarms = () =>
    resourcesOf(s().template, 'AWS::CloudWatch::Alarm').map(([, a]) => a.Properties as Alarm);
  const dims = (a: Alarm) => Object.fromEntries((a.Dimensions ?? []).map((d) => [d.Name, d.Value]));
  /** The alarms on one metric, by its dimensions. */
  const on = (metricName: string) => alarms().filter((a) => a.MetricName === metricName);

  describe('logs', () => {
    it('keeps every log group at least six calendar months, and keeps the group when the stack goes', () => {
      expect(LOG_RETENTION).toBeGreaterThanOrEqual(SIX_MONTHS_AT_MOST);
      const groups = resourcesOf(s().template, 'AWS::Logs::LogGroup');
      for (const [id, group] of groups) {
        expect(group.Properties.RetentionInDays, id).toBeGreaterThanOrEqual(SIX_MONTHS_AT_MOST);
        expect(group.DeletionPolicy, id).toBe('Retain');
      }
    });

    it('gives every function its own log group, so Lambda creates no never-expiring /aws/lambda group', () => {
      const groups = new Set(logGroupIds());
      const used = functions().map(([id, fn]) => {
        const group = (fn.Properties.LoggingConfig as { LogGroup?: { Ref: string } } | undefined)?.LogGroup;
        expect(group, id).toEqual({ Ref: expect.any(String) });
        expect(groups.has(group!.Ref), id).toBe(true);
        return group!.Ref;
      });
      expect(new Set(used).size).toBe(used.length);
      // …and one each for the HTTP API's access log and the state machine: nothing else, nothing implicit.
      expect(groups.size).toBe(used.length + 2);
      s().template.resourceCountIs('Custom::LogRetention', 0);
    });

    it("sends the API's access log and the state machine's events to the stack's log groups", () => {
      const { stack, idOf } = s();
      s().template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        AccessLogSettings: { DestinationArn: arn(idOf(stack.httpApi.accessLogs)) },
      });
      s().template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        LoggingConfiguration: {
          Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: arn(idOf(stack.evaluation.logGroup)) } }],
        },
      });
    });
  });

  describe('alarms', () => {
    it('watch every function for errors and throttles', () => {
      const fnIds = functions().map(([id]) => id);
      expect(fnIds.length).toBe(partition === 'aws' ? 6 : 5); // no Cognito trigger in China
      for (const metric of [ALARM_RULES.functionErrors, ALARM_RULES.functionThrottles]) {
        const watched = on(metric.metric).map((a) => dims(a).FunctionName);
        expect(watched.sort(), metric.metric).toEqual(fnIds.map(ref).sort());
        for (const a of on(metric.metric)) expect(a.Threshold).toBe(metric.threshold);
      }
    });

    it("watch the HTTP API's 5xx answers", () => {
      expect(on('5xx').map(dims)).toEqual([{ ApiId: ref(s().idOf(s().stack.httpApi.api)) }]);
      expect(on('5xx')[0]!.Namespace).toBe('AWS/ApiGateway');
    });

    it("watch the table's throttled requests, for every operation the app sends", () => {
      const table = ref(s().idOf(s().stack.table.table));
      const throttles = alarms().filter((a) => a.Metrics?.length);
      expect(throttles).toHaveLength(1);
      const [expression, ...metrics] = [
        ...throttles[0]!.Metrics!.filter((m) => m.Expression),
        ...throttles[0]!.Metrics!.filter((m) => m.MetricStat),
      ];
      expect(expression!.Expression).toBe(TABLE_OPERATIONS.map((_, i) => `m${i}`).join(' + '));
      expect(
        metrics.map((m) => {
          const metric = m.MetricStat!.Metric;
          return [metric.Namespace, metric.MetricName, dims(metric).TableName, dims(metric).Operation];
        }),
      ).toEqual(TABLE_OPERATIONS.map((op) => ['AWS/DynamoDB', 'ThrottledRequests', table, op]));
    });

    it('watch the year-end batch for failed and timed-out runs', () => {
      const machine = ref(s().idOf(s().stack.evaluation.stateMachine));
      for (const metric of ['ExecutionsFailed', 'ExecutionsTimedOut'])
        expect(on(metric).map(dims), metric).toEqual([{ StateMachineArn: machine }]);
    });

    it('are exactly these, each a five-minute sum that fires on the first bad period, on alarm and on recovery', () => {
      expect(alarms()).toHaveLength(2 * functions().length + 4);
      const topic = ref(s().idOf(s().stack.alarms.topic));
      for (const a of alarms()) {
        expect(a).toMatchObject({
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanOrEqualToThreshold',
          TreatMissingData: 'notBreaching',
          AlarmActions: [topic],
          OKActions: [topic],
        });
        if (a.MetricName) expect(a).toMatchObject({ Period: ALARM_PERIOD.toSeconds(), Statistic: 'Sum' });
        else
          for (const m of a.Metrics!.filter((x) => x.MetricStat))
            expect(m.MetricStat).toMatchObject({ Period: ALARM_PERIOD.toSeconds(), Stat: 'Sum' });
      }
    });

    it('go to one SNS topic, encrypted with a rotated key that CloudWatch may use, and TLS-only', () => {
      const { stack, idOf, template } = s();
      template.resourceCountIs('AWS::SNS::Topic', 1);
      const key = idOf(stack.alarms.topic.masterKey!);
      template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: arn(key) });
      const [keyResource] = resourcesOf(template, 'AWS::KMS::Key').filter(([id]) => id === key);
      expect(keyResource![1].Properties.EnableKeyRotation).toBe(true);
      const keyPolicy = keyResource![1].Properties.KeyPolicy as { Statement: Record<string, unknown>[] };
      expect(keyPolicy.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        }),
      );
      const [topicPolicy] = resourcesOf(template, 'AWS::SNS::TopicPolicy');
      expect(
        (topicPolicy![1].Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement,
      ).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    });
  });

  describe('Powertools', () => {
    const envOf = (fn: Record<string, any>) => fn.Properties.Environment?.Variables ?? {};

    it('gives every function its service, metric namespace, log level and sampling in the environment', () => {
      for (const [id, fn] of functions())
        expect(envOf(fn), id).toMatchObject({
          POWERTOOLS_SERVICE_NAME: 'jixiao',
          POWERTOOLS_METRICS_NAMESPACE: 'Jixiao',
          POWERTOOLS_LOG_LEVEL: 'INFO',
          POWERTOOLS_LOGGER_SAMPLE_RATE: expect.stringMatching(/^0(\.\d+)?$/),
        });
    });

    it(
      partition === 'aws'
        ? 'traces with X-Ray: active tracing and the tracer on, responses never recorded'
        : 'has no X-Ray in China: no active tracing, the tracer off',
      () => {
        expect(functions().length).toBeGreaterThan(0);
        for (const [id, fn] of functions()) {
          const env = envOf(fn);
          if (partition === 'aws') {
            expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
            expect(env, id).toMatchObject({
              POWERTOOLS_TRACE_ENABLED: 'true',
              POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
            });
          } else {
            const tracing = fn.Properties.TracingConfig as { Mode?: string } | undefined;
            expect(tracing?.Mode ?? 'PassThrough', id).not.toBe('Active');
            expect(env.POWERTOOLS_TRACE_ENABLED, id).toBe('false');
            expect(env, id).not.toHaveProperty('POWERTOOLS_TRACER_CAPTURE_RESPONSE');
          }
        }
      },
    );
  });
});

describe('the table alarm', () => {
  it('sums the operations packages/data sends, so a new operation cannot go unwatched', () => {
    const source = readFileSync(fromRoot('packages/data/src/dynamo-doc.ts'), 'utf8');
    // The document client's `GetCommand` sends GetItem, `BatchWriteCommand` BatchWriteItem; Query is Query.
    const sent = [...source.matchAll(/new lib\.(\w+)Command\(/g)].map(([, name]) =>
      name === 'Query' || name === 'Scan' ? name : `${name}Item`,
    );
    expect(sent.length).toBeGreaterThan(0);
    expect([...new Set(sent)].sort()).toEqual([...TABLE_OPERATIONS].sort());
  });
});
