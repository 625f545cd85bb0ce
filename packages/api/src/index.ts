export * from './app';
export * from './auth/authenticate';
export * from './auth/token-verifier';
export * from './config';
export * from './deps';
export { defineRoute, mayCall, type Permission } from './http/route';
