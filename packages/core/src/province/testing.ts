/**
 * Builders for the province tests (not exported from the package): the hand-made comparison case
 * whose standardised values are worked out by hand in compare.test.ts, built through the same
 * snapshot step a share takes (digest → mapping → SharedResult).
 */
import type { ResultRow, RunDigest } from '../evaluation/model';
import { MONEY_UNIT_LABELS } from '../vocabulary/labels';
import {
  type LeafMapping,
  type PeerGroup,
  peerGroupSchema,
  type SharedResult,
  type StandardIndicator,
  standardIndicatorSchema,
} from './model';
import { buildSharedResult, type SystemLeafFacts } from './snapshot';

const AT = '2026-01-10T02:00:00.000Z';
export const PROVINCE = '230000';

const standard = (code: string, over: Partial<StandardIndicator>): StandardIndicator =>
  standardIndicatorSchema.parse({
    province: PROVINCE,
    code,
    name: `标准${code}`,
    dimension: '履职成效',
    definition: '测试用定义',
    unit: '%',
    direction: 'higher',
    formula: '',
    weight: 10,
    source: '测试用',
    version: 1,
    createdAt: AT,
    updatedAt: AT,
    ...over,
  });

/** A 预算执行率 (%, higher), B “三公”经费支出 (万元, lower), C 任务完成率 (%, higher); weights 40/20/40. */
export const LIBRARY: StandardIndicator[] = [
  standard('C', { name: '重点任务完成率', dimension: '工作落实', weight: 40 }),
  standard('A', { name: '预算执行率', dimension: '预算管理', weight: 40 }),
  standard('B', {
    name: '“三公”经费支出',
    dimension: '预算管理',
    unit: MONEY_UNIT_LABELS.ten_thousand_yuan.zh,
    direction: 'lower',
    weight: 20,
  }),
];

export const row = (unit: string, total: number, grade: string, zh = grade): ResultRow => ({
  unit,
  name: unit,
  group: 'G',
  total: { shown: total.toFixed(2), exact: String(total) },
  rank: 1,
  of: 1,
  grade,
  gradeLabel: { zh, en: grade },
  stages: [],
  vetoes: [],
  warnings: 0,
});

type Value = number | string | null;
export const unitOf = (system: string, total: number, grade: string, leaves: Record<string, Value>) => ({
  system,
  row: row('U', total, grade),
  leaves: Object.fromEntries(
    Object.entries(leaves).map(([code, value]) => [code, { name: code, points: '0', value, input: '' }]),
  ),
});

/** SYS version 2: D1-1, D1-2, D2-1 mapped (35 of 100 points), D2-2 and a qualitative Q1 not. */
export const SYSTEMS: SystemLeafFacts[] = [
  {
    id: 'SYS',
    version: 2,
    leaves: [
      { code: 'D1-1', name: '预算执行率', weight: 10 },
      { code: 'D1-2', name: '“三公”经费支出', weight: 5 },
      { code: 'D2-1', name: '重点任务完成率', weight: 20 },
      { code: 'D2-2', name: '按期完成率', weight: 15 },
      { code: 'Q1', name: '群众满意度', weight: 50 },
    ],
  },
  {
    id: 'SYS',
    version: 1,
    leaves: [
      { code: 'D1-1', name: '预算执行率', weight: 10 },
      { code: 'D2-1', name: '重点任务完成率', weight: 20 },
      { code: 'D2-2', name: '按期完成率', weight: 70 },
    ],
  },
];

export const mapping = (items: LeafMapping['items']): LeafMapping => ({
  system: 'SYS',
  province: PROVINCE,
  items,
  updated: { by: 'u', at: AT },
  version: 1,
  createdAt: AT,
  updatedAt: AT,
});

/** Plain mapping: D1-1 → A, D1-2 → B, D2-1 → C, mean, factor 1. */
const PLAIN = mapping([
  { leaf: 'D1-1', standard: 'A', factor: 1, aggregate: 'mean' },
  { leaf: 'D1-2', standard: 'B', factor: 1, aggregate: 'mean' },
  { leaf: 'D2-1', standard: 'C', factor: 1, aggregate: 'mean' },
]);

export const TENANTS = {
  T1: { code: '230102', name: '道里区' },
  T2: { code: '230103', name: '南岗区' },
  T3: { code: '230104', name: '道外区' },
  T4: { code: '230108', name: '平房区' },
} as const;

export function share(
  tenant: { code: string; name: string },
  year: number,
  digest: RunDigest,
  mappings: LeafMapping[] = [PLAIN],
  library: StandardIndicator[] = LIBRARY,
): SharedResult {
  return buildSharedResult({
    recipient: PROVINCE,
    recipientKind: 'province',
    tenant: { code: tenant.code, name: tenant.name, level: 'county', parent: '230100' },
    year,
    cycle: { id: `c${year}`, name: `${year} 年度考核`, kind: 'annual' },
    run: { id: `r${year}`, number: 1, released: AT },
    published: true,
    shared: { by: 'admin', at: AT },
    note: '',
    digest,
    systems: SYSTEMS,
    mappings,
    library,
  });
}

/** One unit on SYS@2 whose D1-1, D1-2, D2-1 values are A, B, C (undefined = no value). */
export const plainShare = (
  tenant: { code: string; name: string },
  year: number,
  v: { A?: number; B?: number; C?: number },
): SharedResult =>
  share(tenant, year, {
    units: {
      U: unitOf('SYS@2', 90, 'excellent', { 'D1-1': v.A ?? null, 'D1-2': v.B ?? null, 'D2-1': v.C ?? null }),
    },
  });

/**
 * T1 through the snapshot's conversion: A the mean of three units (88, 92, 90 → 90), B the SUM of
 * 千元 values × 0.1 into 万元 ((300 + 400 + 300) × 0.1 = 100), C the value of unit TJJ (80).
 */
export const T1_DIGEST: RunDigest = {
  units: {
    U1: unitOf('SYS@2', 95.5, 'excellent', { 'D1-1': 88, 'D1-2': 300, 'D2-1': 70, Q1: 'A' }),
    U2: unitOf('SYS@2', 88.25, 'good', { 'D1-1': 92, 'D1-2': 400, 'D2-1': 'n/a' }),
    TJJ: unitOf('SYS@2', 72, 'fair', { 'D1-1': 90, 'D1-2': 300, 'D2-1': 80 }),
    // Scored by version 1, which has no D1-2: its stray value must not count.
    U4: unitOf('SYS@1', 89, 'good', { 'D1-1': null, 'D1-2': 999, 'D2-1': 10 }),
  },
};
export const T1_MAPPING = mapping([
  { leaf: 'D1-1', standard: 'A', factor: 1, aggregate: 'mean' },
  { leaf: 'D1-2', standard: 'B', factor: 0.1, aggregate: 'sum' },
  { leaf: 'D2-1', standard: 'C', factor: 1, aggregate: 'unit', unit: 'TJJ' },
  // Its standard was deleted from the library since: skipped, and not counted as mapped.
  { leaf: 'D2-2', standard: 'OLD', factor: 1, aggregate: 'mean' },
]);

/** The hand-made year: values (A, B, C) T1 (90, 100, 80), T2 (80, 100, 90), T3 (100, 50, 100), T4 (70, —, 70). */
export const YEAR = 2025;
export function handMadeShares(): SharedResult[] {
  return [
    share(TENANTS.T1, YEAR, T1_DIGEST, [T1_MAPPING]),
    plainShare(TENANTS.T2, YEAR, { A: 80, B: 100, C: 90 }),
    plainShare(TENANTS.T3, YEAR, { A: 100, B: 50, C: 100 }),
    plainShare(TENANTS.T4, YEAR, { A: 70, C: 70 }),
  ];
}

/** The year before: T1 (75, 125, 80), T2 (80, 80, 60), T3 (100, 50, 0); T4 did not share. */
export function previousShares(): SharedResult[] {
  return [
    plainShare(TENANTS.T1, YEAR - 1, { A: 75, B: 125, C: 80 }),
    plainShare(TENANTS.T2, YEAR - 1, { A: 80, B: 80, C: 60 }),
    plainShare(TENANTS.T3, YEAR - 1, { A: 100, B: 50, C: 0 }),
  ];
}

/** URBAN: T1–T3 and 230109 (did not share); A 3, C 1, B absent, B explicitly 0 too. */
export const URBAN: PeerGroup = peerGroupSchema.parse({
  owner: PROVINCE,
  code: 'URBAN',
  name: '城区',
  description: '',
  members: [TENANTS.T1.code, TENANTS.T2.code, TENANTS.T3.code, '230109'],
  weights: { A: 3, B: 0, C: 1 },
  method: 'efficacy',
  grades: { excellent: 12.5, good: 40, fair: 40 },
  version: 1,
  createdAt: AT,
  updatedAt: AT,
});
