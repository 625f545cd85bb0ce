import { evaluationEn } from './evaluation/en';
import { evaluationZh } from './evaluation/zh';
import { meetingEn } from './meeting/en';
import { meetingZh } from './meeting/zh';
import { outcomesEn } from './outcomes/en';
import { outcomesZh } from './outcomes/zh';

/** The words of the year's end (the review meeting, the evaluation's runs and results, appeals, rectification, uses). */
export const yearEndZh = { ...meetingZh, ...evaluationZh, ...outcomesZh };
export const yearEndEn = { ...meetingEn, ...evaluationEn, ...outcomesEn };
