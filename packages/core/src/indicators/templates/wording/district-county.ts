import type { WordingTable } from './types';

/** The source's wording of the template's 原文 nodes. */
export const districtCounty: WordingTable = [];
