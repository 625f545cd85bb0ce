import { evaluationEn } from './evaluation/en';
import { evaluationZh } from './evaluation/zh';
import { meetingEn } from './meeting/en';
import { meetingZh } from './meeting/zh';
import { outcomesEn } from './outcomes/en';
import { outcomesZh } from './outcomes/zh';
import { provinceEn, provinceZh } from './province';
import { reportsEn } from './reports/en';
import { reportsZh } from './reports/zh';

/**
 * The words of the year's end (the review meeting, the evaluation's runs and results, appeals,
 * rectification, uses; reports, publication and the public portal of results), and what follows
 * from released results: sharing them upward and the cross-region comparison (#12).
 */
export const yearEndZh = { ...meetingZh, ...evaluationZh, ...outcomesZh, ...reportsZh, ...provinceZh };
export const yearEndEn = { ...meetingEn, ...evaluationEn, ...outcomesEn, ...reportsEn, ...provinceEn };
