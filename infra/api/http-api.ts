import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  type HttpRoute,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LOG_RETENTION } from '../lambda/node-function';
import { acknowledge } from '../nag';
import type { FunctionRoutes } from './routes';

/** Stage throttling defaults (requests per second, burst); the account-level limit still applies above. */
export const STAGE_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;

/** One JSON line per request; `tenant` and `sub` come from the JWT on authorized routes. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    protocol: '$context.protocol',
    responseLength: '$context.responseLength',
    responseLatency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    tenant: '$context.authorizer.claims.tenant',
    sub: '$context.authorizer.claims.sub',
  }),
);

/**
 * The HTTP API: a `$default` stage with access logs and throttling. Routes are added once the
 * functions exist (`route`, per function), because their environment needs the user pool client,
 * whose callback URL needs this API's URL.
 */
export class AppHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  private authorizer?: IHttpRouteAuthorizer;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'jixiao performance evaluation API',
      createDefaultStage: false,
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: ACCESS_LOG_FORMAT,
      },
    });
  }

  /** Base URL of the API, ending in `/`. */
  get url(): string {
    return this.stage.url;
  }

  /**
   * The one JWT authorizer for `issuer` and `audience`, shared by every authorized route of every
   * function (API Gateway verifies the token before any Lambda runs).
   */
  jwtAuthorizer(jwt: { issuer: string; audience: string }): IHttpRouteAuthorizer {
    this.authorizer ??= new HttpJwtAuthorizer('Jwt', jwt.issuer, {
      jwtAudience: [jwt.audience],
      identitySource: ['$request.header.Authorization'],
    });
    return this.authorizer;
  }

  /**
   * Sends a function's routes to it: authorized routes through `authorizer`, open routes without
   * one, marked as deliberate for cdk-nag.
   */
  route(
    id: string,
    handler: IFunction,
    routes: FunctionRoutes,
    authorizer?: IHttpRouteAuthorizer,
  ): { authorized: HttpRoute[]; open: HttpRoute[] } {
    const integration = new HttpLambdaIntegration(id, handler);
    if (routes.authorized.length && !authorizer)
      throw new Error(`${id}: authorized routes need an authorizer`);
    const authorized = routes.authorized.flatMap((r) =>
      this.api.addRoutes({ path: r.path, methods: [...r.methods], integration, authorizer }),
    );
    const open = routes.open.flatMap((r) =>
      this.api.addRoutes({ path: r.path, methods: [...r.methods], integration }),
    );

    acknowledge(
      open,
      'AwsSolutions-APIG4',
      'Deliberately public at the gateway: health check, OpenAPI description and docs, landing page, and the console, which authenticates by an HttpOnly session cookie that a JWT authorizer cannot read; the app verifies that session itself.',
    );
    return { authorized, open };
  }
}
