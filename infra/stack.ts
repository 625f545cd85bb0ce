import { AUTH_CALLBACK_PATH } from '@jixiao/core';
import { Aws, CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ApiFunctions } from './api/functions';
import { AppHttpApi } from './api/http-api';
import { FUNCTION_ROUTES } from './api/routes';
import { AppAuth } from './auth/user-pool';
import { AppTable } from './data/table';
import { EvaluationBatch } from './evaluation/batch';
import { AppBuckets } from './storage/buckets';

export interface JixiaoStackProps extends StackProps {
  /** Cognito hosted-domain prefix; must be unique in the region. Default `jixiao-<account>`. */
  readonly authDomainPrefix?: string;
  /** Console path that receives the OAuth authorization code. Default `/console/auth/callback`. */
  readonly authCallbackPath?: string;
}

/**
 * Everything the cloud deployment needs: data, storage, sign-in, the app's functions (JSON API,
 * indicators, files, console), the HTTP API in front of them and the year-end batch.
 */
export class JixiaoStack extends Stack {
  readonly table: AppTable;
  readonly buckets: AppBuckets;
  readonly auth: AppAuth;
  readonly httpApi: AppHttpApi;
  readonly api: ApiFunctions;
  readonly evaluation: EvaluationBatch;

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
    const callbackPath = (props.authCallbackPath ?? AUTH_CALLBACK_PATH).replace(/^\//, '');
    this.auth = new AppAuth(this, 'Auth', {
      domainPrefix: props.authDomainPrefix ?? `jixiao-${Aws.ACCOUNT_ID}`,
      callbackUrls: [`${baseUrl}${callbackPath}`],
      logoutUrls: [`${baseUrl}console`],
    });

    this.api = new ApiFunctions(this, 'Api', {
      table: this.table.table,
      bucket: this.buckets.data,
      tokenIssuer: this.auth.issuer,
      tokenAudience: this.auth.client.userPoolClientId,
      authBaseUrl: this.auth.domain.baseUrl(),
      userPool: this.auth.userPool,
    });

    // The year-end batch; the functions serving the evaluation routes start its executions.
    this.evaluation = new EvaluationBatch(this, 'Evaluation', {
      table: this.table.table,
      bucket: this.buckets.data,
      cursorSecret: this.api.cursorSecret,
      environment: this.api.environment,
    });
    this.api.startsEvaluation(this.evaluation.stateMachine);

    const jwt = this.httpApi.jwtAuthorizer({
      issuer: this.auth.issuer,
      audience: this.auth.client.userPoolClientId,
    });
    this.httpApi.route('Api', this.api.functions.api.fn, FUNCTION_ROUTES.api, jwt);
    this.httpApi.route('Indicators', this.api.functions.indicators.fn, FUNCTION_ROUTES.indicators, jwt);
    this.httpApi.route('Files', this.api.functions.files.fn, FUNCTION_ROUTES.files, jwt);
    this.httpApi.route('Console', this.api.functions.console.fn, FUNCTION_ROUTES.console);

    new CfnOutput(this, 'ApiUrl', { value: baseUrl, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'AuthDomain', {
      value: this.auth.domain.baseUrl(),
      description: 'Hosted sign-in base URL',
    });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
    new CfnOutput(this, 'BucketName', { value: this.buckets.data.bucketName });
    new CfnOutput(this, 'EvaluationStateMachineArn', {
      value: this.evaluation.stateMachine.stateMachineArn,
      description: 'The year-end evaluation state machine',
    });
  }
}
