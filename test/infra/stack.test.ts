import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../infra/api/functions';
import { STAGE_THROTTLE } from '../../infra/api/http-api';
import { FUNCTION_ROUTES, type HttpFunctionName, type RouteSpec } from '../../infra/api/routes';
import { BEFORE_SCOPE_READS } from '../../infra/data/data-roles';
import { createTableInput, TABLE } from '../../packages/data/src/table';
import { resourcesOf, type Synth, synth } from './synth';

let s: Synth;
beforeAll(() => {
  s = synth();
}, 60_000);
afterAll(() => s?.cleanup());

const ref = (logicalId: string) => ({ Ref: logicalId });
const arn = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

describe('DynamoDB table', () => {
  it('is the one table, shaped like packages/data TABLE', () => {
    s.template.resourceCountIs('AWS::DynamoDB::Table', 1);
    const local = createTableInput('local');
    s.template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: local.KeySchema,
      AttributeDefinitions: Match.arrayEquals(local.AttributeDefinitions),
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [
        {
          IndexName: TABLE.gsi1.name,
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('has TTL, point-in-time recovery, deletion protection, and is retained', () => {
    s.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });
});

describe('S3 buckets', () => {
  const dataId = () => s.idOf(s.stack.buckets.data);
  const logsId = () => s.idOf(s.stack.buckets.accessLogs);

  it('are two, each encrypted, versioned, fully private and retained', () => {
    const buckets = resourcesOf(s.template, 'AWS::S3::Bucket');
    expect(buckets.map(([id]) => id).sort()).toEqual([dataId(), logsId()].sort());
    for (const [, bucket] of buckets) {
      expect(bucket.DeletionPolicy).toBe('Retain');
      expect(bucket.Properties).toMatchObject({
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        VersioningConfiguration: { Status: 'Enabled' },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
      });
    }
  });

  it('deny every request not made over TLS', () => {
    for (const id of [dataId(), logsId()]) {
      s.template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: ref(id),
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 's3:*',
              Principal: { AWS: '*' },
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    }
  });

  it('log access to the data bucket into the access-log bucket', () => {
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: ref(logsId()), LogFilePrefix: 'data/' },
    });
  });
});

describe('Lambda functions', () => {
  const NAMES = Object.keys(FUNCTIONS) as HttpFunctionName[];
  const fnOf = (name: HttpFunctionName) => s.stack.api.functions[name];
  const propsOf = (name: HttpFunctionName) =>
    s.template.toJSON().Resources[s.idOf(fnOf(name).fn)].Properties as Record<string, unknown> & {
      Environment: { Variables: Record<string, unknown> };
    };
  const statementsOf = (name: HttpFunctionName) => {
    const policies = resourcesOf(s.template, 'AWS::IAM::Policy').filter(([, p]) =>
      JSON.stringify(p.Properties.Roles).includes(s.idOf(fnOf(name).role)),
    );
    expect(policies).toHaveLength(1);
    return (policies[0]![1].Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
  };
  const cognitoActions = (name: HttpFunctionName) =>
    statementsOf(name)
      .flatMap((st) => [st.Action].flat() as string[])
      .filter((a) => a.startsWith('cognito-idp:'));

  it('all run Node 24 on ARM with active tracing and a log group kept one year', () => {
    const fns = resourcesOf(s.template, 'AWS::Lambda::Function');
    // JSON API, indicators, files, console, the year-end batch and the pre-token trigger; no hidden
    // custom-resource Lambdas
    expect(fns).toHaveLength(6);
    for (const [, fn] of fns) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: expect.objectContaining({ Ref: expect.any(String) }) },
      });
    }
    const logGroups = resourcesOf(s.template, 'AWS::Logs::LogGroup');
    expect(logGroups).toHaveLength(8); // six functions, the API access log and the state machine's
    for (const [, group] of logGroups) {
      expect(group.Properties.RetentionInDays).toBe(365); // LOG_RETENTION, see test/infra/operations.test.ts
      expect(group.DeletionPolicy).toBe('Retain');
    }
  });

  it('split the app into the JSON API, indicators, files and console, each from its own entry', () => {
    expect(NAMES.sort()).toEqual(['api', 'console', 'files', 'indicators']);
    for (const name of NAMES) {
      expect(FUNCTIONS[name].entry).toBe(`functions/${name}/index.ts`);
      expect(propsOf(name)).toMatchObject({ MemorySize: FUNCTIONS[name].memorySize, Timeout: 29 });
    }
  });

  it('give every app function its settings, and USER_POOL_ID only where users are written', () => {
    const { stack, idOf } = s;
    for (const name of NAMES) {
      const env = propsOf(name).Environment.Variables;
      expect(env, name).toMatchObject({
        TABLE_NAME: ref(idOf(stack.table.table)),
        BUCKET_NAME: ref(idOf(stack.buckets.data)),
        TOKEN_ISSUER: { 'Fn::GetAtt': [idOf(stack.auth!.userPool), 'ProviderURL'] },
        TOKEN_AUDIENCE: ref(idOf(stack.auth!.client)),
        AUTH_BASE_URL: expect.objectContaining({ 'Fn::Join': expect.anything() }),
        CURSOR_SECRET_ARN: ref(idOf(stack.api.cursorSecret)),
        NODE_OPTIONS: '--enable-source-maps',
        LOG_LEVEL: 'info',
      });
      if (FUNCTIONS[name].writesUsers) expect(env.USER_POOL_ID).toEqual(ref(idOf(stack.auth!.userPool)));
      else expect(env, name).not.toHaveProperty('USER_POOL_ID');
    }
  });

  it('let only the JSON API and the console (which calls it in-process) manage sign-in accounts', () => {
    const { stack, idOf } = s;
    expect(NAMES.filter((n) => FUNCTIONS[n].writesUsers).sort()).toEqual(['api', 'console']);
    for (const name of ['api', 'console'] as const) {
      expect(statementsOf(name)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Action: expect.arrayContaining(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminDisableUser']),
            Resource: { 'Fn::GetAtt': [idOf(stack.auth!.userPool), 'Arn'] },
          }),
        ]),
      );
    }
    expect(cognitoActions('indicators')).toEqual([]);
    expect(cognitoActions('files')).toEqual([]);
  });

  it('generate a 48-character cursor secret', () => {
    s.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectLike({ PasswordLength: 48, ExcludePunctuation: true }),
    });
  });

  it("scope each function's role to the items read before the caller is known, the data roles, the secret and its own logs", () => {
    const { stack, idOf } = s;
    const table = idOf(stack.table.table);
    // Tenant data (items and objects) is reached through the data roles (test/infra/tenant-iam.test.ts).
    const leadingKeys = (keys: string[]) => ({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': keys },
      Null: { 'dynamodb:LeadingKeys': 'false' },
    });
    const dataRoles = [stack.dataRoles.tenant, stack.dataRoles.province, stack.dataRoles.platform];
    for (const name of NAMES) {
      const statements = statementsOf(name);
      expect(JSON.stringify(statements), name).not.toContain('s3:');
      expect(
        statements.filter((st) => JSON.stringify(st.Action).includes('dynamodb:')),
        name,
      ).toEqual([
        {
          Sid: 'BeforeScopeReads',
          Effect: 'Allow',
          Action: 'dynamodb:GetItem',
          Resource: arn(table),
          Condition: leadingKeys(BEFORE_SCOPE_READS),
        },
      ]);
      expect(statements, name).toEqual(
        expect.arrayContaining([
          {
            Effect: 'Allow',
            Action: ['sts:AssumeRole', 'sts:TagSession'],
            // CDK merges the three grants into one statement, resources sorted.
            Resource: dataRoles
              .map((r) => arn(idOf(r)))
              .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
          },
          {
            Effect: 'Allow',
            Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
            Resource: ref(idOf(stack.api.cursorSecret)),
          },
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: arn(idOf(fnOf(name).logGroup)),
          },
        ]),
      );
      // Nothing but X-Ray may use Resource "*", and no action is a wildcard.
      for (const st of statements) {
        if (st.Resource === '*')
          expect(st.Action).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
        expect(JSON.stringify(st.Action)).not.toContain('*');
      }
      // No function writes another function's logs.
      const logs = statements.filter((st) => JSON.stringify(st.Action).includes('logs:'));
      expect(logs, name).toHaveLength(1);
    }
    s.template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    for (const [, r] of resourcesOf(s.template, 'AWS::IAM::Role'))
      expect(r.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('HTTP API', () => {
  const authorizerId = () => {
    const [first] = resourcesOf(s.template, 'AWS::ApiGatewayV2::Authorizer');
    return first![0];
  };
  const routes = () =>
    resourcesOf(s.template, 'AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties) as {
      RouteKey: string;
      AuthorizationType: string;
      AuthorizerId?: unknown;
      Target: { 'Fn::Join': [string, unknown[]] };
    }[];
  const keys = (r: { authorized: readonly RouteSpec[]; open: readonly RouteSpec[] }) =>
    [...r.authorized, ...r.open].flatMap((spec) => spec.methods.map((m) => `${m} ${spec.path}`));
  /** The function a route's integration invokes (its logical id). */
  const targetOf = (route: ReturnType<typeof routes>[number]) => {
    const integrationRef = route.Target['Fn::Join'][1].find((x) => typeof x === 'object') as { Ref: string };
    const integration = s.template.toJSON().Resources[integrationRef.Ref].Properties;
    return (integration.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  };

  it('has a JWT authorizer for the user pool issuer and client', () => {
    s.template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::GetAtt': [s.idOf(s.stack.auth!.userPool), 'ProviderURL'] },
        Audience: [ref(s.idOf(s.stack.auth!.client))],
      },
    });
  });

  it('sends each route to its function: files and indicators by contract, /v1 otherwise to the JSON API', () => {
    const byKey = new Map(routes().map((r) => [r.RouteKey, targetOf(r)]));
    const expected = Object.entries(FUNCTION_ROUTES).flatMap(([name, r]) =>
      keys(r).map((key) => [key, s.idOf(s.stack.api.functions[name as HttpFunctionName].fn)] as const),
    );
    expect([...byKey.keys()].sort()).toEqual(expected.map(([key]) => key).sort());
    for (const [key, fn] of expected) expect(byKey.get(key), key).toBe(fn);
    expect(keys(FUNCTION_ROUTES.files).sort()).toEqual([
      'GET /v1/audit/export.xlsx',
      'GET /v1/comparisons/export.xlsx',
      'GET /v1/cycles/{cycleId}/exports/{table}',
      'GET /v1/cycles/{cycleId}/reports',
      'GET /v1/cycles/{cycleId}/reports/{kind}/{format}',
      'GET /v1/indicator-systems/{id}/versions/{v}/export.xlsx',
      'GET /v1/public/{tenant}/results/{cycleId}/reports/{kind}/{format}',
      'POST /v1/indicator-systems/import',
    ]);
    expect(keys(FUNCTION_ROUTES.console).sort()).toEqual(['ANY /console/{proxy+}', 'GET /', 'GET /console']);
    expect(keys(FUNCTION_ROUTES.api).sort()).toEqual(['ANY /v1/{proxy+}', 'GET /health']);
    // The API's description is served where most of its schemas are loaded anyway.
    // …and the publication (the office's) and the published results (the public's JSON).
    expect(keys(FUNCTION_ROUTES.indicators)).toEqual(
      expect.arrayContaining([
        'GET /docs',
        'GET /openapi.json',
        'GET /v1/cycles/{cycleId}/publication',
        'POST /v1/cycles/{cycleId}/publication',
        'GET /v1/public/{tenant}/results',
        'GET /v1/public/{tenant}/results/{cycleId}/units/{unit}',
        // Cross-region comparison (#12): sharing and the comparisons' JSON (the workbook: files).
        'POST /v1/cycles/{cycleId}/shares',
        'GET /v1/comparisons',
        'POST /v1/comparisons/what-if',
      ]),
    );
  });

  it('guards every /v1 route with the JWT authorizer and leaves only the public routes open', () => {
    for (const r of routes()) {
      const path = r.RouteKey.split(' ')[1]!;
      // The public consultation and published plans (arts. 11–12), the public survey and the
      // published results and their report files need no sign-in, by design.
      const v1 = path.startsWith('/v1/') && !path.startsWith('/v1/public/');
      expect(r.AuthorizationType, r.RouteKey).toBe(v1 ? 'JWT' : 'NONE');
      if (v1) expect(r.AuthorizerId, r.RouteKey).toEqual(ref(authorizerId()));
    }
    const open = routes()
      .filter((r) => r.AuthorizationType !== 'JWT')
      .map((r) => r.RouteKey);
    expect(open.sort()).toEqual(
      [
        'GET /',
        'GET /health',
        'GET /openapi.json',
        'GET /docs',
        'GET /console',
        'ANY /console/{proxy+}',
        'GET /v1/public/{tenant}/consultations/{consultationId}',
        'POST /v1/public/{tenant}/consultations/{consultationId}/comments',
        'GET /v1/public/{tenant}/plans',
        'GET /v1/public/{tenant}/cycles/{cycleId}/plans/{unit}',
        'POST /v1/public/{tenant}/cycles/{cycleId}/plans/{unit}/opinions',
        'GET /v1/public/{tenant}/surveys/{cycleId}/{surveyId}',
        'POST /v1/public/{tenant}/surveys/{cycleId}/{surveyId}/answers',
        'GET /v1/public/{tenant}/results',
        'GET /v1/public/{tenant}/results/{cycleId}',
        'GET /v1/public/{tenant}/results/{cycleId}/units/{unit}',
        'GET /v1/public/{tenant}/results/{cycleId}/reports/{kind}/{format}',
      ].sort(),
    );
  });

  it('lets the gateway invoke each function', () => {
    for (const name of Object.keys(FUNCTIONS) as HttpFunctionName[]) {
      s.template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: arn(s.idOf(s.stack.api.functions[name].fn)),
        Principal: 'apigateway.amazonaws.com',
      });
    }
  });

  it('logs access as JSON and throttles on the $default stage', () => {
    s.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: arn(s.idOf(s.stack.httpApi.accessLogs)),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
      DefaultRouteSettings: {
        ThrottlingRateLimit: STAGE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit,
      },
    });
  });
});

describe('Cognito', () => {
  it('has a user pool: admin-created users, optional TOTP, strong passwords, Plus tier, retained', () => {
    s.template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
        UserPoolTier: 'PLUS',
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
        DeletionProtection: 'ACTIVE',
      }),
    });
  });

  it('has the custom attributes tenant (6 chars), roles, unit, province, all mutable', () => {
    const custom = (name: string, constraints: Record<string, string>) => ({
      Name: name,
      AttributeDataType: 'String',
      Mutable: true,
      StringAttributeConstraints: constraints,
    });
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        custom('tenant', { MinLength: '6', MaxLength: '6' }),
        Match.objectLike({ Name: 'roles', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'unit', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'province', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('wires the pre-token-generation trigger as a V2_0 event and lets Cognito invoke it', () => {
    const fnArn = arn(s.idOf(s.stack.auth!.preToken.fn));
    s.template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: fnArn, LambdaVersion: 'V2_0' } },
    });
    s.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: fnArn,
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: arn(s.idOf(s.stack.auth!.userPool)),
    });
  });

  it('has a public client: code grant, no secret, 1 h tokens, no self-service writes to scope attributes', () => {
    s.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      TokenValidityUnits: Match.objectLike({ AccessToken: 'minutes', IdToken: 'minutes' }),
      CallbackURLs: [Match.anyValue()],
    });
    const [client] = resourcesOf(s.template, 'AWS::Cognito::UserPoolClient');
    const writable = client![1].Properties.WriteAttributes as string[];
    expect(writable.length).toBeGreaterThan(0); // an explicit allow-list; unset, the client could write every attribute
    for (const attribute of writable) {
      expect(attribute).not.toMatch(/^custom:|^(name|email)$/);
    }
  });
});

describe('outputs', () => {
  it('publish the API URL, user pool, client, table and bucket', () => {
    const outputs = s.template.findOutputs('*');
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'BucketName']),
    );
    expect(outputs.TableName!.Value).toEqual(ref(s.idOf(s.stack.table.table)));
    expect(outputs.BucketName!.Value).toEqual(ref(s.idOf(s.stack.buckets.data)));
    expect(outputs.UserPoolId!.Value).toEqual(ref(s.idOf(s.stack.auth!.userPool)));
    expect(outputs.UserPoolClientId!.Value).toEqual(ref(s.idOf(s.stack.auth!.client)));
  });

  it('stay environment-agnostic (no region pinned at synth)', () => {
    expect(JSON.stringify(s.template.toJSON())).not.toMatch(/us-east-1|cn-north-1/);
  });
});
