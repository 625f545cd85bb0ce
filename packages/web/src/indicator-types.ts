import type { IndicatorSystem, SystemContent, SystemStatus } from '@jixiao/core';

/** The shapes of the indicator-system API's answers, as the console reads them. */

export interface Bi {
  zh: string;
  en: string;
}

/** A problem the API found in a system, at a JSON path into its content (`dimensions.0.children.1.weight`). */
export interface SystemIssueView {
  path: string;
  zh: string;
  en: string;
  check?: string;
}

/** One sibling list's weight sum (`dimensions` or `dimensions.0.children` …). */
export interface WeightSumView {
  path: string;
  code: string | null;
  name: string | null;
  sum: number;
  expected: number;
  diff: number;
  ok: boolean;
}

export interface SystemSummary {
  id: string;
  systemVersion: number;
  status: SystemStatus;
  name: string;
  template?: string;
  leafCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** `GET /v1/indicator-systems` items. */
export interface SystemListing {
  id: string;
  latest: SystemSummary;
  approved?: SystemSummary;
  versions: number;
}

/** A stored version with its issues and weight sums. */
export type SystemView = IndicatorSystem & {
  issues: SystemIssueView[];
  weights: WeightSumView[];
  versions?: SystemSummary[];
};

/** `GET /v1/indicator-templates` items. */
export interface TemplateSummary {
  id: string;
  name: Bi;
  description: Bi;
  appliesTo: Bi;
  source: string;
  dimensions: { code: string; name: string; weight: number }[];
  leafCount: number;
}

export type TemplateDetail = TemplateSummary & {
  content: SystemContent;
  weights: WeightSumView[];
};
