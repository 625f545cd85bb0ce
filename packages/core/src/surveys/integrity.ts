import { z } from 'zod';
import type { SurveyAnswer } from './model';

/**
 * Integrity signals of a survey's answers (pure). Nothing is dropped here: each signal names the
 * answers it concerns with a count, shown beside the results, and the office decides per flag
 * whether those answers count. Parameters have defaults (示例) an office can tune per survey.
 *
 * - duplicate_device: the same device id (hashed) in ≥ `deviceMin` answers.
 * - identical_pattern: the same full ratings vector in ≥ `patternMin` answers that rate at least
 *   `patternMinItems` items. Straight-lining (every item the same level) is NOT flagged by this
 *   signal: "all very satisfied" is what many honest respondents answer, so it would flag the
 *   satisfied majority; straight-lined answers are counted in the summary instead, and a bot that
 *   straight-lines is caught by the device, speed or network signals.
 * - too_fast: quicker than `fastSeconds` × rated items (one flag per respondent group).
 * - network_burst: ≥ `burstSize` answers from one network within `burstMinutes` (an unknown
 *   network is no network: answers without an address are never grouped by it).
 */

export const INTEGRITY_SIGNALS = [
  'duplicate_device',
  'identical_pattern',
  'too_fast',
  'network_burst',
] as const;
export type IntegritySignal = (typeof INTEGRITY_SIGNALS)[number];
export const INTEGRITY_DECISIONS = ['include', 'exclude'] as const;
export type IntegrityDecision = (typeof INTEGRITY_DECISIONS)[number];

export interface IntegrityParams {
  fastSeconds: number;
  deviceMin: number;
  patternMin: number;
  patternMinItems: number;
  burstSize: number;
  burstMinutes: number;
}

export const DEFAULT_INTEGRITY: IntegrityParams = {
  fastSeconds: 3,
  deviceMin: 2,
  patternMin: 3,
  patternMinItems: 5,
  burstSize: 10,
  burstMinutes: 10,
};

export const UNKNOWN_NETWORK = 'unknown';

/** What the signals read of an answer. */
export type IntegrityAnswer = Pick<
  SurveyAnswer,
  'id' | 'group' | 'ratings' | 'device' | 'network' | 'durationSeconds' | 'at'
>;

export const integrityFlagSchema = z
  .object({
    signal: z.enum(INTEGRITY_SIGNALS),
    /** What the answers share: a device or network hash, a pattern's hash, a group. */
    key: z.string(),
    answers: z.array(z.string()),
    count: z.number().int(),
    words: z.object({ zh: z.string(), en: z.string() }),
  })
  .meta({ id: 'IntegrityFlag' });
export type IntegrityFlag = z.infer<typeof integrityFlagSchema>;

/** The rated items of an answer as sorted `unit/question=level` entries. */
export function ratedItems(a: Pick<SurveyAnswer, 'ratings'>): string[] {
  const out: string[] = [];
  for (const [unit, qs] of Object.entries(a.ratings))
    for (const [q, level] of Object.entries(qs)) out.push(`${unit}/${q}=${level}`);
  return out.sort();
}

/** Every rated item at the same level (straight-lining). */
export function isStraightLined(a: Pick<SurveyAnswer, 'ratings'>): boolean {
  const levels = new Set(Object.values(a.ratings).flatMap((qs) => Object.values(qs)));
  return levels.size === 1 && ratedItems(a).length > 1;
}

/** FNV-1a, 32 bits, hex: a short stable key for a pattern (not a secret; patterns are not personal). */
export function patternKey(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

const byKey = <T>(items: readonly T[], keyOf: (t: T) => string | undefined) => {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = keyOf(it);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
};

const ids = (as: readonly { id: string }[]) => [...new Set(as.map((a) => a.id))].sort();

function flag(signal: IntegritySignal, key: string, answers: string[], words: { zh: string; en: string }) {
  return { signal, key, answers, count: answers.length, words };
}

function duplicateDevices(answers: readonly IntegrityAnswer[], p: IntegrityParams): IntegrityFlag[] {
  const out: IntegrityFlag[] = [];
  for (const [device, as] of byKey(answers, (a) => a.device)) {
    if (as.length < p.deviceMin) continue;
    const list = ids(as);
    out.push(
      flag('duplicate_device', device, list, {
        zh: `同一设备提交了 ${list.length} 份答卷`,
        en: `${list.length} answers from one device`,
      }),
    );
  }
  return out;
}

function identicalPatterns(answers: readonly IntegrityAnswer[], p: IntegrityParams): IntegrityFlag[] {
  const out: IntegrityFlag[] = [];
  const eligible = answers.filter((a) => ratedItems(a).length >= p.patternMinItems && !isStraightLined(a));
  for (const [pattern, as] of byKey(eligible, (a) => ratedItems(a).join(';'))) {
    if (as.length < p.patternMin) continue;
    const list = ids(as);
    const n = ratedItems(as[0]!).length;
    out.push(
      flag('identical_pattern', patternKey(pattern), list, {
        zh: `${list.length} 份答卷对 ${n} 个评价项的选择完全相同`,
        en: `${list.length} answers chose exactly the same levels on ${n} rated items`,
      }),
    );
  }
  return out;
}

function tooFast(answers: readonly IntegrityAnswer[], p: IntegrityParams): IntegrityFlag[] {
  const out: IntegrityFlag[] = [];
  const fast = answers.filter((a) => a.durationSeconds < p.fastSeconds * ratedItems(a).length);
  for (const [group, as] of byKey(fast, (a) => a.group)) {
    const list = ids(as);
    out.push(
      flag('too_fast', group, list, {
        zh: `${list.length} 份答卷用时短于每个评价项 ${p.fastSeconds} 秒`,
        en: `${list.length} answers took less than ${p.fastSeconds} s per rated item`,
      }),
    );
  }
  return out;
}

function networkBursts(answers: readonly IntegrityAnswer[], p: IntegrityParams): IntegrityFlag[] {
  const out: IntegrityFlag[] = [];
  const span = p.burstMinutes * 60_000;
  for (const [network, as] of byKey(answers, (a) =>
    a.network === UNKNOWN_NETWORK ? undefined : a.network,
  )) {
    if (as.length < p.burstSize) continue;
    const sorted = [...as].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1));
    const marked = new Set<string>();
    let j = 0;
    // Two pointers: each window [i, j) holds the answers within `span` of answer i.
    for (let i = 0; i < sorted.length; i++) {
      const start = Date.parse(sorted[i]!.at);
      if (j < i) j = i;
      while (j < sorted.length && Date.parse(sorted[j]!.at) - start <= span) j++;
      if (j - i >= p.burstSize) for (let k = i; k < j; k++) marked.add(sorted[k]!.id);
    }
    if (marked.size === 0) continue;
    const list = [...marked].sort();
    out.push(
      flag('network_burst', network, list, {
        zh: `同一网络在 ${p.burstMinutes} 分钟内集中提交（共 ${list.length} 份）`,
        en: `${list.length} answers from one network, at least ${p.burstSize} within ${p.burstMinutes} minutes`,
      }),
    );
  }
  return out;
}

/** Every flag, in a stable order (signal, then key), whatever the order of the answers. */
export function integrityFlags(
  answers: readonly IntegrityAnswer[],
  params: Partial<IntegrityParams> = {},
): IntegrityFlag[] {
  const p = { ...DEFAULT_INTEGRITY, ...params };
  const all = [
    ...duplicateDevices(answers, p),
    ...identicalPatterns(answers, p),
    ...tooFast(answers, p),
    ...networkBursts(answers, p),
  ];
  const order = (s: IntegritySignal) => INTEGRITY_SIGNALS.indexOf(s);
  return all.sort(
    (a, b) => order(a.signal) - order(b.signal) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
