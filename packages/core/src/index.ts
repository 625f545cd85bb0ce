export * from './auth/policy';
export * from './auth/roles';
export * from './errors/app-error';
export * from './errors/catalogue';
export * from './org/schemas';
export * from './org/uscc';
export * from './tenancy/divisions';
export * from './tenancy/tenant';
