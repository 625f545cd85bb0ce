/**
 * The year-end state machine as synthesized (issues #10, #11): a Distributed Map over the units read
 * from S3 in batches that scores them, a second one over the same items that renders their reports,
 * every task retried with backoff on throttling and caught into RecordFailure,
 * payloads that are ids and S3 pointers only; the batch function's settings and permissions; the
 * functions that start runs; and the embedded stack running exactly this definition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVALUATION_STARTERS, FUNCTIONS } from '../../infra/api/functions';
import type { HttpFunctionName } from '../../infra/api/routes';
import { BATCH_FUNCTION } from '../../infra/evaluation/batch';
import { REPORT_BATCH, RETRY, SCORE_BATCH, STATES } from '../../infra/evaluation/definition';
import { LOCAL_MAP_RESOURCE, swapDistributedMaps } from '../../packages/local/src/evaluation/distributed-map';
import { resolveIntrinsics } from '../../packages/local/src/evaluation/resolve';
import {
  LOCAL_AWS,
  LOCAL_FUNCTION_ARN,
  localDefinition,
} from '../../packages/local/src/evaluation/synthesize';
import { resourcesOf, type Synth, synth } from './synth';

let s: Synth;
beforeAll(() => {
  s = synth();
}, 120_000);
afterAll(() => s?.cleanup());

type AnyState = Record<string, any>;
type Definition = { StartAt: string; States: Record<string, AnyState>; TimeoutSeconds?: number };

const ref = (logicalId: string) => ({ Ref: logicalId });
const arn = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });
const FN = '<batch-function-arn>';
const BUCKET = '<data-bucket>';

const machineId = () => s.idOf(s.stack.evaluation.stateMachine);
const fnId = () => s.idOf(s.stack.evaluation.function.fn);
const props = (id: string) => s.template.toJSON().Resources[id].Properties as Record<string, any>;

/** The definition with its references named (the function's ARN, the bucket's name). */
const definitionWith = (names: { fn: string; bucket: string; partition: string }): Definition =>
  JSON.parse(
    String(
      resolveIntrinsics(props(machineId()).DefinitionString, {
        refs: {
          'AWS::Partition': names.partition,
          'AWS::Region': LOCAL_AWS.region,
          'AWS::AccountId': LOCAL_AWS.account,
          [s.idOf(s.stack.buckets.data)]: names.bucket,
        },
        attributes: { [`${fnId()}.Arn`]: names.fn },
      }),
    ),
  );
const definition = () => definitionWith({ fn: FN, bucket: BUCKET, partition: 'aws' });

const TOP_TASKS = [STATES.freeze, STATES.peers, STATES.rank, STATES.write, STATES.ready];

describe('the year-end state machine', () => {
  it('is one standard state machine, traced, logging every event to its own log group kept one year', () => {
    s.template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    expect(props(machineId())).toMatchObject({
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: {
        Level: 'ALL',
        IncludeExecutionData: true,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: arn(s.idOf(s.stack.evaluation.logGroup)) } }],
      },
    });
    expect(props(s.idOf(s.stack.evaluation.logGroup)).RetentionInDays).toBe(365);
  });

  it('runs Freeze → Peers → ScoreUnits → Rank → Write → RenderReports → Ready → Done, with a time limit', () => {
    const d = definition();
    expect(d.StartAt).toBe(STATES.freeze);
    const order: string[] = [];
    for (let at: string | undefined = d.StartAt; at; at = d.States[at]!.Next) order.push(at);
    expect(order).toEqual([
      STATES.freeze,
      STATES.peers,
      STATES.map,
      STATES.rank,
      STATES.write,
      STATES.reportMap,
      STATES.ready,
      STATES.done,
    ]);
    expect(d.States[STATES.done]!.Type).toBe('Succeed');
    expect(d.TimeoutSeconds).toBeGreaterThan(0);
    // JSONPath only: no JSONata, no variables (the local runner runs this same definition).
    expect(JSON.stringify(d)).not.toMatch(/"QueryLanguage"|"Assign"|"Arguments"|\{%/);
  });

  it('scores in a Distributed Map over items.json in S3, 25 units a batch, failing on any failed batch', () => {
    const map = definition().States[STATES.map]!;
    expect(map).toMatchObject({
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: STATES.score,
      },
      ItemReader: {
        Resource: 'arn:aws:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { Bucket: BUCKET, 'Key.$': '$.items.key' },
      },
      ItemBatcher: { MaxItemsPerBatch: SCORE_BATCH.maxItems, BatchInput: { 'job.$': '$' } },
      MaxConcurrency: SCORE_BATCH.maxConcurrency,
      // The job goes on unchanged; the children's answers are in the result files.
      ResultPath: null,
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: {
          Bucket: BUCKET,
          'Prefix.$': "States.Format('tenants/{}/evaluations/{}/{}/map', $.tenant, $.cycle, $.run)",
        },
      },
    });
    // Zero tolerated failures: a batch that fails (after its retries) fails the Map, which is caught.
    expect(map.ToleratedFailurePercentage ?? 0).toBe(0);
    expect(map.ToleratedFailureCount ?? 0).toBe(0);
    expect(map.ItemProcessor.States[STATES.score]).toMatchObject({
      Type: 'Task',
      Resource: FN,
      End: true,
      Parameters: { step: 'score', 'job.$': '$.BatchInput.job', 'units.$': '$.Items' },
    });
  });

  it('renders the reports in a second Distributed Map over the same items.json, 10 units a batch, results under reports-map', () => {
    const d = definition();
    const map = d.States[STATES.reportMap]!;
    expect(map).toMatchObject({
      Type: 'Map',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
        StartAt: STATES.report,
      },
      // The very items the scores were computed for, written once by Peers.
      ItemReader: d.States[STATES.map]!.ItemReader,
      ItemBatcher: { MaxItemsPerBatch: REPORT_BATCH.maxItems, BatchInput: { 'job.$': '$' } },
      MaxConcurrency: REPORT_BATCH.maxConcurrency,
      ResultPath: null,
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: {
          Bucket: BUCKET,
          'Prefix.$': "States.Format('tenants/{}/evaluations/{}/{}/reports-map', $.tenant, $.cycle, $.run)",
        },
      },
      Next: STATES.ready,
    });
    expect(REPORT_BATCH).toEqual({ maxItems: 10, maxConcurrency: 10 });
    expect(map.ToleratedFailurePercentage ?? 0).toBe(0);
    expect(map.ToleratedFailureCount ?? 0).toBe(0);
    expect(map.ItemProcessor.States[STATES.report]).toMatchObject({
      Type: 'Task',
      Resource: FN,
      End: true,
      Parameters: { step: 'report', 'job.$': '$.BatchInput.job', 'units.$': '$.Items' },
    });
    // Apart from the step, batch size and result prefix, the two Maps are configured alike.
    const strip = (m: AnyState) => {
      const { ItemProcessor, ItemBatcher, MaxConcurrency, ResultWriter, Next, ...rest } = m;
      return rest;
    };
    expect(strip(map)).toEqual(strip(d.States[STATES.map]!));
  });

  it('passes pointers: every step gets the job (ids and S3 pointers), never the items themselves', () => {
    const d = definition();
    for (const name of TOP_TASKS)
      expect(d.States[name], name).toMatchObject({
        Type: 'Task',
        Resource: FN,
        Parameters: { step: name.toLowerCase(), 'job.$': '$' },
      });
    // The only states that see unit codes are Score and Report, and they get them from the Maps' reader.
    const paths = JSON.stringify(d).match(/"[^"]*\.\$":"[^"]*"/g) ?? [];
    expect(paths.filter((p) => p.includes('Items'))).toEqual(['"units.$":"$.Items"', '"units.$":"$.Items"']);
    expect(JSON.stringify(d)).not.toMatch(/"Items":\[/);
    // Lambda's answer is the job itself (no response envelope to select from).
    for (const name of TOP_TASKS) expect(d.States[name]!.ResultSelector, name).toBeUndefined();
  });

  it('retries throttling (ours and Lambda’s) with jittered exponential backoff on every task', () => {
    const d = definition();
    const tasks = [...TOP_TASKS, STATES.fail].map((n) => d.States[n]!);
    tasks.push(d.States[STATES.map]!.ItemProcessor.States[STATES.score]);
    tasks.push(d.States[STATES.reportMap]!.ItemProcessor.States[STATES.report]);
    for (const t of tasks) {
      expect(t.Retry).toEqual([
        {
          ErrorEquals: ['Throttled', 'Lambda.TooManyRequestsException'],
          IntervalSeconds: RETRY.throttled.interval,
          BackoffRate: RETRY.throttled.backoffRate,
          MaxAttempts: RETRY.throttled.maxAttempts,
          MaxDelaySeconds: RETRY.throttled.maxDelay,
          JitterStrategy: 'FULL',
        },
        expect.objectContaining({
          ErrorEquals: expect.arrayContaining(['Lambda.ServiceException', 'Lambda.SdkClientException']),
          BackoffRate: 2,
          JitterStrategy: 'FULL',
        }),
      ]);
      expect(t.TimeoutSeconds).toBeGreaterThanOrEqual(BATCH_FUNCTION.timeout.toSeconds());
    }
    // Nothing retries everything: our rule errors (e.g. RunStale) go straight to the Catch.
    const retried = tasks.flatMap((t) => t.Retry.flatMap((r: { ErrorEquals: string[] }) => r.ErrorEquals));
    expect(retried.filter((e: string) => e.startsWith('States.'))).toEqual([]);
  });

  it('catches every failure of every step into RecordFailure, which records it and fails the execution', () => {
    const d = definition();
    for (const name of [...TOP_TASKS, STATES.map, STATES.reportMap])
      expect(d.States[name]!.Catch, name).toEqual([
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: STATES.fail },
      ]);
    expect(d.States[STATES.fail]).toMatchObject({
      Type: 'Task',
      Resource: FN,
      // The job's fields one by one: the caught error is not part of a job.
      Parameters: {
        step: 'fail',
        job: { 'tenant.$': '$.tenant', 'cycle.$': '$.cycle', 'run.$': '$.run', 'attempt.$': '$.attempt' },
        'error.$': '$.error',
      },
      ResultPath: null,
      Next: STATES.failed,
    });
    expect(d.States[STATES.fail]!.Catch).toBeUndefined();
    expect(d.States[STATES.failed]).toEqual({
      Type: 'Fail',
      ErrorPath: '$.error.Error',
      CausePath: '$.error.Cause',
    });
  });
});

describe('the batch function', () => {
  const env = () => props(fnId()).Environment.Variables as Record<string, unknown>;
  const statementsOf = (roleOf: { node: unknown }) => {
    const role = s.idOf(roleOf as never);
    return resourcesOf(s.template, 'AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles).includes(role))
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Record<string, any>[] }).Statement);
  };

  it('is functions/evaluation on Node 24 (ARM), sized for a province, with the API functions’ settings', () => {
    expect(BATCH_FUNCTION.entry).toBe('functions/evaluation/index.ts');
    expect(props(fnId())).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: BATCH_FUNCTION.memorySize,
      Timeout: BATCH_FUNCTION.timeout.toSeconds(),
      TracingConfig: { Mode: 'Active' },
    });
    const { stack, idOf } = s;
    expect(env()).toMatchObject({
      TABLE_NAME: ref(idOf(stack.table.table)),
      BUCKET_NAME: ref(idOf(stack.buckets.data)),
      TOKEN_ISSUER: { 'Fn::GetAtt': [idOf(stack.auth!.userPool), 'ProviderURL'] },
      TOKEN_AUDIENCE: ref(idOf(stack.auth!.client)),
      CURSOR_SECRET_ARN: ref(idOf(stack.api.cursorSecret)),
      // An official run's freeze locks the cycle's evidence.
      EVIDENCE_OBJECT_LOCK: 'true',
    });
    // It writes no users and starts no executions.
    expect(env()).not.toHaveProperty('USER_POOL_ID');
    expect(env()).not.toHaveProperty('STATE_MACHINE_ARN');
  });

  it('may assume the data roles, read the secret and write its own logs only: no item, no object', () => {
    const { stack, idOf } = s;
    const statements = statementsOf(stack.evaluation.function.role);
    // Each job's steps reach data through the tenant data role (test/infra/tenant-iam.test.ts).
    expect(JSON.stringify(statements)).not.toMatch(/dynamodb:|s3:/);
    const dataRoles = [stack.dataRoles.tenant, stack.dataRoles.province, stack.dataRoles.platform];
    expect(statements).toEqual(
      expect.arrayContaining([
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Resource: dataRoles
            .map((r) => arn(idOf(r)))
            .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        },
        expect.objectContaining({
          Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
          Resource: ref(idOf(stack.api.cursorSecret)),
        }),
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: arn(idOf(stack.evaluation.function.logGroup)),
        },
      ]),
    );
    for (const st of statements) {
      expect(JSON.stringify(st.Action)).not.toMatch(/states:|cognito-idp:|\*"/);
      if (st.Resource === '*')
        expect(st.Action).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });
});

describe('the state machine’s role', () => {
  const statements = () =>
    resourcesOf(s.template, 'AWS::IAM::Policy')
      .filter(([, p]) =>
        JSON.stringify(p.Properties.Roles).includes(s.idOf(s.stack.evaluation.stateMachine.role as never)),
      )
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Record<string, any>[] }).Statement);

  it('invokes the batch function, and only it', () => {
    const invoke = statements().filter((st) => JSON.stringify(st.Action).includes('lambda:'));
    expect(invoke).toEqual([
      {
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: [arn(fnId()), { 'Fn::Join': ['', [arn(fnId()), ':*']] }],
      },
    ]);
  });

  it('reads items.json and writes the Map’s result files under the tenants’ prefix only', () => {
    const bucket = s.idOf(s.stack.buckets.data);
    const s3 = statements().filter((st) => JSON.stringify(st.Action).includes('s3:'));
    expect(s3.length).toBeGreaterThan(0);
    for (const st of s3) expect(st.Resource).toEqual({ 'Fn::Join': ['', [arn(bucket), '/tenants/*']] });
    expect(s3.flatMap((st) => [st.Action].flat())).toEqual(
      expect.arrayContaining(['s3:GetObject', 's3:PutObject']),
    );
  });

  it('starts its own child executions (the Distributed Map’s batches), and no other state machine', () => {
    const states = statements().filter((st) => JSON.stringify(st.Action).includes('states:'));
    expect(states).toEqual(
      expect.arrayContaining([
        { Effect: 'Allow', Action: 'states:StartExecution', Resource: ref(machineId()) },
      ]),
    );
    for (const st of states) expect(JSON.stringify(st.Resource)).toContain(machineId());
  });
});

describe('the functions that start runs', () => {
  const NAMES = Object.keys(FUNCTIONS) as HttpFunctionName[];
  const fnProps = (name: HttpFunctionName) => props(s.idOf(s.stack.api.functions[name].fn));
  const startsExecutions = (name: HttpFunctionName) =>
    resourcesOf(s.template, 'AWS::IAM::Policy')
      .filter(([, p]) =>
        JSON.stringify(p.Properties.Roles).includes(s.idOf(s.stack.api.functions[name].role)),
      )
      .flatMap(([, p]) => (p.Properties.PolicyDocument as { Statement: Record<string, any>[] }).Statement)
      .filter((st) => JSON.stringify(st.Action).includes('states:'));

  it('are the ones serving the evaluation routes (indicators, console): its ARN and StartExecution on it', () => {
    expect([...EVALUATION_STARTERS].sort()).toEqual(['console', 'indicators']);
    for (const name of NAMES) {
      const env = fnProps(name).Environment.Variables;
      if ((EVALUATION_STARTERS as readonly string[]).includes(name)) {
        expect(env.STATE_MACHINE_ARN, name).toEqual(ref(machineId()));
        expect(startsExecutions(name), name).toEqual([
          { Effect: 'Allow', Action: 'states:StartExecution', Resource: ref(machineId()) },
        ]);
      } else {
        expect(env, name).not.toHaveProperty('STATE_MACHINE_ARN');
        expect(startsExecutions(name), name).toEqual([]);
      }
    }
  });

  it('publish the state machine’s ARN', () => {
    expect(s.template.findOutputs('EvaluationStateMachineArn').EvaluationStateMachineArn!.Value).toEqual(
      ref(machineId()),
    );
  });
});

describe('the embedded stack', () => {
  it('runs exactly the synthesized definition (only the function and bucket are local)', async () => {
    const local = await localDefinition('jixiao-local');
    expect(local.definition).toEqual(
      definitionWith({ fn: LOCAL_FUNCTION_ARN, bucket: 'jixiao-local', partition: LOCAL_AWS.partition }),
    );
  });

  it('runs the deployed graph apart from the Distributed Maps, each stood in for by a Task with the Map’s wiring', async () => {
    const local = await localDefinition('jixiao-local');
    const { definition: swapped, maps } = swapDistributedMaps(local.definition);
    expect(Object.keys(maps).sort()).toEqual([STATES.reportMap, STATES.map].sort());
    const deployed = local.definition.States as Record<string, AnyState>;
    const states = swapped.States as Record<string, AnyState>;
    for (const [name, state] of Object.entries(deployed)) {
      if (!(name in maps)) {
        expect(states[name], name).toEqual(state);
        continue;
      }
      expect(maps[name]).toEqual(state);
      expect(states[name], name).toEqual({
        Type: 'Task',
        Resource: LOCAL_MAP_RESOURCE,
        TimeoutSeconds: expect.any(Number),
        Next: state.Next,
        Catch: state.Catch,
        ResultPath: null,
      });
    }
    expect(Object.keys(states)).toEqual(Object.keys(deployed));
  });
});
