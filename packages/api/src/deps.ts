import type { Identity, Job } from '@jixiao/core';
import type { DataLayer, IdentityDirectory, RetryPolicy } from '@jixiao/data';

/** Verifies a bearer token and says who is calling; throws AppError 401 when it cannot. */
export type TokenVerifier = (token: string) => Promise<Identity>;

/** One structured log line (JSON on stdout in every deployment). */
export type Logger = (entry: Record<string, unknown>) => void;

/** Everything the app needs from the outside world; the same shape locally and on Lambda. */
export interface AppDeps {
  data: DataLayer;
  /** Mirrors tenant users into the identity provider (Cognito) so they can sign in. */
  directory: IdentityDirectory;
  verifyToken: TokenVerifier;
  now: () => Date;
  log: Logger;
  /** The identity provider the console signs users in with (OIDC code flow + PKCE). */
  oidc: { authorizeUrl: string; tokenUrl: string; clientId: string };
  /** Largest accepted JSON body, in bytes. */
  maxBodyBytes?: number;
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
