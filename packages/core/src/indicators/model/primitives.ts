import { z } from 'zod';

/** The model's number and text building blocks, and its small enums (labels: ../../vocabulary). */

export const bi = (zhText: string, enText: string) => `${zhText} / ${enText}`;
export const text = (max: number) => z.string().trim().max(max);
/** Points and fractions: finite, and not absurdly precise for an office's spreadsheet. */
export const finite = z.number().finite();
export const points = finite.min(0, { message: bi('分值不能为负', 'points cannot be negative') }).max(10000);
export const fraction = finite.min(0).max(1);

// The model's enums. Their Chinese and English labels live in `../../vocabulary` (one wording each).
export const DIRECTIONS = ['higher', 'lower'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const INDICATOR_TYPES = ['quantitative', 'qualitative'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];
export const DATA_SOURCES = ['self_report', 'data_provider', 'expert', 'survey'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];
export const MISSING_POLICIES = ['zero', 'redistribute', 'exclude'] as const;
export type MissingPolicy = (typeof MISSING_POLICIES)[number];
/** What happens to a leaf's weight for a unit it does not apply to (or that is exempted). */
export const EXEMPTION_POLICIES = ['redistribute', 'exclude'] as const;
export type ExemptionPolicy = (typeof EXEMPTION_POLICIES)[number];
/**
 * Whose performance a leaf measures, where a system evaluates two parties at once (政府购买服务:
 * the buying department's inputs, the provider's process and outputs).
 */
export const MEASURED_PARTIES = ['buyer', 'provider'] as const;
export type MeasuredParty = (typeof MEASURED_PARTIES)[number];
/** The unit money arguments of a formula are given in (converted to 万元 before computing). */
export const MONEY_UNITS = ['yuan', 'ten_thousand_yuan', 'hundred_million_yuan'] as const;
export type MoneyUnit = (typeof MONEY_UNITS)[number];
