import { CONTRACTS } from '@jixiao/api/contracts';

/**
 * The API's cross-region routes as the console's pages use them (one place names them): sharing
 * and mapping (a sharer), the library, peer groups, shared results, comparisons (a recipient), and
 * guidance documents (a city and its counties).
 */
export const SHARING = CONTRACTS.sharing;
export const MAPPINGS = CONTRACTS.standardMappings;
export const STANDARDS = CONTRACTS.standards;
export const PEER_GROUPS = CONTRACTS.peerGroups;
export const SHARED = CONTRACTS.sharedResults;
export const COMPARISONS = CONTRACTS.comparisons;
export const GUIDANCE = CONTRACTS.guidance;
