import type { CalibrationFlagKind, ExpertTendency } from '../experts/calibration';
import type { AssignmentStatus, RoundStatus } from '../experts/model';
import { type Labels, labels } from './label';

/** Labels of the expert enums (registered in VOCABULARY by ./labels). */

/** An expert's assignment to a unit (回避 recuses it). */
export const ASSIGNMENT_STATUS_LABELS: Labels<AssignmentStatus> = labels({
  active: { zh: '评审中', en: 'Active' },
  recused: { zh: '已回避', en: 'Recused' },
});

/** A scoring round (评分轮次). */
export const ROUND_STATUS_LABELS: Labels<RoundStatus> = labels({
  open: { zh: '评分进行中', en: 'Open for scoring' },
  closed: { zh: '评分已截止', en: 'Closed' },
});

/** Why calibration flags an item (评分校准). */
export const CALIBRATION_FLAG_LABELS: Labels<CalibrationFlagKind> = labels({
  low_agreement: { zh: '评分一致性偏低', en: 'Low agreement' },
  outlier: { zh: '存在离群评分', en: 'Outlier score' },
});

/** An expert's tendency against the others (宽严倾向). */
export const EXPERT_TENDENCY_LABELS: Labels<ExpertTendency> = labels({
  harsher: { zh: '偏严', en: 'Harsher' },
  milder: { zh: '偏宽', en: 'Milder' },
  neutral: { zh: '宽严适中', en: 'In line' },
  insufficient: { zh: '样本不足', en: 'Too few items' },
});
