/** The year-end batch's tasks (one Lambda function, one handler per step). */
export type { CaughtError } from './fail';
export { createStepHandler, handleSteps } from './handler';
export type { GroupsObject } from './rank';
export type { ScoredBatch } from './score';
export { RUN_INCOMPLETE, StepError } from './step-errors';
export { type BatchDeps, systemCaller, systemIdentity } from './system-caller';
