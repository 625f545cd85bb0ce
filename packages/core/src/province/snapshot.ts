import type { RunDigest } from '../evaluation/model';
import type { LeafMapping, SharedResult, ShareRecipientKind, StandardIndicator } from './model';

/** The leaves and their weights (points) of one system version the run scored with. */
export interface SystemLeafFacts {
  id: string;
  version: number;
  leaves: readonly { code: string; name: string; weight: number }[];
}

export interface ShareInputs {
  recipient: string;
  recipientKind: ShareRecipientKind;
  tenant: { code: string; name: string; level: string; parent?: string };
  year: number;
  cycle: { id: string; name: string; kind: string };
  run: { id: string; number: number; released: string };
  published: boolean;
  shared: { by: string; name?: string; at: string };
  note: string;
  /** The released run's digest: per unit its row and per leaf its value. */
  digest: RunDigest;
  /** Every system version the digest names (`id@version`). */
  systems: readonly SystemLeafFacts[];
  /** The tenant's mappings (one per system id). */
  mappings: readonly LeafMapping[];
  library: readonly StandardIndicator[];
}

/**
 * The snapshot a recipient receives: per mapped standard indicator the tenant's value (units'
 * numeric values of the mapped leaves, aggregated as mapped, times the factor), the coverage of
 * the tenant's own points, and a summary of the results. Nothing per unit leaves the tenant.
 */
export function buildSharedResult(_i: ShareInputs): SharedResult {
  throw new Error('not implemented (#12 core)');
}
