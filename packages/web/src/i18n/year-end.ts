import { evaluationEn } from './evaluation/en';
import { evaluationZh } from './evaluation/zh';
import { meetingEn } from './meeting/en';
import { meetingZh } from './meeting/zh';
import { outcomesEn } from './outcomes/en';
import { outcomesZh } from './outcomes/zh';
import { reportsEn } from './reports/en';
import { reportsZh } from './reports/zh';

/**
 * The words of the year's end (the review meeting, the evaluation's runs and results, appeals,
 * rectification, uses; reports, publication and the public portal of results).
 */
export const yearEndZh = { ...meetingZh, ...evaluationZh, ...outcomesZh, ...reportsZh };
export const yearEndEn = { ...meetingEn, ...evaluationEn, ...outcomesEn, ...reportsEn };
