import type { Identity, Job } from '@jixiao/core';
import type { DataLayer, DataScope, IdentityDirectory, RetryPolicy } from '@jixiao/data';

/**
 * Verifies a bearer token and says who is calling, and when the token was issued (`iat`, epoch
 * seconds: the session guard compares it with the user's revocations); throws AppError 401 when it
 * cannot.
 */
export type TokenVerifier = (token: string) => Promise<Identity & { issuedAt: number }>;

/** One structured log line (JSON on stdout in every deployment). */
export type Logger = (entry: Record<string, unknown>) => void;

/** One answered request, as the request log sees it. */
export interface RequestOutcome {
  /** The matched route's path template (`GET /v1/cycles/:cycle`), never the path with ids. */
  route: string;
  status: number;
  ms: number;
}

/** Where per-request metrics go (the cloud functions: CloudWatch EMF; absent on the embedded stack). */
export interface RequestMetrics {
  request(outcome: RequestOutcome): void;
}

/**
 * The issuer's logout page, where the console sends the browser after signing out so the issuer's
 * own sign-in session ends too. Cognito's hosted UI names the way back `logout_uri`; an OpenID
 * provider's `end_session_endpoint` names it `post_logout_redirect_uri`.
 */
export interface IssuerLogout {
  url: string;
  returnParam: 'logout_uri' | 'post_logout_redirect_uri';
}

/** Everything the app needs from the outside world; the same shape locally and on Lambda. */
export interface AppDeps {
  data: DataLayer;
  /**
   * The data layer of one tenant, province or the platform, whose clients sign with that scope's
   * role (cloud: `dataSessions`); `tenantScope` swaps it in once the caller is known. Absent
   * (the embedded stack has no IAM): every scope uses `data`.
   */
  dataFor?: (scope: DataScope) => DataLayer;
  /** Mirrors tenant users into the identity provider (Cognito) so they can sign in. */
  directory: IdentityDirectory;
  verifyToken: TokenVerifier;
  now: () => Date;
  log: Logger;
  metrics?: RequestMetrics;
  /** The identity provider the console signs users in with (OIDC code flow + PKCE). */
  oidc: { authorizeUrl: string; tokenUrl: string; clientId: string; logout?: IssuerLogout };
  /** Largest accepted JSON body, in bytes. */
  maxBodyBytes?: number;
  /**
   * Served only over HTTPS (the cloud): responses carry Strict-Transport-Security. Never on the
   * embedded stack's http://127.0.0.1, where a browser would then refuse plain HTTP for the host.
   */
  hsts?: boolean;
  /** Seconds a tenant's plan status is cached per instance before it is read again. */
  tenantCacheSeconds?: number;
  /** Served on /health. */
  version?: string;
  /** How evidence files are protected once locked (default: no Object Lock, as on s3rver). */
  evidence?: EvidenceDeps;
  /** Starts the year-end state machine (cloud: Step Functions; locally: the same definition in-process). */
  evaluation?: EvaluationLauncher;
}

/**
 * Starts one execution of the year-end state machine for a job (a run's first attempt or a
 * resumption). Returns once the execution is accepted; progress is read from the run record.
 */
export interface EvaluationLauncher {
  start(job: Job): Promise<void>;
}

/**
 * Evidence storage of a deployment. With `objectLock` (the cloud bucket has S3 Object Lock), locking
 * a cycle's evidence also sets COMPLIANCE retention on each file version; s3rver has no Object Lock,
 * so the embedded stack records the lock in the table only.
 */
export interface EvidenceDeps {
  objectLock: boolean;
  /** Retries of a throttled retention call before it is reported (tests shorten the waits). */
  retentionRetry?: RetryPolicy;
}

export const jsonLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

export type AppEnv = {
  Variables: {
    requestId: string;
    identity: Identity;
    deps: AppDeps;
  };
};
