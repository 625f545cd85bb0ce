import { type Dec, dec } from '../scoring/decimal';
import { byCode } from '../scoring/run';
import type { Bilingual } from '../scoring/types';
import type { RunDigest } from './model';
import type { ChangeCause, RunComparison, UnitComparison } from './views';

type DigestUnit = RunDigest['units'][string];
type DigestLeaf = DigestUnit['leaves'][string];
type Change = UnitComparison['changes'][number];

/** Decimal places of a shown amount ("9.50" → 2). */
const placesOf = (shown: string): number => shown.split('.')[1]?.length ?? 0;

/** after − before with a sign: "+1.25", "-0.50", "0.00". */
export function signedDelta(before: string, after: string): string {
  const d = Math.max(placesOf(before), placesOf(after));
  const x: Dec = dec(after).minus(before);
  if (x.isZero()) return x.abs().toFixed(d);
  return x.isPositive() ? `+${x.toFixed(d)}` : x.toFixed(d);
}

const shownValue = (v: DigestLeaf['value']): Bilingual =>
  v === null ? { zh: '无', en: 'none' } : { zh: String(v), en: String(v) };

/** "得分由 8.50 变为 9.10" / "得分仍为 8.50". */
const pointsText = (before: string, after: string): Bilingual =>
  before === after
    ? { zh: `得分仍为 ${after}`, en: `points unchanged at ${after}` }
    : { zh: `得分由 ${before} 变为 ${after}`, en: `points from ${before} to ${after}` };

/**
 * Whether a leaf counts with data, is exempted, or has none: a change between these moves weight
 * onto the unit's other leaves (redistribution), so their points change with their inputs unchanged.
 */
const presence = (l: DigestLeaf | undefined): 'none' | 'exempt' | 'given' =>
  !l || l.input === '' ? 'none' : l.input.startsWith('{"kind":"exempt"') ? 'exempt' : 'given';

const leafChanged = (a: DigestLeaf, b: DigestLeaf) =>
  a.points !== b.points || a.value !== b.value || a.input !== b.input;

/**
 * What changed between two runs and why, unit by unit (in group, unit order): units whose total,
 * rank, grade or any leaf changed, or that are in one run only. A leaf's cause is `input` when its
 * own input differs (or, its input unchanged, when another leaf of the unit gained, lost or was
 * exempted from its input, which moves weight), `rule` when the unit was scored by another system version, `added`/`removed` when the leaf is
 * in one run only, and otherwise `peers` (the group's other units moved a relative score).
 */
export function compareDigests(
  before: RunDigest,
  after: RunDigest,
): { summary: RunComparison['summary']; units: UnitComparison[] } {
  const codes = [...new Set([...Object.keys(before.units), ...Object.keys(after.units)])];
  const listed: UnitComparison[] = [];
  let changedTotals = 0;
  let changedRanks = 0;
  let changedGrades = 0;
  for (const code of codes) {
    const b = Object.hasOwn(before.units, code) ? before.units[code] : undefined;
    const a = Object.hasOwn(after.units, code) ? after.units[code] : undefined;
    const row = (a ?? b)!.row;
    const standing = (u: DigestUnit | undefined) =>
      u ? { total: u.row.total.shown, rank: u.row.rank, grade: u.row.grade } : null;
    if (!a || !b) {
      // A unit in one run only: its standing changed in every respect.
      changedTotals++;
      changedRanks++;
      changedGrades++;
      listed.push({
        unit: code,
        name: row.name,
        group: row.group,
        before: standing(b),
        after: standing(a),
        delta: null,
        changes: [],
      });
      continue;
    }
    const total = a.row.total.shown !== b.row.total.shown;
    const rank = a.row.rank !== b.row.rank;
    const grade = a.row.grade !== b.row.grade;
    if (total) changedTotals++;
    if (rank) changedRanks++;
    if (grade) changedGrades++;
    const changes = leafChanges(b, a);
    if (!total && !rank && !grade && changes.length === 0) continue;
    listed.push({
      unit: code,
      name: a.row.name,
      group: a.row.group,
      before: standing(b),
      after: standing(a),
      delta: signedDelta(b.row.total.shown, a.row.total.shown),
      changes,
    });
  }
  listed.sort((x, y) => byCode(x.group, y.group) || byCode(x.unit, y.unit));
  return { summary: { units: codes.length, changedTotals, changedRanks, changedGrades }, units: listed };
}

/** The unit's leaves that changed, in code order, each with its cause and the numbers. */
function leafChanges(b: DigestUnit, a: DigestUnit): Change[] {
  const codes = [...new Set([...Object.keys(b.leaves), ...Object.keys(a.leaves)])].sort(byCode);
  const weightMoved = codes.some((c) => {
    const x = Object.hasOwn(b.leaves, c) ? b.leaves[c] : undefined;
    const y = Object.hasOwn(a.leaves, c) ? a.leaves[c] : undefined;
    return presence(x) !== presence(y);
  });
  const out: Change[] = [];
  for (const c of codes) {
    const x = Object.hasOwn(b.leaves, c) ? b.leaves[c] : undefined;
    const y = Object.hasOwn(a.leaves, c) ? a.leaves[c] : undefined;
    if (x && y && !leafChanged(x, y)) continue;
    const side = (l: DigestLeaf | undefined) => (l ? { points: l.points, value: l.value } : null);
    const { cause, reason } = causeOf(x, y, b.system, a.system, weightMoved);
    out.push({ leaf: c, name: (y ?? x)!.name, before: side(x), after: side(y), cause, reason });
  }
  return out;
}

function causeOf(
  x: DigestLeaf | undefined,
  y: DigestLeaf | undefined,
  systemBefore: string,
  systemAfter: string,
  weightMoved: boolean,
): { cause: ChangeCause; reason: Bilingual } {
  if (!x) {
    const v = shownValue(y!.value);
    return {
      cause: 'added',
      reason: {
        zh: `新增考核的指标，数值 ${v.zh}，得分 ${y!.points}`,
        en: `An indicator new in this run: value ${v.en}, ${y!.points} points`,
      },
    };
  }
  if (!y) {
    const v = shownValue(x.value);
    return {
      cause: 'removed',
      reason: {
        zh: `该指标不再考核（原数值 ${v.zh}，原得分 ${x.points}）`,
        en: `The indicator is no longer evaluated (it had value ${v.en}, ${x.points} points)`,
      },
    };
  }
  const p = pointsText(x.points, y.points);
  const vb = shownValue(x.value);
  const va = shownValue(y.value);
  const values =
    x.value === y.value
      ? { zh: `数值仍为 ${va.zh}`, en: `the value is still ${va.en}` }
      : { zh: `数值由 ${vb.zh} 变为 ${va.zh}`, en: `the value changed from ${vb.en} to ${va.en}` };
  if (x.input !== y.input) {
    const zh = x.value === y.value ? `该指标的输入数据已变化（${values.zh}）` : `该指标${values.zh}`;
    const en =
      x.value === y.value
        ? `The indicator's input changed (${values.en})`
        : `The indicator's value changed from ${vb.en} to ${va.en}`;
    return { cause: 'input', reason: { zh: `${zh}，${p.zh}`, en: `${en}; ${p.en}` } };
  }
  if (systemBefore !== systemAfter)
    return {
      cause: 'rule',
      reason: {
        zh: `评分所用指标体系由 ${systemBefore} 变为 ${systemAfter}，${values.zh}，${p.zh}`,
        en: `Scored by ${systemAfter} instead of ${systemBefore}; ${values.en}; ${p.en}`,
      },
    };
  if (weightMoved)
    return {
      cause: 'input',
      reason: {
        zh: `本指标输入未变，本单位其他指标有数据新提交、撤回或免考，权重调剂随之变化，${p.zh}`,
        en: `This indicator's input is unchanged; other indicators of the unit gained, lost or were exempted from data, which moved weight: ${p.en}`,
      },
    };
  return {
    cause: 'peers',
    reason: {
      zh: `本单位该指标输入未变，同组其他单位的数据变化，${values.zh}，${p.zh}`,
      en: `The unit's input is unchanged; other units of the group changed: ${values.en}; ${p.en}`,
    },
  };
}
