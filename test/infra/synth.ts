/**
 * Synthesizes the real app for tests: offline, no credentials, Lambda bundling skipped, the cloud
 * assembly in a temporary directory that `cleanup` removes. `context` as `cdk synth -c` gives it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CfnElement, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { vi } from 'vitest';
import { createApp } from '../../infra/create-app';

process.env.CDK_DISABLE_CLI_TELEMETRY = 'true';

export const synth = (options: { nag?: boolean; context?: Record<string, unknown> } = {}) => {
  const outdir = mkdtempSync(join(tmpdir(), 'jixiao-cdk-'));
  const { app, stack } = createApp({
    outdir,
    nag: options.nag ?? false,
    context: { 'aws:cdk:bundling-stacks': [], ...options.context },
  });
  const template = Template.fromStack(stack);
  /** Logical id of a construct's CloudFormation resource. */
  const idOf = (construct: IConstruct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
  return { app, stack, template, idOf, cleanup: () => rmSync(outdir, { recursive: true, force: true }) };
};

export type Synth = ReturnType<typeof synth>;

/** The resources of one type, as `[logicalId, resource]` pairs. */
export const resourcesOf = (template: Template, type: string) =>
  Object.entries(template.findResources(type)) as [
    string,
    { Properties: Record<string, unknown> } & Record<string, unknown>,
  ][];

/** The context of the China deployment: the aws-cn partition with an external OIDC issuer. */
export const CHINA_CONTEXT = {
  partition: 'aws-cn',
  oidcIssuer: 'https://sso.example.gov.cn/oidc',
  oidcAudience: 'jixiao-console',
  oidcJwksUrl: 'https://sso.example.gov.cn/oidc/jwks',
  oidcAuthorizeUrl: 'https://sso.example.gov.cn/oidc/authorize',
  oidcTokenUrl: 'https://sso.example.gov.cn/oidc/token',
} as const;

/** A cdk-nag acknowledgment as the stack made it: where, which rule, why. */
export interface Acknowledgment {
  path: string;
  id: string;
  reason: string;
}

/**
 * Synthesizes without cdk-nag and records every acknowledgment instead of applying it, to see
 * what each one hides.
 */
export function synthRecordingAcknowledgments(context?: Record<string, unknown>) {
  const acks: Acknowledgment[] = [];
  const spy = vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(function (
    this: Validations,
    ...rules
  ) {
    const scope = (this as unknown as { scope: { node: { path: string } } }).scope;
    for (const r of rules) acks.push({ path: scope.node.path, id: r.id, reason: r.reason });
  });
  try {
    return { synthed: synth({ nag: false, ...(context ? { context } : {}) }), acks };
  } finally {
    spy.mockRestore();
  }
}
