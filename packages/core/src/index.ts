export * from './auth/identity';
export * from './auth/policy';
export * from './auth/roles';
export * from './auth/session';
export * from './cycles';
export * from './errors/app-error';
export * from './errors/catalogue';
export * from './errors/problem';
export * from './errors/zod-issues';
export * from './evaluation';
export * from './evidence';
export * from './experts';
export * from './files/media-types';
export * from './finance';
export * from './ids';
export * from './indicators/access';
export * from './indicators/draft-edits';
export * from './indicators/inputs';
export * from './indicators/lifecycle';
export * from './indicators/model';
export * from './indicators/provenance';
export * from './indicators/sample-inputs';
export * from './indicators/template-groups';
export * from './indicators/templates';
export {
  assertValidSystem,
  type SystemCheck,
  type SystemIssue,
  usesTarget,
  type ValidateContext,
  validateSystem,
  WEIGHT_TOLERANCE,
  type WeightSum,
  weightSummary,
} from './indicators/validate';
export * from './indicators/views';
export * from './indicators/weight-correction';
export * from './indicators/weight-correction-schema';
export * from './meeting';
export * from './org/schemas';
export * from './org/uscc';
export * from './province';
export * from './publication';
export * from './reports';
export * from './scoring';
export * from './surveys';
export * from './tenancy/divisions';
export * from './tenancy/tenant';
export * from './util/map-limit';
export * from './vocabulary';
