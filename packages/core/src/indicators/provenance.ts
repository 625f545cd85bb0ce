import { z } from 'zod';

/**
 * Where a node of an indicator system comes from (出处). Offices rely on the templates; each part must
 * say whether it is the source documents' own wording (原文, with the document, the section and the
 * quote) or an editable example of the product (示例). A node an office adds itself has no
 * provenance: it is the office's own.
 *
 * A 原文 node cites the source for its existence and name. Its weight, scoring rule, targets and
 * deadlines are the product's examples unless `covers` says the source gives them too (the KPI
 * plan's weights, the investment indicators' formulas): the source documents give no weights except
 * the KPI list and no scoring methods at all.
 */

/** The documents of the seed collection (../shared/seed, vendored in docs/sources), by stable id. */
export const SOURCE_DOCUMENTS = [
  'fiscal_evaluation',
  'county_departments_2024',
  'city_departments',
  'local_annual',
  'investment_evaluation',
  'implementation',
  'local_annual_models',
  'purchased_service',
  'management_and_appraisal',
  'kpi',
  'central_investment_indicators',
  'appraisal',
  'service_window',
  'budget_purchased_service',
  'evaluation_methods',
  'harbin_regulation',
  'department_projects',
] as const;
export type SourceDocument = (typeof SOURCE_DOCUMENTS)[number];

/** What a 原文 node takes from the source beyond its name and meaning. */
export const PROVENANCE_COVERS = ['weight', 'formula'] as const;
export type ProvenanceCover = (typeof PROVENANCE_COVERS)[number];

export const PROVENANCE_KINDS = ['source', 'example'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

const text = (max: number) => z.string().trim().max(max);

export const sourceProvenanceSchema = z
  .object({
    kind: z.literal('source'),
    document: z.enum(SOURCE_DOCUMENTS),
    /** The section as the document numbers it: 二、评价指标体系 1.; 第十八条; 三、考核内容 2. */
    section: text(100).min(1),
    /** The source's own words for this node, verbatim. */
    quote: text(1000).min(1),
    covers: z.array(z.enum(PROVENANCE_COVERS)).max(2).optional(),
  })
  .strict();

export const exampleProvenanceSchema = z
  .object({
    kind: z.literal('example'),
    /** Why the example is here, or what in the source it illustrates. */
    note: text(500).optional(),
  })
  .strict();

export const provenanceSchema = z
  .discriminatedUnion('kind', [sourceProvenanceSchema, exampleProvenanceSchema])
  .meta({
    id: 'Provenance',
    description: '出处：原文（来源文件、条款与原文摘录）或示例（产品提供的可修改示例）',
  });
export type Provenance = z.infer<typeof provenanceSchema>;
export type SourceProvenance = z.infer<typeof sourceProvenanceSchema>;

/** 原文 citing `document`, `section`, `quote`. */
export const fromSource = (
  document: SourceDocument,
  section: string,
  quote: string,
  covers?: readonly ProvenanceCover[],
): SourceProvenance =>
  covers?.length
    ? { kind: 'source', document, section, quote, covers: [...covers] }
    : { kind: 'source', document, section, quote };

/** 示例, optionally saying why. */
export const example = (note?: string): Provenance =>
  note === undefined ? { kind: 'example' } : { kind: 'example', note };
