import type { DemoReview } from './demo-review';

/** The demo year's evidence (#9), through the API. */
export async function seedDemoEvidence(_r: DemoReview): Promise<void> {}
