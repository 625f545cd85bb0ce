import { App, Validations } from 'aws-cdk-lib';
import cdkJson from '../cdk.json' with { type: 'json' };
import { AwsSolutionsChecks } from './nag';
import { JixiaoStack } from './stack';

export const STACK_NAME = 'Jixiao';

export interface CreateAppOptions {
  /** Extra context, merged over the feature flags in cdk.json. */
  readonly context?: Record<string, unknown>;
  /** Cloud assembly directory. */
  readonly outdir?: string;
  /** Run the cdk-nag AwsSolutions pack at synth (default true). */
  readonly nag?: boolean;
}

/**
 * Builds the CDK app. `infra/app.ts` (what `cdk synth` runs) and the infra tests both call this and
 * both get the feature flags from cdk.json, so the tests check what is deployed. With `nag`, synth
 * fails on any cdk-nag finding that is not acknowledged in code.
 *
 * The stack is environment-agnostic (region and account stay CloudFormation pseudo parameters), so
 * one template deploys to any region of its partition; offline synth would otherwise pin the CLI's
 * default region. `-c partition=aws-cn` with an external OIDC issuer gives the China template
 * (`infra/profile.ts`).
 */
export const createApp = (options: CreateAppOptions = {}) => {
  const app = new App({
    outdir: options.outdir,
    context: { ...cdkJson.context, ...options.context },
  });
  const stack = new JixiaoStack(app, STACK_NAME, {
    description: 'jixiao: multi-tenant performance evaluation (API, data, storage, sign-in)',
    authDomainPrefix: app.node.tryGetContext('authDomainPrefix'),
    authCallbackPath: app.node.tryGetContext('authCallbackPath'),
    alarmEmail: app.node.tryGetContext('alarmEmail'),
  });
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
};
