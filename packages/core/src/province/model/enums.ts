/**
 * Cross-region comparison (issue #12). A city or county (the sharer) shares the released result of
 * one cycle a year with its province, and a county also with its city (the recipients). The shared
 * snapshot is a copy written under the recipient's own keys (the data layer's recipient
 * partition), so a recipient never reads a tenant's partition. The province keeps a standard
 * indicator library; tenants map their leaves to it; comparisons use mapped indicators only,
 * standardised within a peer group (分类考核) with the group's own weights. Labels of the enums
 * below: ../../vocabulary/province-labels.ts.
 */

/** How values are made comparable within a peer group (stated beside every comparison). */
export const STANDARDISATION_METHODS = ['efficacy', 'zscore', 'percentile'] as const;
export type StandardisationMethod = (typeof STANDARDISATION_METHODS)[number];

/** How a tenant's value of a standard indicator is made from its units' values of the mapped leaf. */
export const MAPPING_AGGREGATES = ['mean', 'sum', 'unit'] as const;
export type MappingAggregate = (typeof MAPPING_AGGREGATES)[number];

/** Who receives a share: the province, or (for a county) the city above it. */
export const SHARE_RECIPIENT_KINDS = ['province', 'city'] as const;
export type ShareRecipientKind = (typeof SHARE_RECIPIENT_KINDS)[number];

/** A share as the sharer sees it: in force, withdrawn, or replaced by another cycle of the same year. */
export const SHARE_STATUSES = ['shared', 'withdrawn', 'replaced'] as const;
export type ShareStatus = (typeof SHARE_STATUSES)[number];

/** Grades of a comparison, given by rank quotas within the peer group (等次). */
export const COMPARISON_GRADES = ['excellent', 'good', 'fair', 'poor'] as const;
export type ComparisonGrade = (typeof COMPARISON_GRADES)[number];

/** The id of the implicit peer group of everyone who shared, weighted by the library's own weights. */
export const ALL_GROUP = 'ALL';
