import { comparisonEn } from './comparison/en';
import { comparisonZh } from './comparison/zh';
import { sharingEn } from './sharing/en';
import { sharingZh } from './sharing/zh';

/**
 * The words of cross-region comparison (#12): a recipient's pages (shared results, comparison,
 * what-if, sensitivity, the standard library, peer groups) and a sharer's (sharing, mapping,
 * guidance documents).
 */
export const provinceZh = { ...comparisonZh, ...sharingZh };
export const provinceEn = { ...comparisonEn, ...sharingEn };
