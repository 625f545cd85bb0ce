import type { DemoReview } from './demo-review';

/**
 * The demo year's review meeting (评议会, #9), through the API. The cycle is still in verification,
 * so what exists is the meeting's preparation: its title and planned day, who sits on it, the
 * documents it will look at, and one provisional decision with an adjustment and its reason. Two
 * saves, so the audit trail shows the adjustment being added. Not concluded (that needs review).
 */
export async function seedDemoMeeting(r: DemoReview): Promise<void> {
  const path = `/v1/cycles/${r.cycleId}/review-meeting`;
  const preparation = {
    title: '哈尔滨市 2025 年度绩效评估评议会',
    day: '2026-12-28',
    place: '市政府第一会议室',
    members: [
      { name: '陈志远', organisation: '市政府分管领导', role: 'chair' },
      { name: '孙明', organisation: '市考核办', role: 'member' },
      { name: '李红梅', organisation: '市人大代表', role: 'member' },
      { name: '周建华', organisation: '市政协委员', role: 'member' },
      { name: '赵教授', organisation: '评审专家（哈尔滨工业大学）', role: 'member' },
      { name: '刘洋', organisation: '市考核办', role: 'secretary' },
    ],
    documents: [
      {
        title: '哈尔滨市 2025 年度政府绩效评估工作方案',
        reference: '市考核办年终评估工作方案（2025 年度）',
      },
      {
        title: '2025 年度绩效评估结果初稿',
        reference: '市考核办汇总稿，提交评议会审议',
        note: '含指标考核、满意度测评和专家评审结果',
      },
    ],
    decisions: [],
    minutes: '',
  };
  r.at('2026-11-16');
  const first = await r.call('hrb-admin', 'PUT', path, preparation);
  r.at('2026-11-19');
  await r.call('hrb-admin', 'PUT', path, {
    ...preparation,
    version: first.meeting.version,
    decisions: [
      {
        unit: 'FGW',
        decision: '拟同意考核结果；重大项目稳投资任务超额完成，建议加分（待评议会审议）',
        adjustment: {
          points: 1.5,
          reason: '承担全市重大项目稳投资任务，全年完成投资额超出目标 12%，经市政府确认',
        },
      },
    ],
  });
}
