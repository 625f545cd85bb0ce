import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIKERT_LEVELS } from '../indicators/model';
import {
  type IntegrityAnswer,
  integrityFlags,
  isStraightLined,
  patternKey,
  ratedItems,
  UNKNOWN_NETWORK,
} from './integrity';

const UNITS = ['FGW', 'JYJ', 'GAJ'];
const QUESTIONS = ['q1', 'q2'];
const T0 = Date.parse('2025-11-20T02:00:00Z');

/** An answer rating every unit on every question (6 items), with the given fields. */
const answerArb = fc.record({
  group: fc.constantFrom('clients', 'public'),
  levels: fc.array(fc.constantFrom(...LIKERT_LEVELS), { minLength: 6, maxLength: 6 }),
  device: fc.option(fc.string({ minLength: 1, maxLength: 3 }), { nil: undefined }),
  network: fc.constantFrom('n1', 'n2', 'n3', UNKNOWN_NETWORK),
  durationSeconds: fc.integer({ min: 0, max: 600 }),
  minute: fc.integer({ min: 0, max: 240 }),
});

type Gen = Omit<typeof answerArb extends fc.Arbitrary<infer T> ? T : never, 'network' | 'group'> & {
  network: string;
  group: string;
};

const build = (xs: Gen[]): IntegrityAnswer[] =>
  xs.map((x, i) => ({
    id: `an${String(i).padStart(4, '0')}`,
    group: x.group,
    ratings: Object.fromEntries(
      UNITS.map((u, ui) => [u, Object.fromEntries(QUESTIONS.map((q, qi) => [q, x.levels[ui * 2 + qi]!]))]),
    ),
    ...(x.device !== undefined ? { device: x.device } : {}),
    network: x.network,
    durationSeconds: x.durationSeconds,
    at: new Date(T0 + x.minute * 60_000).toISOString(),
  }));

const setArb = fc.array(answerArb, { maxLength: 40 }).map(build);

/** Distinct devices and networks, slow, spread out, distinct non-straight patterns. */
const cleanArb = fc.integer({ min: 0, max: 60 }).map((n) =>
  Array.from({ length: n }, (_, i): IntegrityAnswer => {
    // Each answer's pattern is i written in base 5 over the six items: distinct for distinct i.
    const levels = Array.from({ length: 6 }, (_, k) => LIKERT_LEVELS[Math.floor(i / 5 ** k) % 5]!);
    levels[5] = levels[0] === 'very_satisfied' ? 'fair' : 'very_satisfied'; // never straight-lined
    return {
      id: `an${String(i).padStart(4, '0')}`,
      group: 'public',
      ratings: Object.fromEntries(
        UNITS.map((u, ui) => [u, Object.fromEntries(QUESTIONS.map((q, qi) => [q, levels[ui * 2 + qi]!]))]),
      ),
      device: `dev${i}`,
      network: `net${i}`,
      durationSeconds: 120,
      at: new Date(T0 + i * 60_000).toISOString(),
    };
  }),
);

const countOf = (flags: ReturnType<typeof integrityFlags>, signal: string) =>
  flags.filter((f) => f.signal === signal).reduce((s, f) => s + f.count, 0);

describe('survey integrity signals (generated answer sets)', () => {
  it('permuting the answers changes no flag', () => {
    fc.assert(
      fc.property(
        setArb.chain((as) => fc.tuple(fc.constant(as), fc.shuffledSubarray(as, { minLength: as.length }))),
        ([as, shuffled]) => {
          expect(integrityFlags(shuffled)).toEqual(integrityFlags(as));
        },
      ),
    );
  });

  it('adding an exact duplicate (same device) raises the duplicate-device count', () => {
    fc.assert(
      fc.property(setArb, fc.nat(), (as, pick) => {
        fc.pre(as.length > 0);
        const base = as[pick % as.length]!;
        const withDevice = as.map((a) => (a.id === base.id ? { ...a, device: 'same-device' } : a));
        const before = countOf(integrityFlags(withDevice), 'duplicate_device');
        const after = countOf(
          integrityFlags([...withDevice, { ...base, id: 'anzzzz', device: 'same-device' }]),
          'duplicate_device',
        );
        // A device seen once before becomes a flag of two; one already flagged gains one.
        expect(after).toBeGreaterThan(before);
        expect(after - before).toBeLessThanOrEqual(2);
      }),
    );
  });

  it('distinct devices, networks and patterns, answered slowly, raise nothing', () => {
    fc.assert(
      fc.property(cleanArb, (as) => {
        expect(integrityFlags(as)).toEqual([]);
      }),
    );
  });

  it('every flagged answer exists, each flag counts its answers, and no flag is empty', () => {
    fc.assert(
      fc.property(setArb, (as) => {
        const ids = new Set(as.map((a) => a.id));
        for (const f of integrityFlags(as)) {
          expect(f.count).toBe(f.answers.length);
          expect(f.count).toBeGreaterThan(0);
          expect(new Set(f.answers).size).toBe(f.count);
          for (const id of f.answers) expect(ids.has(id)).toBe(true);
        }
      }),
    );
  });

  it('flags a burst of ten from one network within ten minutes, never the unknown network', () => {
    const burst = (network: string) =>
      build(
        Array.from({ length: 10 }, (_, i) => ({
          group: 'public',
          levels: ['satisfied', 'fair', 'satisfied', 'fair', 'satisfied', LIKERT_LEVELS[i % 5]!],
          device: `d${i}`,
          network,
          durationSeconds: 300,
          minute: i, // ten answers in nine minutes
        })),
      ).map((a, i) => ({ ...a, id: `an${network}${i}` }));
    const f = integrityFlags(burst('n9'));
    expect(f.filter((x) => x.signal === 'network_burst')).toEqual([
      expect.objectContaining({ key: 'n9', count: 10 }),
    ]);
    expect(integrityFlags(burst(UNKNOWN_NETWORK)).filter((x) => x.signal === 'network_burst')).toEqual([]);
    // Spread over more than ten minutes: no burst.
    const spread = burst('n8').map((a, i) => ({ ...a, at: new Date(T0 + i * 120_000).toISOString() }));
    expect(integrityFlags(spread).filter((x) => x.signal === 'network_burst')).toEqual([]);
  });

  it('flags identical patterns from three answers, but not straight-lining alone', () => {
    const mk = (id: string, levels: (typeof LIKERT_LEVELS)[number][], i: number): IntegrityAnswer => ({
      ...build([
        {
          group: 'public',
          levels,
          device: `d${id}`,
          network: `n${id}`,
          durationSeconds: 300,
          minute: i * 30,
        },
      ])[0]!,
      id,
    });
    const pattern = ['satisfied', 'fair', 'satisfied', 'fair', 'very_satisfied', 'fair'] as const;
    const same = [mk('a1', [...pattern], 0), mk('a2', [...pattern], 1), mk('a3', [...pattern], 2)];
    const flags = integrityFlags(same);
    expect(flags).toEqual([expect.objectContaining({ signal: 'identical_pattern', count: 3 })]);
    expect(flags[0]!.key).toBe(patternKey(ratedItems(same[0]!).join(';')));
    expect(integrityFlags(same.slice(0, 2))).toEqual([]);
    const straight = ['b1', 'b2', 'b3', 'b4'].map((id, i) => mk(id, Array(6).fill('very_satisfied'), i));
    expect(isStraightLined(straight[0]!)).toBe(true);
    expect(integrityFlags(straight)).toEqual([]);
  });

  it('flags answers quicker than the seconds per rated item, per group', () => {
    const [a] = build([
      {
        group: 'clients',
        levels: Array(6).fill('satisfied'),
        device: 'x',
        network: 'n1',
        durationSeconds: 17,
        minute: 0,
      },
    ]);
    expect(integrityFlags([a!], { fastSeconds: 3 })).toEqual([
      expect.objectContaining({ signal: 'too_fast', key: 'clients', answers: [a!.id] }),
    ]);
    expect(integrityFlags([{ ...a!, durationSeconds: 18 }], { fastSeconds: 3 })).toEqual([]);
  });
});
