export type { DistributedMapState } from './distributed-map';
export * from './launcher';
export type { ExecutionOutcome, ExecutionStatus, Fault, FaultStep, TaskHandler } from './runner';
export { LOCAL_FUNCTION_ARN, localDefinition, type SynthesizedDefinition } from './synthesize';
