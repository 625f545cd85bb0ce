import type { MeetingRole, MeetingStatus } from '../meeting/model';
import { type Labels, labels } from './label';

/** Labels of the review meeting's enums (registered in VOCABULARY by ./labels). */

/** 评议会成员的角色. */
export const MEETING_ROLE_LABELS: Labels<MeetingRole> = labels({
  chair: { zh: '主持人', en: 'Chair' },
  member: { zh: '评议成员', en: 'Member' },
  secretary: { zh: '会议记录人', en: 'Secretary' },
  observer: { zh: '列席人员', en: 'Observer' },
});

/** 评议会记录的状态. */
export const MEETING_STATUS_LABELS: Labels<MeetingStatus> = labels({
  draft: { zh: '筹备中', en: 'In preparation' },
  concluded: { zh: '已形成结论', en: 'Concluded' },
});
