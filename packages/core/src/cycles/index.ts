export * from './audit';
export * from './model';
export * from './monitoring';
export * from './plans';
export * from './public-voice';
export * from './self-assessment';
export * from './states';
export * from './verification';
