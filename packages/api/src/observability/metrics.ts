import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { RequestMetrics, RequestOutcome } from '../deps';

/**
 * The metrics the cloud functions emit (CloudWatch embedded metric format, one namespace; every
 * metric carries the `service` and `function` dimensions, request metrics also `route`: the route's
 * path template, e.g. `GET /v1/cycles/:cycle`, never a path with ids in it).
 */
export const METRICS = {
  requests: 'Requests',
  latency: 'Latency',
  clientErrors: 'Status4xx',
  serverErrors: 'Status5xx',
  coldStart: 'ColdStart',
  stepLatency: 'StepLatency',
  stepErrors: 'StepErrors',
  unitsScored: 'UnitsScored',
  runDuration: 'RunDuration',
  runsFailed: 'RunsFailed',
} as const;

/**
 * Per request: its count, latency and whether it was a 4xx or a 5xx (0 or 1, so sums and averages
 * both read right), as one EMF line of its own with the route as a dimension. One line per request
 * rather than the invocation's stored set, because the console's invocations make several API
 * requests, each of its own route.
 */
export function requestMetrics(make: () => Metrics): RequestMetrics {
  return {
    request({ route, status, ms }: RequestOutcome) {
      const m = make();
      m.addDimension('route', route);
      m.addMetric(METRICS.requests, MetricUnit.Count, 1);
      m.addMetric(METRICS.latency, MetricUnit.Milliseconds, ms);
      m.addMetric(METRICS.clientErrors, MetricUnit.Count, status >= 400 && status < 500 ? 1 : 0);
      m.addMetric(METRICS.serverErrors, MetricUnit.Count, status >= 500 ? 1 : 0);
      m.publishStoredMetrics();
    },
  };
}
