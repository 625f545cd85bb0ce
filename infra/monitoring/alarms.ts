import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { AppFunction } from '../lambda/node-function';

/** Every alarm looks at five-minute sums and fires on the first bad period. */
export const ALARM_PERIOD = Duration.minutes(5);

/**
 * The DynamoDB operations the app sends (`packages/data/src/dynamo-doc.ts`; a test keeps the two in
 * step). `ThrottledRequests` has an `Operation` dimension, so the alarm sums these.
 */
export const TABLE_OPERATIONS = ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem', 'Query', 'BatchWriteItem'];

/**
 * What the alarms watch and when they fire. Thresholds are counts per five minutes: the app answers
 * bad input with 4xx, never 5xx, so any function error, 5xx, throttle or failed run is a fault.
 */
export const ALARM_RULES = {
  functionErrors: { metric: 'Errors', threshold: 1 },
  functionThrottles: { metric: 'Throttles', threshold: 1 },
  api5xx: { metric: '5xx', threshold: 1 },
  tableThrottles: { metric: 'ThrottledRequests', threshold: 1 },
  runsFailed: { metric: 'ExecutionsFailed', threshold: 1 },
  runsTimedOut: { metric: 'ExecutionsTimedOut', threshold: 1 },
} as const;

export interface AppAlarmsProps {
  /** Every function of the stack. */
  readonly functions: readonly { readonly id: string; readonly fn: AppFunction }[];
  readonly httpApi: IHttpApi;
  readonly table: ITable;
  /** The year-end batch. */
  readonly stateMachine: IStateMachine;
  /** Where alarm mail goes (optional; other subscribers can be added to the topic). */
  readonly email?: string;
}

/**
 * CloudWatch alarms on the functions (errors, throttles), the HTTP API (5xx), the table (throttled
 * requests) and the year-end batch (failed and timed-out runs), all sent, on alarm and on recovery,
 * to one SNS topic encrypted with its own KMS key (CloudWatch cannot publish to a topic under the
 * AWS-managed SNS key), which only CloudWatch may use to publish.
 */
export class AppAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: AppAlarmsProps) {
    super(scope, id);

    const key = new Key(this, 'TopicKey', {
      description: 'jixiao alarm topic encryption',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Topic', {
      displayName: 'jixiao alarms / 绩效系统告警',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.email) this.topic.addSubscription(new EmailSubscription(props.email));
    const action = new SnsAction(this.topic);

    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string) => {
      const a = new Alarm(this, alarmId, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No data means no traffic, not a fault.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(action);
      a.addOkAction(action);
      this.alarms.push(a);
    };
    const sum = { period: ALARM_PERIOD, statistic: 'Sum' } as const;
    const R = ALARM_RULES;

    for (const { id: fnId, fn } of props.functions) {
      const name = fn.fn.node.path;
      alarm(
        `${fnId}Errors`,
        fn.fn.metricErrors(sum),
        R.functionErrors.threshold,
        `${name}: invocations failed (unhandled error or timeout)`,
      );
      alarm(
        `${fnId}Throttles`,
        fn.fn.metricThrottles(sum),
        R.functionThrottles.threshold,
        `${name}: invocations throttled (concurrency exhausted)`,
      );
    }
    alarm(
      'Api5xx',
      props.httpApi.metricServerError(sum),
      R.api5xx.threshold,
      'HTTP API answered 5xx (function failure, timeout or integration error)',
    );
    alarm(
      'TableThrottles',
      new MathExpression({
        expression: TABLE_OPERATIONS.map((_, i) => `m${i}`).join(' + '),
        usingMetrics: Object.fromEntries(
          TABLE_OPERATIONS.map((operation, i) => [
            `m${i}`,
            new Metric({
              namespace: 'AWS/DynamoDB',
              metricName: R.tableThrottles.metric,
              dimensionsMap: { TableName: props.table.tableName, Operation: operation },
              ...sum,
            }),
          ]),
        ),
        label: 'throttled requests',
        period: ALARM_PERIOD,
      }),
      R.tableThrottles.threshold,
      `DynamoDB throttled requests (${TABLE_OPERATIONS.join(', ')})`,
    );
    alarm(
      'RunsFailed',
      props.stateMachine.metricFailed(sum),
      R.runsFailed.threshold,
      'Year-end evaluation run failed',
    );
    alarm(
      'RunsTimedOut',
      props.stateMachine.metricTimedOut(sum),
      R.runsTimedOut.threshold,
      'Year-end evaluation run timed out',
    );
  }
}
