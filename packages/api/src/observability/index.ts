export {
  createObservability,
  type HttpEvent,
  type Observability,
  observeHttp,
  observeSteps,
  type RunClock,
} from './lambda';
export { powertoolsLog, REDACTED } from './log';
export { METRICS, requestMetrics } from './metrics';
