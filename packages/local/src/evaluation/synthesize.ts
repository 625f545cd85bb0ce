import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StateMachineDefinition } from 'aws-local-stepfunctions';
import { resolveIntrinsics } from './resolve';

/** The account, region and partition the local definition pretends to live in. */
export const LOCAL_AWS = { partition: 'aws-cn', region: 'cn-north-1', account: '000000000000' } as const;

/** The ARN the local definition's Tasks name (each Task is bound to the real handler in-process). */
export const LOCAL_FUNCTION_ARN = `arn:${LOCAL_AWS.partition}:lambda:${LOCAL_AWS.region}:${LOCAL_AWS.account}:function:jixiao-evaluation`;

export interface SynthesizedDefinition {
  definition: StateMachineDefinition;
  /** How long synthesis took (CDK construct tree, synth and resolution), in ms. */
  ms: number;
}

/**
 * The year-end state machine's definition exactly as the CDK app synthesizes it: the same
 * `EvaluationBatch` construct in a minimal stack (the table and bucket stand in for the local
 * ones; Lambda bundling skipped), its `DefinitionString` resolved with the local bucket's name and
 * a local function ARN. aws-cdk-lib is loaded only here, on the first run of a process.
 */
export async function synthesizeDefinition(bucketName: string): Promise<SynthesizedDefinition> {
  const started = performance.now();
  const [{ App, Stack }, { Table, AttributeType }, { Bucket }, { Secret }, { EvaluationBatch }, cdkJson] =
    await Promise.all([
      import('aws-cdk-lib'),
      import('aws-cdk-lib/aws-dynamodb'),
      import('aws-cdk-lib/aws-s3'),
      import('aws-cdk-lib/aws-secretsmanager'),
      import('../../../../infra/evaluation/batch'),
      import('../../../../cdk.json', { with: { type: 'json' } }),
    ]);
  process.env.CDK_DISABLE_CLI_TELEMETRY ??= 'true';
  const outdir = mkdtempSync(join(tmpdir(), 'jixiao-sfn-'));
  try {
    const app = new App({
      outdir,
      // The template check (a WebAssembly rule engine, seconds) belongs to `cdk synth` and the infra
      // tests; here only the definition is wanted.
      builtinCloudFormationValidation: false,
      // The deployed app's feature flags (the Distributed Map's ResultWriter needs one); no bundling.
      context: { ...cdkJson.default.context, 'aws:cdk:bundling-stacks': [] },
    });
    const stack = new Stack(app, 'JixiaoLocal');
    const table = new Table(stack, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
    const bucket = new Bucket(stack, 'Bucket', { bucketName });
    const batch = new EvaluationBatch(stack, 'Evaluation', {
      table,
      bucket,
      cursorSecret: Secret.fromSecretNameV2(stack, 'Cursor', 'local'),
      environment: {},
    });
    const template = app.synth().getStackByName(stack.stackName).template as {
      Resources: Record<string, { Type: string; Properties: { DefinitionString?: unknown } }>;
    };
    const idOf = (c: { node: { defaultChild?: unknown } }) =>
      stack.getLogicalId(c.node.defaultChild as Parameters<typeof stack.getLogicalId>[0]);
    const machine = template.Resources[idOf(batch.stateMachine)];
    if (!machine?.Properties.DefinitionString) throw new Error('the synthesized stack has no state machine');
    const text = resolveIntrinsics(machine.Properties.DefinitionString, {
      refs: {
        'AWS::Partition': LOCAL_AWS.partition,
        'AWS::Region': LOCAL_AWS.region,
        'AWS::AccountId': LOCAL_AWS.account,
        [idOf(bucket)]: bucketName,
      },
      attributes: { [`${idOf(batch.function.fn)}.Arn`]: LOCAL_FUNCTION_ARN },
    });
    return {
      definition: JSON.parse(String(text)) as StateMachineDefinition,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const cache = new Map<string, Promise<SynthesizedDefinition>>();

/** The definition for a bucket, synthesized once per process (and again only after a failure). */
export function localDefinition(bucketName: string): Promise<SynthesizedDefinition> {
  let p = cache.get(bucketName);
  if (!p) {
    p = synthesizeDefinition(bucketName);
    cache.set(bucketName, p);
    p.catch(() => cache.delete(bucketName));
  }
  return p;
}
