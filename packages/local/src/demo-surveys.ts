import type { DemoReview } from './demo-review';

/** The demo year's surveys (#9), through the API. */
export async function seedDemoSurveys(_r: DemoReview): Promise<void> {}
