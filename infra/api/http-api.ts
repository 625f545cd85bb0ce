import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
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

/** Stage throttling defaults (requests per second, burst); the account-level limit still applies above. */
export const STAGE_THROTTLE = { rateLimit: 200, burstLimit: 400 } as const;

/** Routes that require a bearer JWT verified by API Gateway before the Lambda runs. */
export const AUTHORIZED_ROUTES = [{ path: '/v1/{proxy+}', methods: [HttpMethod.ANY] }] as const;

/**
 * Routes open at the gateway. The app itself still authenticates: the console by its session cookie,
 * the rest are public by nature (health, API description, docs, landing page).
 */
export const PUBLIC_ROUTES = [
  { path: '/', methods: [HttpMethod.GET] },
  { path: '/health', methods: [HttpMethod.GET] },
  { path: '/openapi.json', methods: [HttpMethod.GET] },
  { path: '/docs', methods: [HttpMethod.GET] },
  { path: '/console', methods: [HttpMethod.GET] },
  { path: '/console/{proxy+}', methods: [HttpMethod.ANY] },
] as const;

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
 * Lambda exists (`route`), because the Lambda's environment needs the user pool client, whose
 * callback URL needs this API's URL.
 */
export class AppHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;

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
   * Sends every route to `handler`. Authorized routes carry a JWT authorizer for `issuer` and
   * `audience`; public routes are marked as deliberate for cdk-nag.
   */
  route(
    handler: IFunction,
    jwt: { issuer: string; audience: string },
  ): { authorized: HttpRoute[]; open: HttpRoute[] } {
    const integration = new HttpLambdaIntegration('Lambda', handler);
    const authorizer: IHttpRouteAuthorizer = new HttpJwtAuthorizer('Jwt', jwt.issuer, {
      jwtAudience: [jwt.audience],
      identitySource: ['$request.header.Authorization'],
    });

    const authorized = AUTHORIZED_ROUTES.flatMap((r) =>
      this.api.addRoutes({ path: r.path, methods: [...r.methods], integration, authorizer }),
    );
    const open = PUBLIC_ROUTES.flatMap((r) =>
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
