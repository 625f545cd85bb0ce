import type { DemoReview } from './demo-review';

/** The demo year's experts (#9), through the API. */
export async function seedDemoExperts(_r: DemoReview): Promise<void> {}
