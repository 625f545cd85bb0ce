import { AUTH_CALLBACK_PATH } from '@jixiao/core';
import { Aws, CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ApiFunctions, type SignIn } from './api/functions';
import { AppHttpApi } from './api/http-api';
import { FUNCTION_ROUTES } from './api/routes';
import { AppAuth } from './auth/user-pool';
import { DataRoles } from './data/data-roles';
import { AppTable } from './data/table';
import { EvaluationBatch } from './evaluation/batch';
import { AppFunction } from './lambda/node-function';
import { AppAlarms } from './monitoring/alarms';
import { type DeploymentProfile, deploymentProfile } from './profile';
import { AppBuckets } from './storage/buckets';

export interface JixiaoStackProps extends StackProps {
  /** Cognito hosted-domain prefix; must be unique in the region. Default `jixiao-<account>`. */
  readonly authDomainPrefix?: string;
  /** Console path that receives the OAuth authorization code. Default `/console/auth/callback`. */
  readonly authCallbackPath?: string;
  /** Where alarm mail goes; other subscribers can be added to the alarm topic. */
  readonly alarmEmail?: string;
}

/**
 * Everything the cloud deployment needs: data, storage, sign-in, the app's functions (JSON API,
 * indicators, files, console), the HTTP API in front of them, the year-end batch and the alarms.
 * Sign-in is the stack's Cognito user pool, or an external OIDC issuer (always in the China
 * regions, which have no user pools): see `infra/profile.ts`.
 */
export class JixiaoStack extends Stack {
  readonly profile: DeploymentProfile;
  readonly table: AppTable;
  readonly buckets: AppBuckets;
  /** The Cognito user pool; absent with an external issuer. */
  readonly auth?: AppAuth;
  readonly httpApi: AppHttpApi;
  readonly api: ApiFunctions;
  readonly evaluation: EvaluationBatch;
  /** The roles the functions reach data through, one session per tenant, province or the platform. */
  readonly dataRoles: DataRoles;
  readonly alarms: AppAlarms;

  constructor(scope: Construct, id: string, props: JixiaoStackProps = {}) {
    super(scope, id, props);

    this.table = new AppTable(this, 'Data');
    this.buckets = new AppBuckets(this, 'Storage');
    this.httpApi = new AppHttpApi(this, 'Http');
    // The console's upload script POSTs evidence straight to the bucket (presigned), from the API's origin.
    this.buckets.allowBrowserUploads([
      Fn.join('', ['https://', this.httpApi.api.apiId, '.execute-api.', Aws.REGION, '.', Aws.URL_SUFFIX]),
    ]);

    const baseUrl = this.httpApi.url;
    this.profile = deploymentProfile(this.node);
    const external = this.profile.externalIssuer;
    let signIn: SignIn;
    if (external) {
      signIn = { kind: 'external', issuer: external };
    } else {
      const callbackPath = (props.authCallbackPath ?? AUTH_CALLBACK_PATH).replace(/^\//, '');
      this.auth = new AppAuth(this, 'Auth', {
        domainPrefix: props.authDomainPrefix ?? `jixiao-${Aws.ACCOUNT_ID}`,
        callbackUrls: [`${baseUrl}${callbackPath}`],
        logoutUrls: [`${baseUrl}console`],
      });
      signIn = {
        kind: 'cognito',
        userPool: this.auth.userPool,
        issuer: this.auth.issuer,
        audience: this.auth.client.userPoolClientId,
        authBaseUrl: this.auth.domain.baseUrl(),
      };
    }

    this.api = new ApiFunctions(this, 'Api', {
      table: this.table.table,
      bucket: this.buckets.data,
      signIn,
    });

    // The year-end batch; the functions serving the evaluation routes start its executions.
    this.evaluation = new EvaluationBatch(this, 'Evaluation', {
      table: this.table.table,
      bucket: this.buckets.data,
      cursorSecret: this.api.cursorSecret,
      environment: this.api.environment,
    });
    this.api.startsEvaluation(this.evaluation.stateMachine);
    this.dataRoles = new DataRoles(this, 'DataRoles', {
      table: this.table.table,
      bucket: this.buckets.data,
      functions: [...Object.values(this.api.functions), this.evaluation.function],
    });

    const jwt = this.httpApi.jwtAuthorizer(
      signIn.kind === 'cognito' ? signIn : { issuer: signIn.issuer.issuer, audience: signIn.issuer.audience },
    );
    this.httpApi.route('Api', this.api.functions.api.fn, FUNCTION_ROUTES.api, jwt);
    this.httpApi.route('Indicators', this.api.functions.indicators.fn, FUNCTION_ROUTES.indicators, jwt);
    this.httpApi.route('Files', this.api.functions.files.fn, FUNCTION_ROUTES.files, jwt);
    this.httpApi.route('Console', this.api.functions.console.fn, FUNCTION_ROUTES.console);

    new CfnOutput(this, 'ApiUrl', { value: baseUrl, description: 'Base URL of the HTTP API' });
    if (this.auth) {
      new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
      new CfnOutput(this, 'AuthDomain', {
        value: this.auth.domain.baseUrl(),
        description: 'Hosted sign-in base URL',
      });
    } else if (external) {
      new CfnOutput(this, 'TokenIssuer', { value: external.issuer, description: 'External OIDC issuer' });
    }
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'BucketName', { value: this.buckets.data.bucketName });
    // Every function of the stack, found rather than listed, so a new one cannot go unwatched.
    const functions = this.node
      .findAll()
      .filter((c): c is AppFunction => c instanceof AppFunction)
      .map((fn) => ({ id: fn.node.path.split('/').slice(1).join(''), fn }));
    this.alarms = new AppAlarms(this, 'Alarms', {
      functions,
      httpApi: this.httpApi.api,
      table: this.table.table,
      stateMachine: this.evaluation.stateMachine,
      email: props.alarmEmail,
    });
    new CfnOutput(this, 'AlarmTopicArn', {
      value: this.alarms.topic.topicArn,
      description: 'SNS topic of every alarm (subscribe operators here)',
    });
    new CfnOutput(this, 'EvaluationStateMachineArn', {
      value: this.evaluation.stateMachine.stateMachineArn,
      description: 'The year-end evaluation state machine',
    });
  }
}
