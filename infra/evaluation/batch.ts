import { type CfnElement, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { API_OBJECT_PREFIX } from '../api/functions';
import { REPORT_FONT_DIR } from '../lambda/bundling';
import { AppFunction, LOG_RETENTION } from '../lambda/node-function';
import { acknowledge, nagRef } from '../nag';
import { deploymentProfile } from '../profile';
import { evaluationDefinition } from './definition';

export interface EvaluationBatchProps {
  readonly table: ITable;
  readonly bucket: IBucket;
  /** The secret that signs paging cursors (the app's deps need it, though the batch pages nothing). */
  readonly cursorSecret: ISecret;
  /** The API functions' settings: the batch builds the same deps (`buildCloudDeps`). */
  readonly environment: Record<string, string>;
}

/** The batch function's sizing: a province (2,000 units) ranks in one invocation. */
export const BATCH_FUNCTION = {
  entry: 'functions/evaluation/index.ts',
  memorySize: 1769, // one full vCPU
  timeout: Duration.minutes(5),
} as const;

/** The longest a run may take before Step Functions stops it (then it is resumed). */
export const RUN_TIMEOUT = Duration.hours(2);

/**
 * The year-end batch: one function for every step (functions/evaluation) and the state machine of
 * `evaluationDefinition`, with its own log group (every event, one year) and X-Ray tracing (not in
 * the China regions, where the function it runs cannot be traced).
 * The function reaches the table and the tenants' objects as the API functions do, through the
 * tenant data role, one session per job's tenant (and locks evidence: an official run's freeze
 * does); the state machine may invoke it, read items.json,
 * write the Map's result files, and start its own child executions (Distributed Map).
 */
export class EvaluationBatch extends Construct {
  readonly function: AppFunction;
  readonly stateMachine: StateMachine;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: EvaluationBatchProps) {
    super(scope, id);

    this.function = new AppFunction(this, 'Function', {
      entry: BATCH_FUNCTION.entry,
      description: 'jixiao year-end evaluation batch: freeze, peers, score, rank, write, report, ready',
      memorySize: BATCH_FUNCTION.memorySize,
      timeout: BATCH_FUNCTION.timeout,
      // An official run's freeze locks the cycle's evidence (COMPLIANCE retention); the report step
      // renders PDFs with the font shipped beside the code (infra/lambda/bundling.ts, REPORT_FONTS).
      environment: { ...props.environment, EVIDENCE_OBJECT_LOCK: 'true', REPORT_FONT_DIR },
    });
    // Each job's steps reach data through the tenant data role (infra/data/data-roles.ts, which lets
    // this function assume it): its own role reads the cursor secret and writes its logs, nothing more.
    props.cursorSecret.grantRead(this.function.fn);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const { tracing } = deploymentProfile(this.node);
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment:
        'jixiao year-end evaluation: Freeze → Peers → ScoreUnits → Rank → Write → RenderReports → Ready',
      definitionBody: DefinitionBody.fromChainable(
        evaluationDefinition(this, { fn: this.function.fn, bucket: props.bucket }),
      ),
      stateMachineType: StateMachineType.STANDARD,
      timeout: RUN_TIMEOUT,
      tracingEnabled: tracing,
      // Payloads are ids and S3 pointers, so execution data may be logged.
      logs: { destination: this.logGroup, level: LogLevel.ALL, includeExecutionData: true },
    });

    if (!tracing)
      acknowledge(
        this.stateMachine,
        'AwsSolutions-SF2',
        'No X-Ray tracing in the China regions: Lambda has no X-Ray integration there, so a trace would stop at the state machine; every execution event is logged with its data instead (LogLevel.ALL, one year).',
      );
    const role = this.stateMachine.role;
    const fnArn = nagRef(this.function.fn.node.defaultChild as CfnElement);
    const bucketArn = nagRef(props.bucket.node.defaultChild as CfnElement);
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${fnArn}:*]`,
      'CDK grants lambda:InvokeFunction on the batch function and its versions/aliases (`<arn>:*`); it is this one function only.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'Step Functions needs Resource "*" for X-Ray (PutTraceSegments, PutTelemetryRecords, GetSampling*) and for log delivery (logs:CreateLogDelivery and friends), which have no resource-level permissions.',
    );
    // The child executions of the Distributed Map: CDK lets the state machine describe, stop and
    // redrive executions of itself only; their names are generated, hence the wildcard.
    const sm = Stack.of(this).getLogicalId(this.stateMachine.node.defaultChild as CfnElement);
    const executions = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${sm}"}]}]}`;
    for (const tail of [':*', '/*:*'])
      acknowledge(
        this.stateMachine,
        `AwsSolutions-IAM5[Resource::${executions}${tail}]`,
        'The Distributed Map runs its batches as child executions of this state machine; CDK grants describe/stop/redrive on the executions of this one state machine, whose names are generated.',
      );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::${bucketArn}/${API_OBJECT_PREFIX}*]`,
      `The Distributed Map reads items.json and writes its result files under each run's prefix (${API_OBJECT_PREFIX}<tenant>/evaluations/<cycle>/<run>/), chosen at run time; the wildcard is limited to the tenants' prefix of this one bucket.`,
    );
  }
}
