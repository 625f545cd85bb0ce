/** The console's session cookie: it holds the access token the API verifies like a bearer token. */
export const TOKEN_COOKIE = 'jx_token';

/** Where the console's OIDC sign-in returns to (registered with the identity provider). */
export const AUTH_CALLBACK_PATH = '/console/auth/callback';
