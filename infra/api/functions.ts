import { type CfnElement, Duration } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct, type IConstruct } from 'constructs';
import { REPORT_FONT_DIR } from '../lambda/bundling';
import { AppFunction } from '../lambda/node-function';
import { acknowledge, nagRef } from '../nag';
import type { ExternalIssuer } from '../profile';
import type { HttpFunctionName } from './routes';

/**
 * Who signs users in: the stack's Cognito user pool (whose accounts the API keeps in line with
 * tenant users), or an external OIDC issuer (`infra/profile.ts`) that holds the accounts itself.
 */
export type SignIn =
  | {
      readonly kind: 'cognito';
      readonly userPool: IUserPool;
      /** Token issuer URL (the user pool's provider URL). */
      readonly issuer: string;
      /** The user pool client id (Cognito access tokens carry it as `client_id`). */
      readonly audience: string;
      /** Base URL of the hosted sign-in (`/oauth2/authorize`, `/oauth2/token`). */
      readonly authBaseUrl: string;
    }
  | { readonly kind: 'external'; readonly issuer: ExternalIssuer };

export interface ApiFunctionsProps {
  readonly table: ITable;
  readonly bucket: IBucket;
  readonly signIn: SignIn;
}

/** The settings that tell the app (`packages/api/src/config.ts`) how tokens are issued and verified. */
export const signInEnvironment = (signIn: SignIn): Record<string, string> =>
  signIn.kind === 'cognito'
    ? { TOKEN_ISSUER: signIn.issuer, TOKEN_AUDIENCE: signIn.audience, AUTH_BASE_URL: signIn.authBaseUrl }
    : {
        TOKEN_ISSUER: signIn.issuer.issuer,
        TOKEN_AUDIENCE: signIn.issuer.audience,
        JWKS_URL: signIn.issuer.jwksUrl,
        OIDC_AUTHORIZE_URL: signIn.issuer.authorizeUrl,
        OIDC_TOKEN_URL: signIn.issuer.tokenUrl,
      };

/** Object keys the app may touch: every tenant's data lives under `tenants/<tenant>/`. */
export const API_OBJECT_PREFIX = 'tenants/';

interface FunctionSpec {
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  /**
   * Writes users, so mirrors them into the user pool (IdentityDirectory): gets the Cognito admin
   * actions and USER_POOL_ID (with an external issuer, EXTERNAL_ACCOUNTS: the issuer holds the
   * accounts). A function without them cannot touch sign-in accounts at all.
   */
  readonly writesUsers: boolean;
  /**
   * Serves evidence (its routes, and the cycle transition that locks it): reads object versions,
   * removes every version of a refused upload, and sets Object Lock retention when a cycle freezes.
   */
  readonly servesEvidence: boolean;
  /**
   * Renders reports (PDF, XLSX, HTML): its bundle carries the renderers and ships the report font,
   * whose folder it gets as REPORT_FONT_DIR.
   */
  readonly rendersReports: boolean;
}

/**
 * Memory of the functions that do file work (Excel import and export, report rendering), and so
 * their share of a vCPU (1,769 MB is one). Rendering needs no more: every kind of report in every
 * format, rendered in one process, peaked at 264 MiB resident (the two parsed font files included);
 * a unit's PDF took 0.9 s cold (the font parsed on first use) and about 0.25 s warm on this machine,
 * far inside the 29 s the HTTP API waits. The batch's report step runs on its own, larger function.
 */
export const FILE_MEMORY = 1536;

/**
 * The app split by weight (`createApp` with different resources), so each cold start loads only
 * what its routes need; sizes and import times: `npm run bundle`.
 */
export const FUNCTIONS: Record<HttpFunctionName, FunctionSpec> = {
  api: {
    entry: 'functions/api/index.ts',
    description: 'jixiao JSON API: identity, tenants, divisions, units, users (Hono)',
    memorySize: 1024,
    writesUsers: true,
    servesEvidence: false,
    rendersReports: false,
  },
  indicators: {
    entry: 'functions/indicators/index.ts',
    description: 'jixiao indicator systems, templates, finance calculators, the cycle, evidence (Hono)',
    memorySize: 1024,
    writesUsers: false,
    servesEvidence: true,
    rendersReports: false,
  },
  files: {
    entry: 'functions/files/index.ts',
    description: 'jixiao file work: Excel import and export, reports (Hono)',
    memorySize: FILE_MEMORY,
    writesUsers: false,
    servesEvidence: false,
    rendersReports: true,
  },
  console: {
    entry: 'functions/console/index.ts',
    // The console calls the whole API in-process, user administration and Excel included: one hop
    // fewer per page than calling through the gateway, at the price of the heaviest bundle, so it
    // gets the file function's memory (an import in the console does the same work).
    description: 'jixiao console, with the API in-process (Hono)',
    memorySize: FILE_MEMORY,
    writesUsers: true,
    servesEvidence: true,
    rendersReports: true,
  },
};

/**
 * The HTTP-serving functions (`FUNCTIONS`), the secret that signs paging cursors, and each
 * function's permissions: read/write on the table and on the tenants' objects, the secret, its own
 * logs, and Cognito admin actions only where users are written (and only with Cognito).
 */
export class ApiFunctions extends Construct {
  readonly cursorSecret: Secret;
  readonly functions: Record<HttpFunctionName, AppFunction>;
  /** The settings every function of the app starts with (the evaluation batch's too). */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);

    this.cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'HMAC key that signs opaque paging cursors',
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
    });
    acknowledge(
      this.cursorSecret,
      'AwsSolutions-SMG4',
      'The cursor-signing key has no rotation Lambda: rotating it only invalidates paging cursors in flight (clients restart from the first page), so it is rotated by redeploying with a new generated value rather than on a schedule.',
    );

    this.environment = {
      TABLE_NAME: props.table.tableName,
      BUCKET_NAME: props.bucket.bucketName,
      ...signInEnvironment(props.signIn),
      CURSOR_SECRET_ARN: this.cursorSecret.secretArn,
    };

    const make = (name: HttpFunctionName, fnId: string) => this.service(fnId, FUNCTIONS[name], props);
    // `Api` keeps the construct path (and so the logical ids) the single API function had.
    this.functions = {
      api: make('api', 'Api'),
      indicators: make('indicators', 'Indicators'),
      files: make('files', 'Files'),
      console: make('console', 'Console'),
    };

    acknowledgeAppData(this, props);
  }

  private service(id: string, spec: FunctionSpec, props: ApiFunctionsProps): AppFunction {
    const { signIn } = props;
    const accounts: Record<string, string> = !spec.writesUsers
      ? {}
      : signIn.kind === 'cognito'
        ? { USER_POOL_ID: signIn.userPool.userPoolId }
        : { EXTERNAL_ACCOUNTS: 'true' };
    const f = new AppFunction(this, id, {
      entry: spec.entry,
      description: spec.description,
      memorySize: spec.memorySize,
      // HTTP API gives up on an integration after 30 s.
      timeout: Duration.seconds(29),
      environment: {
        ...this.environment,
        ...accounts,
        // The bucket has Object Lock (AppBuckets): locking evidence sets COMPLIANCE retention.
        ...(spec.servesEvidence ? { EVIDENCE_OBJECT_LOCK: 'true' } : {}),
        // The report font ships beside the code (infra/lambda/bundling.ts, REPORT_FONTS).
        ...(spec.rendersReports ? { REPORT_FONT_DIR } : {}),
      },
    });
    if (spec.writesUsers && signIn.kind === 'cognito') {
      // Tenant admins' user changes are mirrored into sign-in accounts (see IdentityDirectory).
      signIn.userPool.grant(
        f.fn,
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminDeleteUserAttributes',
        'cognito-idp:AdminEnableUser',
        'cognito-idp:AdminDisableUser',
      );
    }
    grantAppData(f, { ...props, cursorSecret: this.cursorSecret, servesEvidence: spec.servesEvidence });
    return f;
  }

  /**
   * The functions that serve the evaluation's routes (start, resume) start executions of the
   * year-end state machine: they get its ARN and `states:StartExecution` on it, nothing more.
   */
  startsEvaluation(stateMachine: IStateMachine): void {
    for (const name of EVALUATION_STARTERS) {
      const { fn } = this.functions[name];
      fn.addEnvironment('STATE_MACHINE_ARN', stateMachine.stateMachineArn);
      stateMachine.grantStartExecution(fn);
    }
  }
}

/** The functions serving the evaluation routes: indicators (the cycle's API) and the console. */
export const EVALUATION_STARTERS = ['indicators', 'console'] as const satisfies readonly HttpFunctionName[];

/** The wildcards `grantAppData` needs, acknowledged with their reasons on `scope`. */
export function acknowledgeAppData(scope: IConstruct, props: { table: ITable; bucket: IBucket }): void {
  const tableArn = nagRef(props.table.node.defaultChild as CfnElement);
  const bucketArn = nagRef(props.bucket.node.defaultChild as CfnElement);
  acknowledge(
    scope,
    `AwsSolutions-IAM5[Resource::${tableArn}/index/*]`,
    'grantReadWriteData covers the table and its GSIs; the wildcard names indexes of this one table only (gsi1 today, more as access patterns grow).',
  );
  acknowledge(
    scope,
    `AwsSolutions-IAM5[Resource::${bucketArn}/${API_OBJECT_PREFIX}*]`,
    `Tenant object keys are chosen at run time under ${API_OBJECT_PREFIX}<tenant>/; the wildcard is limited to that prefix of this one bucket, and the app builds every key from the token's tenant.`,
  );
}

/**
 * What every function of the app may touch: read/write on the table and on the tenants' objects,
 * the cursor secret; with `servesEvidence`, object versions and Object Lock retention too.
 */
export function grantAppData(
  f: AppFunction,
  props: { table: ITable; bucket: IBucket; cursorSecret: ISecret; servesEvidence: boolean },
): void {
  const { fn, role } = f;
  props.table.grantReadWriteData(fn);
  props.cursorSecret.grantRead(fn);

  // Object read/write limited to the tenants' prefix, with the few actions the app uses
  // (presigned POST uploads, HeadObject confirmation, GetObject downloads, deletes).
  role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resources: [props.bucket.arnForObjects(`${API_OBJECT_PREFIX}*`)],
    }),
  );
  // ListBucket makes HeadObject/GetObject answer 404 rather than 403 for a missing key, which the
  // upload confirmation relies on; it exposes key names only, of a bucket the app owns anyway.
  role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.bucket.bucketArn] }),
  );
  if (props.servesEvidence) {
    // Evidence: confirmation reads the version it checked; a refused or discarded upload is
    // removed with every version of it; the freeze sets (and may read) Object Lock retention.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [
          's3:GetObjectVersion',
          's3:DeleteObjectVersion',
          's3:PutObjectRetention',
          's3:GetObjectRetention',
        ],
        resources: [props.bucket.arnForObjects(`${API_OBJECT_PREFIX}*`)],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucketVersions'],
        resources: [props.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${API_OBJECT_PREFIX}*`] } },
      }),
    );
  }
}
