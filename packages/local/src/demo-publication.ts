import { type DemoDriver, demoCaller, type Loose } from './demo-api';

/**
 * The publication in the demo (issue #11): after the 2024 special evaluation closed, 哈尔滨市's
 * office publishes its released results (绩效结果公开), so the public portal shows them with charts
 * and downloadable reports at /console/public/230100. Through the real API; dates and the note are
 * examples (示例).
 */
export async function seedDemoPublication(d: DemoDriver): Promise<void> {
  const call = demoCaller(d);
  const admin = (method: string, path: string, body?: unknown) => call('hrb-admin', method, path, body);
  const cycles = (await admin('GET', '/v1/cycles')).items as Loose[];
  const y2024 = cycles.find((c) => c.year === 2024);
  if (!y2024) return;
  const view = await admin('GET', `/v1/cycles/${y2024.id}/publication`);
  if (view.publication) return;
  d.at('2025-03-03');
  await admin('POST', `/v1/cycles/${y2024.id}/publication`, {
    note: '经申诉复核后定稿，依据《哈尔滨市政府绩效管理条例（草案）》向社会公开（示例）。',
  });
}
