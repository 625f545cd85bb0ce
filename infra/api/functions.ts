import { Duration } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { grantBeforeScope } from '../data/data-roles';
import { REPORT_FONT_DIR } from '../lambda/bundling';
import { AppFunction } from '../lambda/node-function';
import { acknowledge } from '../nag';
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
        ...(signIn.issuer.logoutUrl ? { OIDC_LOGOUT_URL: signIn.issuer.logoutUrl } : {}),
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
   * Serves evidence (its routes, and the cycle transition that locks it): learns that the bucket
   * has Object Lock (EVIDENCE_OBJECT_LOCK), so a freeze sets retention; the object actions
   * themselves (versions, retention) are the tenant data role's, on the session's own prefix.
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
 * function's permissions: the few items read before the caller is known (`grantBeforeScope`; all
 * other data through the data roles, which `DataRoles` lets them assume), the secret, its own logs,
 * and Cognito admin actions only where users are written (and only with Cognito).
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
        // Signing out, disabling or demoting a user ends their sessions at Cognito too.
        'cognito-idp:AdminUserGlobalSignOut',
      );
    }
    // Its own role reads only what the auth middleware needs before the caller is known; handlers
    // reach data through the data roles (infra/data/data-roles.ts), one session per tenant.
    grantBeforeScope(f, props.table);
    this.cursorSecret.grantRead(f.fn);
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
