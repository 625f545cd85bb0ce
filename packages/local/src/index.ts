export * from './demo-data';
export * from './dev-issuer';
export * from './embedded-services';
export * from './evaluation';
export * from './stack';
