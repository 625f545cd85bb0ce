/**
 * cdk-nag 3 helpers. cdk-nag 3 is a CDK policy-validation plugin: findings are acknowledged through
 * `Validations.of(construct).acknowledge()`, one finding id at a time (`AwsSolutions-IAM5[Resource::*]`),
 * on the construct or any of its ancestors.
 */
import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export { AwsSolutionsChecks } from 'cdk-nag';

/** Acknowledges one cdk-nag finding on each scope and everything under it; the reason is required. */
export const acknowledge = (scopes: IConstruct | readonly IConstruct[], id: string, reason: string): void => {
  for (const scope of [scopes].flat()) Validations.of(scope).acknowledge({ id, reason });
};

/** How cdk-nag spells an attribute reference inside a finding id, e.g. `<DataTable1A2B3C4D.Arn>`. */
export const nagRef = (element: CfnElement, attribute = 'Arn'): string =>
  `<${Stack.of(element).getLogicalId(element)}.${attribute}>`;
