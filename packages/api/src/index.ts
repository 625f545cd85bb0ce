export * from './app';
export * from './auth/authenticate';
export * from './auth/session-guard';
export * from './auth/sign-out';
export * from './auth/token-verifier';
export * from './config';
export * from './deps';
export { defineRoute, mayCall, type Permission } from './http/route';
