import { describe, expect, it } from 'vitest';
import { assertLoopback, KINDS, runSoak } from '../soak/harness';

/**
 * `npm run soak` in short: the same harness for a quarter of a minute. It asserts what a soak must
 * never show (an error) and that every kind of traffic ran; its timings and memory are reported by
 * the real run, not asserted here.
 */
describe('the soak harness', () => {
  it('sends every kind of traffic to the embedded stack on loopback without an error', async () => {
    const r = await runSoak({
      seconds: 15,
      concurrency: 4,
      warmupSeconds: 5,
      sampleEveryMs: 1000,
      runEverySeconds: 5,
      confirmEverySeconds: 5,
    });
    expect(r.firstErrors).toEqual([]);
    expect(r.errors).toBe(0);
    expect(r.appErrorLogs).toBe(0);
    for (const kind of KINDS) expect(r.byKind[kind].count, kind).toBeGreaterThan(0);
    // The first run before the traffic, and at least one during it.
    expect(r.runs.ready).toBeGreaterThanOrEqual(2);
    expect(r.runs.ready).toBe(r.runs.started);
    expect(r.memory.samples.length).toBeGreaterThan(0);
  }, 600_000);

  it('refuses any target but this machine', () => {
    for (const url of ['http://127.0.0.1:3000/v1/units', 'http://[::1]:9000/b', 'http://localhost:4569/x'])
      expect(() => assertLoopback(url), url).not.toThrow();
    for (const url of [
      'http://10.0.0.5:3000/',
      'https://api.example.cn/v1/units',
      'http://127.0.0.1.nip.io/',
    ])
      expect(() => assertLoopback(url), url).toThrow(/non-loopback/);
  });
});
