import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { fromRoot, REPO_ROOT } from '../paths';
import { ESM_BANNER, EXTERNAL_MODULES, MAIN_FIELDS, NODE_MAJOR } from './bundling';

/** How long Lambda logs are kept; China's Cybersecurity Law (art. 21) asks for at least six months. */
export const LOG_RETENTION = RetentionDays.SIX_MONTHS;

export const RUNTIME = Runtime.NODEJS_24_X;
if (RUNTIME.name !== `nodejs${NODE_MAJOR}.x`) throw new Error('RUNTIME and NODE_MAJOR disagree');

export interface AppFunctionProps {
  /** Entry file relative to the repository root, e.g. `functions/api/index.ts`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize?: number;
  readonly timeout?: Duration;
  readonly environment?: Record<string, string>;
}

/**
 * A NodejsFunction with the project's defaults in one place: Node 24 on ARM, ESM bundle with a
 * `require` shim, minified with source maps, X-Ray tracing, its own log group with explicit
 * retention, and its own role that may write only to that log group (no managed policy).
 */
export class AppFunction extends Construct {
  readonly fn: NodejsFunction;
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

    this.fn = new NodejsFunction(this, 'Function', {
      entry: fromRoot(props.entry),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: fromRoot('package-lock.json'),
      description: props.description,
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        LOG_LEVEL: 'info',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: MAIN_FIELDS,
        banner: ESM_BANNER,
        externalModules: EXTERNAL_MODULES,
        minify: true,
        sourceMap: true,
        // Stack traces need names and positions only; leaving sources out keeps the map small.
        sourcesContent: false,
      },
    });

    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Active X-Ray tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which have no resource-level permissions and so require Resource "*".',
    );
  }
}
