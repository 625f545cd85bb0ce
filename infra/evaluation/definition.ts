import { Duration } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  Chain,
  DistributedMap,
  type IChainable,
  ItemBatcher,
  JitterType,
  JsonPath,
  ResultWriterV2,
  S3JsonItemReader,
  StateMachineType,
  Fail as StepFail,
  Succeed,
  TaskInput,
  Timeout,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import type { Construct } from 'constructs';
import { API_OBJECT_PREFIX } from '../api/functions';

/**
 * The year-end batch as one Step Functions definition (JSONPath, no variables: the local runner
 * executes this same definition; see packages/local/src/evaluation). Every Task calls the one
 * batch function with `{ step, job }` and gets the job back (payloads are ids and S3 pointers):
 *
 *   Freeze → Peers → ScoreUnits (Distributed Map over items.json, 25 units a batch: Score)
 *     → Rank → Write → RenderReports (Distributed Map over the same items, 10 units a batch:
 *     Report) → Ready (also the office's and the People's Congress report) → Done
 *   any failure (after retries) → RecordFailure (step `fail`: the run is marked failed, resumable)
 *     → Failed
 */
export const STATES = {
  freeze: 'Freeze',
  peers: 'Peers',
  map: 'ScoreUnits',
  score: 'Score',
  rank: 'Rank',
  write: 'Write',
  reportMap: 'RenderReports',
  report: 'Report',
  ready: 'Ready',
  fail: 'RecordFailure',
  failed: 'Failed',
  done: 'Done',
} as const;

/** Units per Score invocation, and Score invocations at once. */
export const SCORE_BATCH = { maxItems: 25, maxConcurrency: 10 } as const;

/**
 * Units per Report invocation, and Report invocations at once. A unit's three files (PDF with its
 * font subset, XLSX, HTML with charts) take far longer than its scoring, so batches are smaller:
 * ten units stay well inside the function's timeout, and ten at once keep S3 and the table calm.
 */
export const REPORT_BATCH = { maxItems: 10, maxConcurrency: 10 } as const;

/**
 * Retries: storage throttling (our handler names it `Throttled`) and Lambda's own throttling back
 * off from 1 s doubling, with full jitter so parallel batches do not retry in step; Lambda service
 * faults are retried fewer times. Task errors of our rules (e.g. `RunStale`) are not retried.
 */
export const RETRY = {
  throttled: {
    errors: ['Throttled', 'Lambda.TooManyRequestsException'],
    interval: 1,
    backoffRate: 2,
    maxAttempts: 6,
    maxDelay: 30,
  },
  service: {
    errors: [
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.ClientExecutionTimeoutException',
    ],
    interval: 1,
    backoffRate: 2,
    maxAttempts: 3,
    maxDelay: 10,
  },
} as const;

/** A task may take as long as the function may run, and a little more for the invocation. */
export const TASK_TIMEOUT = Duration.minutes(6);

export interface EvaluationDefinitionProps {
  /** The batch function (functions/evaluation): one handler for every step. */
  readonly fn: IFunction;
  /** Where the runs' objects live (items.json, the Map's result files). */
  readonly bucket: IBucket;
}

/**
 * The Map's S3 access as CDK grants it, but limited to the tenants' objects (CDK grants the whole
 * bucket): every key the Map reads or writes is under `tenants/<tenant>/evaluations/`.
 */
class TenantItemReader extends S3JsonItemReader {
  override providePolicyStatements(): PolicyStatement[] {
    return [new PolicyStatement({ actions: ['s3:GetObject'], resources: [tenantObjects(this.bucket)] })];
  }
}

class TenantResultWriter extends ResultWriterV2 {
  override providePolicyStatements(): PolicyStatement[] {
    return [
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        resources: [tenantObjects(this.bucket!)],
      }),
    ];
  }
}

const tenantObjects = (bucket: IBucket) => bucket.arnForObjects(`${API_OBJECT_PREFIX}*`);

/** The state graph; `EvaluationBatch` wraps it in the state machine. */
export function evaluationDefinition(scope: Construct, props: EvaluationDefinitionProps): IChainable {
  const invoke = (id: string, payload: Record<string, unknown>, resultPath?: string) =>
    new LambdaInvoke(scope, id, {
      lambdaFunction: props.fn,
      ...(resultPath ? { resultPath } : {}),
      payload: TaskInput.fromObject(payload),
      // The function's answer is the state's output (the job), not Lambda's response envelope.
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      taskTimeout: Timeout.duration(TASK_TIMEOUT),
    })
      .addRetry({
        errors: [...RETRY.throttled.errors],
        interval: Duration.seconds(RETRY.throttled.interval),
        backoffRate: RETRY.throttled.backoffRate,
        maxAttempts: RETRY.throttled.maxAttempts,
        maxDelay: Duration.seconds(RETRY.throttled.maxDelay),
        jitterStrategy: JitterType.FULL,
      })
      .addRetry({
        errors: [...RETRY.service.errors],
        interval: Duration.seconds(RETRY.service.interval),
        backoffRate: RETRY.service.backoffRate,
        maxAttempts: RETRY.service.maxAttempts,
        maxDelay: Duration.seconds(RETRY.service.maxDelay),
        jitterStrategy: JitterType.FULL,
      });
  const step = (id: string, name: string) => invoke(id, { step: name, 'job.$': '$' });

  // The Catch adds `error` to the job; the handler's job schema is strict, so the job's fields are
  // passed one by one (not `items`: recording a failure needs none). Its answer is dropped
  // (DISCARD), so Failed can still say what went wrong.
  const recordFailure = invoke(
    STATES.fail,
    {
      step: 'fail',
      job: { 'tenant.$': '$.tenant', 'cycle.$': '$.cycle', 'run.$': '$.run', 'attempt.$': '$.attempt' },
      'error.$': '$.error',
    },
    JsonPath.DISCARD,
  );
  recordFailure.next(
    new StepFail(scope, STATES.failed, { errorPath: '$.error.Error', causePath: '$.error.Cause' }),
  );

  /**
   * A Distributed Map over the run's items.json (written by Peers: the units never travel in a
   * payload), running `step` on each batch; each child execution's answer (and any failure) lands
   * under the run's own prefix, in the folder `results`.
   */
  const unitMap = (
    id: string,
    taskId: string,
    step: 'score' | 'report',
    batch: { maxItems: number; maxConcurrency: number },
    results: string,
  ) => {
    const map = new DistributedMap(scope, id, {
      itemReader: new TenantItemReader({ bucket: props.bucket, key: JsonPath.stringAt('$.items.key') }),
      itemBatcher: new ItemBatcher({ maxItemsPerBatch: batch.maxItems, batchInput: { 'job.$': '$' } }),
      maxConcurrency: batch.maxConcurrency,
      toleratedFailurePercentage: 0,
      mapExecutionType: StateMachineType.STANDARD,
      resultWriterV2: new TenantResultWriter({
        bucket: props.bucket,
        prefix: JsonPath.format(
          `${API_OBJECT_PREFIX}{}/evaluations/{}/{}/${results}`,
          JsonPath.stringAt('$.tenant'),
          JsonPath.stringAt('$.cycle'),
          JsonPath.stringAt('$.run'),
        ),
      }),
      resultPath: JsonPath.DISCARD,
    });
    map.itemProcessor(invoke(taskId, { step, 'job.$': '$.BatchInput.job', 'units.$': '$.Items' }));
    return map;
  };

  const states = [
    step(STATES.freeze, 'freeze'),
    step(STATES.peers, 'peers'),
    unitMap(STATES.map, STATES.score, 'score', SCORE_BATCH, 'map'),
    step(STATES.rank, 'rank'),
    step(STATES.write, 'write'),
    unitMap(STATES.reportMap, STATES.report, 'report', REPORT_BATCH, 'reports-map'),
    step(STATES.ready, 'ready'),
  ];
  for (const s of states) s.addCatch(recordFailure, { errors: ['States.ALL'], resultPath: '$.error' });
  let chain = Chain.start(states[0]!);
  for (const s of states.slice(1)) chain = chain.next(s);
  return chain.next(new Succeed(scope, STATES.done));
}
