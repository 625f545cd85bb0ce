import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  AUTH_CALLBACK_PATH,
  errors,
  type Identity,
  ROLE_LABELS,
  type Role,
  type Tenant,
  type User,
} from '@jixiao/core';
import { type DataLayer, keys } from '@jixiao/data';
import { type Context, Hono } from 'hono';
import { html } from 'hono/html';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { z } from 'zod';
import { boundedCodes } from './dev-issuer-codes';
import { formLimit, hostGuard } from './dev-issuer-guard';

/**
 * The embedded stack's token issuer: an RS256 key (kept in the data folder, so tokens survive a
 * restart), a JWKS endpoint, an OIDC authorize page listing every user, and POST /dev/token for
 * scripts and load tests. It exists only in the local stack; the cloud build uses Cognito or another
 * OIDC issuer, and `test/infra/no-dev-issuer.test.ts` checks that no function bundle contains it.
 * Since anyone who can reach it can sign in as anyone, it answers only to loopback `Host` names
 * (DNS rebinding), keeps a bounded set of single-use codes, and limits its form bodies.
 */
export const DEV_AUDIENCE = 'jixiao-local';
const KID = 'jixiao-dev-1';
const TOKEN_HOURS = 8;
/** Authorization codes outstanding at once, and how long one lives. */
export const MAX_CODES = 1000;
const CODE_TTL_MS = 60_000;

/** Every path the issuer serves: each is guarded by the Host allow-list before anything else. */
const PATHS = {
  jwks: '/.well-known/jwks.json',
  discovery: '/.well-known/openid-configuration',
  token: '/dev/token',
  signIn: '/dev/sign-in',
  authorize: '/oauth2/authorize',
  oauthToken: '/oauth2/token',
  logout: '/logout',
} as const;

/** Where the issuer's logout page may send the browser back to: the console, as Cognito's client allows. */
const LOGOUT_RETURN_PATH = '/console';

export interface DevIssuer {
  issuer: string;
  audience: string;
  jwks: ReturnType<typeof createLocalJWKSet>;
  /** Signs a token for an identity (tests use it to act as anyone). */
  sign(identity: Identity): Promise<string>;
  /** Signs a token for a stored user (`tenant` undefined = platform user). */
  signFor(tenant: string | undefined, userId: string): Promise<string>;
  routes: Hono;
}

async function loadOrCreateKey(keyFile: string | undefined): Promise<JWK> {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  }
  return jwk;
}

export interface DirectoryEntry {
  tenant?: Tenant;
  user: User | { id: string; name: string; roles: Role[] };
}

/** Every signed-in-able user: platform users, then each tenant's users. Dev only. */
async function directory(data: DataLayer): Promise<DirectoryEntry[]> {
  const out: DirectoryEntry[] = [];
  const platform = await data.store.all<{ id: string; name: string; roles: Role[] }>(
    keys.platformUsers(),
    'PLATFORM:users',
  );
  for (const user of platform) out.push({ user });
  const tenants = await data.store.all<Tenant>(keys.tenantsPartition(), 'PLATFORM:tenants');
  for (const tenant of tenants) {
    const users = await data.store.all<User>(keys.users(tenant.code), `T:${tenant.code}:dev`);
    for (const user of users) out.push({ tenant, user });
  }
  return out;
}

export async function createDevIssuer(opts: {
  issuer: string;
  keyFile?: string;
  data: DataLayer;
}): Promise<DevIssuer> {
  const privateJwk = await loadOrCreateKey(opts.keyFile);
  const privateKey = await importJWK(privateJwk, 'RS256');
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const jwksDoc = { keys: [{ ...publicJwk, kid: KID, alg: 'RS256', use: 'sig' }] };
  const jwks = createLocalJWKSet(jwksDoc);

  const sign = (id: Identity) =>
    new SignJWT({
      name: id.name,
      roles: id.roles,
      ...(id.tenant ? { tenant: id.tenant } : {}),
      ...(id.unit ? { unit: id.unit } : {}),
      ...(id.province ? { province: id.province } : {}),
      // Only tests set it, to sign a Cognito-like token whose `sub` is not the user record's id.
      ...(id.username ? { username: id.username } : {}),
    })
      .setProtectedHeader({ alg: 'RS256', kid: KID })
      .setSubject(id.sub)
      .setIssuer(opts.issuer)
      .setAudience(DEV_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_HOURS}h`)
      .sign(privateKey);

  const signFor = async (tenant: string | undefined, userId: string) => {
    const entries = await directory(opts.data);
    const hit = entries.find((e) => e.user.id === userId && e.tenant?.code === tenant);
    if (!hit) throw errors.notFound(`用户 ${userId}`, `User ${userId}`);
    const u = hit.user;
    if ('active' in u && !u.active)
      throw errors.forbidden('登录（账号已停用）', 'sign in (account disabled)');
    const identity: Identity = { sub: u.id, name: u.name, roles: u.roles as Role[] };
    if (hit.tenant) identity.tenant = hit.tenant.code;
    if ('unit' in u && u.unit) identity.unit = u.unit;
    if (hit.tenant && u.roles.includes('provincial_analyst')) identity.province = hit.tenant.provinceCode;
    return sign(identity);
  };

  const routes = new Hono();
  // Mounted at the root of the local stack, so a `use('*')` here would guard the product too.
  const guard = hostGuard(opts.issuer);
  for (const path of Object.values(PATHS)) routes.use(path, guard);
  routes.get(PATHS.jwks, (c) => c.json(jwksDoc));
  routes.get(PATHS.discovery, (c) =>
    c.json({
      issuer: opts.issuer,
      jwks_uri: `${opts.issuer}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['RS256'],
    }),
  );

  const tokenRequest = z.object({
    tenant: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    user: z.string().min(1).max(64),
  });
  routes.post(PATHS.token, formLimit(), async (c) => {
    const parsed = tokenRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) {
      return c.json(
        {
          code: 'validation_failed',
          message: {
            zh: '需要 {"tenant":"230100","user":"hrb-admin"}',
            en: 'expected {"tenant":"230100","user":"hrb-admin"}',
          },
        },
        422,
      );
    }
    try {
      const token = await signFor(parsed.data.tenant, parsed.data.user);
      return c.json({ access_token: token, token_type: 'Bearer', expires_in: TOKEN_HOURS * 3600 });
    } catch (e) {
      const err = e as { status?: number; code?: string; zh?: string; en?: string };
      return c.json({ code: err.code, message: { zh: err.zh, en: err.en } }, (err.status ?? 500) as 404);
    }
  });

  // OIDC authorization code flow with PKCE, the same shape as Cognito's hosted UI, so the console's
  // sign-in code is exercised locally exactly as in the cloud.
  const codes = boundedCodes<{ tenant?: string; user: string; challenge: string; redirectUri: string }>({
    max: MAX_CODES,
    ttlMs: CODE_TTL_MS,
  });
  const callback = `${opts.issuer}${AUTH_CALLBACK_PATH}`;
  const authorizeQuery = z.object({
    response_type: z.literal('code'),
    client_id: z.literal(DEV_AUDIENCE),
    redirect_uri: z.literal(callback),
    state: z.string().min(8).max(200),
    code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    code_challenge_method: z.literal('S256'),
  });
  const badRequest = (c: Context, zh: string, en: string) =>
    c.json({ error: 'invalid_request', error_description: `${zh} / ${en}` }, 400);

  routes.get(PATHS.signIn, (c) => c.redirect('/console/auth/login', 302));

  // Cognito's hosted-UI logout, in the same shape: the console sends the browser here after signing
  // out. This issuer keeps no sign-in session of its own, so there is nothing to end; it checks the
  // request as Cognito does (the client, and a return address the client registered) and sends the
  // browser back.
  const logoutQuery = z.object({
    client_id: z.literal(DEV_AUDIENCE),
    logout_uri: z.literal(`${opts.issuer}${LOGOUT_RETURN_PATH}`),
  });
  routes.get(PATHS.logout, (c) => {
    const q = logoutQuery.safeParse(c.req.query());
    if (!q.success) return badRequest(c, '退出登录请求参数无效', 'invalid logout request');
    return c.redirect(q.data.logout_uri, 302);
  });

  routes.get(PATHS.authorize, async (c) => {
    const q = authorizeQuery.safeParse(c.req.query());
    if (!q.success) return badRequest(c, '授权请求参数无效', 'invalid authorization request');
    const hidden = Object.entries(q.data).map(
      ([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`,
    );
    const entries = await directory(opts.data);
    const rows = entries.map(
      (e) => html`<tr>
        <td>${e.tenant ? `${e.tenant.name}（${e.tenant.code}）` : '平台 Platform'}</td>
        <td>${e.user.name}</td><td><code>${e.user.id}</code></td>
        <td>${e.user.roles.map((r) => ROLE_LABELS[r as Role]?.zh ?? r).join('、')}</td>
        <td>${'unit' in e.user && e.user.unit ? e.user.unit : ''}</td>
        <td><form method="post" action="/oauth2/authorize">${hidden}
          <input type="hidden" name="tenant" value="${e.tenant?.code ?? ''}"><input type="hidden" name="user" value="${e.user.id}">
          <button type="submit" data-user="${e.user.id}">登录 Sign in</button></form></td></tr>`,
    );
    return c.html(html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>开发登录 Dev sign-in</title><link rel="icon" href="data:,">
<style>body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}button{cursor:pointer}</style></head>
<body><h1>开发环境登录 / Dev sign-in</h1>
<p>仅本地嵌入式环境提供此页面；云端由 Cognito 托管登录页完成同一流程。/ Only the embedded stack has this page; in the cloud, Cognito's hosted UI runs the same flow.</p>
<table><thead><tr><th>租户 Tenant</th><th>姓名 Name</th><th>用户 ID</th><th>角色 Roles</th><th>单位 Unit</th><th></th></tr></thead>
<tbody>${rows}</tbody></table></body></html>`);
  });

  routes.post(PATHS.authorize, formLimit(), async (c) => {
    const form = await c.req.parseBody();
    const q = authorizeQuery.safeParse(form);
    const user = typeof form.user === 'string' ? form.user : '';
    const tenant = typeof form.tenant === 'string' && form.tenant ? form.tenant : undefined;
    if (!q.success || !user) return badRequest(c, '授权请求参数无效', 'invalid authorization request');
    const code = randomBytes(24).toString('base64url');
    codes.put(code, { tenant, user, challenge: q.data.code_challenge, redirectUri: q.data.redirect_uri });
    const to = new URL(q.data.redirect_uri);
    to.search = new URLSearchParams({ code, state: q.data.state }).toString();
    return c.redirect(to.toString(), 303);
  });

  routes.post(PATHS.oauthToken, formLimit(), async (c) => {
    const form = await c.req.parseBody();
    const code = typeof form.code === 'string' ? form.code : '';
    const grant = codes.take(code); // single use, whatever happens next
    const verifier = typeof form.code_verifier === 'string' ? form.code_verifier : '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      form.grant_type !== 'authorization_code' ||
      form.client_id !== DEV_AUDIENCE ||
      !grant ||
      grant.redirectUri !== form.redirect_uri ||
      grant.challenge !== challenge
    ) {
      return c.json({ error: 'invalid_grant' }, 400);
    }
    try {
      const token = await signFor(grant.tenant, grant.user);
      return c.json({ access_token: token, token_type: 'Bearer', expires_in: TOKEN_HOURS * 3600 });
    } catch {
      return c.json({ error: 'invalid_grant' }, 400);
    }
  });

  return { issuer: opts.issuer, audience: DEV_AUDIENCE, jwks, sign, signFor, routes };
}
