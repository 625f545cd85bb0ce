import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AppFunction } from '../lambda/node-function';
import { acknowledge } from '../nag';

/** The Cognito pre-token-generation trigger's entry point. */
export const PRE_TOKEN_ENTRY = 'functions/pre-token/index.ts';

export interface AppAuthProps {
  /** Where the hosted sign-in may redirect after sign-in (the console's OAuth callback). */
  readonly callbackUrls: string[];
  /** Where the hosted sign-in may redirect after sign-out. */
  readonly logoutUrls: string[];
  /** Prefix of the Cognito hosted domain `<prefix>.auth.<region>.amazoncognito.com`. */
  readonly domainPrefix: string;
}

/**
 * Sign-in: a Cognito user pool whose users are created by administrators, carrying the tenant,
 * roles and scope as custom attributes that a pre-token-generation trigger copies into plain
 * `tenant`, `roles`, `unit`, `province`, `name` claims of both ID and access tokens.
 */
export class AppAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly preToken: AppFunction;

  constructor(scope: Construct, id: string, props: AppAuthProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: false, mutable: true },
        fullname: { required: false, mutable: true },
      },
      customAttributes: {
        // The 6-digit administrative division code of the city or county. Mutable so an
        // administrator can move a user; users themselves cannot write it (see writeAttributes).
        tenant: new StringAttribute({ minLen: 6, maxLen: 6, mutable: true }),
        // Comma-separated role names.
        roles: new StringAttribute({ minLen: 1, maxLen: 512, mutable: true }),
        unit: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        province: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus tier: threat protection (compromised credentials, adaptive authentication), enforced.
      // It also allows the V2_0 pre-token trigger (access token customisation).
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      userVerification: {
        emailSubject: '绩效评价系统邮箱验证 / Verify your email',
        emailBody: '验证码 / Verification code: {####}',
      },
      userInvitation: {
        emailSubject: '绩效评价系统账号 / Performance evaluation account',
        emailBody: '您的用户名 / Your username: {username}<br>临时密码 / Temporary password: {####}',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is OPTIONAL with TOTP only, a product decision: administrators create every account and users enrol an authenticator app themselves; REQUIRED would block the first sign-in of users who have none yet. Plus-tier threat protection is enforced instead.',
    );

    this.preToken = new AppFunction(this, 'PreToken', {
      entry: PRE_TOKEN_ENTRY,
      description: 'Cognito pre-token-generation (V2_0): tenant, roles, unit, province, name claims',
      memorySize: 256,
      timeout: Duration.seconds(5),
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.preToken.fn,
      LambdaVersion.V2_0,
    );

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });

    this.client = this.userPool.addClient('Client', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        // Authorization code grant; Cognito enforces PKCE for public clients when a code_challenge is sent.
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: props.callbackUrls,
        logoutUrls: props.logoutUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      // Users may edit only harmless profile fields. Tenant, roles, unit, province, name and email
      // are written by administrators (AdminUpdateUserAttributes), never by the user's own token.
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true, timezone: true }),
    });
  }

  /** The issuer of the pool's tokens, `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  get issuer(): string {
    return this.userPool.userPoolProviderUrl;
  }
}
