import type { DemoReview } from './demo-review';

/** The demo year's meeting (#9), through the API. */
export async function seedDemoMeeting(_r: DemoReview): Promise<void> {}
