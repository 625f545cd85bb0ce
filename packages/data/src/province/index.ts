import type { Store } from '../store';
import { GuidanceRepo } from './guidance-repo';
import { LeafMappingsRepo } from './leaf-mappings-repo';
import { PeerGroupsRepo } from './peer-groups-repo';
import { ShareRecordsRepo } from './share-records-repo';
import { SharedResultsRepo } from './shared-results-repo';
import { StandardsRepo } from './standards-repo';

export * from './guidance-repo';
export * from './leaf-mappings-repo';
export * from './peer-groups-repo';
export * from './share-records-repo';
export * from './shared-results-repo';
export * from './standards-repo';

/**
 * The repositories of cross-region comparison (#12), made once per data layer. What a recipient
 * holds lives under `P#<recipient>#…` (the library, peer groups, shared copies); what a sharer
 * keeps under its own `T#<t>#…` (share records, mappings, guidance sent and received).
 */
export const provinceData = (store: Store, now: () => Date) => ({
  standards: new StandardsRepo(store, now),
  peerGroups: new PeerGroupsRepo(store, now),
  shared: new SharedResultsRepo(store),
  shares: new ShareRecordsRepo(store, now),
  mappings: new LeafMappingsRepo(store, now),
  guidance: new GuidanceRepo(store),
});
export type ProvinceData = ReturnType<typeof provinceData>;
