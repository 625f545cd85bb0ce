import { spawnSync } from 'node:child_process';
import { AssetHashType, Duration, type ILocalBundling, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { fromRoot, REPO_ROOT } from '../paths';
import { deploymentProfile } from '../profile';
import { FUNCTION_ENVIRONMENT, NODE_MAJOR } from './bundling';

/**
 * How long every log group keeps its events. China's Cybersecurity Law (网络安全法, art. 21) asks for
 * at least six months; CloudWatch's SIX_MONTHS is 180 days, shorter than six calendar months
 * whenever they hold a 31-day month (up to 184 days), so the next step up, one year (365 days).
 */
export const LOG_RETENTION = RetentionDays.ONE_YEAR;

export const RUNTIME = Runtime.NODEJS_24_X;
if (RUNTIME.name !== `nodejs${NODE_MAJOR}.x`) throw new Error('RUNTIME and NODE_MAJOR disagree');

/**
 * The Powertools Tracer's switches: on only where the function has active X-Ray tracing (not in the
 * China partition, which has no X-Ray). It never records responses (they carry personal data), and
 * records errors and outgoing HTTPS calls.
 */
export const tracerEnvironment = (tracing: boolean): Record<string, string> =>
  tracing
    ? {
        POWERTOOLS_TRACE_ENABLED: 'true',
        POWERTOOLS_TRACER_CAPTURE_RESPONSE: 'false',
        POWERTOOLS_TRACER_CAPTURE_ERROR: 'true',
        POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS: 'true',
      }
    : { POWERTOOLS_TRACE_ENABLED: 'false' };

export interface AppFunctionProps {
  /** Entry file relative to the repository root, e.g. `functions/api/index.ts`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly environment?: Record<string, string>;
}

/**
 * Builds one function's code with `infra/lambda/build.ts`: the esbuild build of `./bundling.ts`
 * that `npm run bundle` measures (NodejsFunction's own bundling cannot take the esbuild plugin it
 * needs; see there). `entry` is a property on purpose: CDK caches bundling by the options' JSON,
 * so each function's options must differ in what serialises.
 */
export class FunctionBundling implements ILocalBundling {
  constructor(readonly entry: string) {}

  tryBundle(outputDir: string): boolean {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', fromRoot('infra/lambda/build.ts'), this.entry, outputDir],
      { cwd: REPO_ROOT, stdio: 'inherit' },
    );
    if (r.status !== 0) throw new Error(`bundling ${this.entry} failed (exit ${r.status ?? r.signal})`);
    return true;
  }
}

/**
 * A function's code, bundled locally by `FunctionBundling` and hashed by output, like NodejsFunction;
 * skipped, like any bundling, for stacks outside `aws:cdk:bundling-stacks` (the infra tests).
 */
export const bundledCode = (entry: string): Code =>
  Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the API, never used: local bundling either succeeds or fails the synth.
      image: RUNTIME.bundlingImage,
      local: new FunctionBundling(entry),
    },
  });

/**
 * A Node.js function with the project's defaults in one place: Node 24 on ARM, the shared ESM
 * bundle (minified, source maps, AWS SDK from the runtime), X-Ray tracing where Lambda offers it
 * (not in the China regions), its own log group with explicit retention, and its own role that may
 * write only to that log group (no managed policy).
 */
export class AppFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role: ${props.description}`,
    });
    this.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    const { tracing } = deploymentProfile(this.node);
    this.fn = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry),
      handler: 'index.handler',
      description: props.description,
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      role: this.role,
      logGroup: this.logGroup,
      environment: { ...FUNCTION_ENVIRONMENT, ...tracerEnvironment(tracing), ...props.environment },
    });

    if (tracing)
      acknowledge(
        this.role,
        'AwsSolutions-IAM5[Resource::*]',
        'Active X-Ray tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which have no resource-level permissions and so require Resource "*".',
      );
  }
}
