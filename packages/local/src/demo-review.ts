import { type DemoCall, type DemoDriver, demoCaller } from './demo-api';
import { seedDemoEvidence } from './demo-evidence';
import { seedDemoExperts } from './demo-experts';
import { seedDemoMeeting } from './demo-meeting';
import { seedDemoSurveys } from './demo-surveys';

/**
 * What the demo year holds beyond verification (issue #9): evidence the units uploaded, the expert
 * review, the satisfaction survey and the review meeting's preparation — replayed through the API
 * after the demo year (its own seed marker), each part by its own script.
 */
export interface DemoReview {
  call: DemoCall;
  at: DemoDriver['at'];
  /** The 2025 cycle of the demo year. */
  cycleId: string;
  /** Uploads a file's bytes to a presigned POST (the embedded S3), as a browser would. */
  upload: (url: string, fields: Record<string, string>, bytes: Uint8Array, type: string) => Promise<void>;
}

export async function seedDemoReview(d: DemoDriver): Promise<void> {
  const call = demoCaller(d);
  const cycles = await call('hrb-admin', 'GET', '/v1/cycles');
  const cycle = cycles.items.find((c: { year: number }) => c.year === 2025);
  if (!cycle) return;
  const review: DemoReview = {
    call,
    at: d.at,
    cycleId: cycle.id,
    upload: async (url, fields, bytes, type) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
      const res = await fetch(url, { method: 'POST', body: form });
      if (!res.ok) throw new Error(`demo upload → ${res.status} ${await res.text()}`);
    },
  };
  await seedDemoEvidence(review);
  await seedDemoExperts(review);
  await seedDemoSurveys(review);
  await seedDemoMeeting(review);
}
