import { AppError, type FieldIssue } from '../errors/app-error';
import {
  MEETING_QUORUM,
  type Meeting,
  type MeetingAdjustment,
  type MeetingDecision,
  type MeetingMember,
  VOTING_ROLES,
} from './model';

/**
 * The meeting's rules, pure: what a save may hold (decisions only for units of the cycle, one per
 * unit, one chair), what concluding needs (the quorum, minutes, the day come), that a concluded
 * meeting is locked, and the adjustments it hands to the results (#10).
 */

/** A rule not met, in both languages. */
export interface MeetingUnmet {
  zh: string;
  en: string;
}

/**
 * Field issues of a save (paths relative to the body): a decision for a unit not in the cycle, a
 * second decision for the same unit (one decision per unit: the second is refused, never merged),
 * more than one chair.
 */
export function meetingIssues(
  input: { members: readonly MeetingMember[]; decisions: readonly MeetingDecision[] },
  unitsInCycle: ReadonlySet<string>,
): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  input.decisions.forEach((d, i) => {
    const path = `decisions.${i}.unit`;
    if (!unitsInCycle.has(d.unit))
      out.push({
        path,
        zh: `单位 ${d.unit} 不在该考核周期范围内`,
        en: `Unit ${d.unit} is not in this cycle`,
      });
    else if (seen.has(d.unit))
      out.push({
        path,
        zh: `单位 ${d.unit} 的评议意见重复，每个单位只能有一条`,
        en: `Unit ${d.unit} has more than one decision; give one per unit`,
      });
    seen.add(d.unit);
  });
  let chairs = 0;
  input.members.forEach((m, i) => {
    if (m.role !== 'chair') return;
    chairs++;
    if (chairs > 1)
      out.push({
        path: `members.${i}.role`,
        zh: '评议会只能有一名主持人',
        en: 'A meeting has one chair',
      });
  });
  return out;
}

/** Voting members (the chair included). */
export const votingMembers = (m: Pick<Meeting, 'members'>): number =>
  m.members.filter((x) => VOTING_ROLES.includes(x.role)).length;

/**
 * What concluding still needs (empty = it may conclude): a chair; at least MEETING_QUORUM voting
 * members (chair and members; the secretary and observers do not count); the minutes; and the
 * meeting's day reached (a meeting cannot conclude before it is held).
 */
export function concludeUnmet(
  m: Pick<Meeting, 'members' | 'minutes' | 'day'>,
  today: string,
): MeetingUnmet[] {
  const out: MeetingUnmet[] = [];
  if (!m.members.some((x) => x.role === 'chair'))
    out.push({ zh: '尚未确定主持人', en: 'The meeting has no chair' });
  const voting = votingMembers(m);
  if (voting < MEETING_QUORUM)
    out.push({
      zh: `参加评议的成员（含主持人）不足 ${MEETING_QUORUM} 人（现有 ${voting} 人）`,
      en: `Fewer than ${MEETING_QUORUM} voting members, chair included (${voting})`,
    });
  if (m.minutes.trim() === '') out.push({ zh: '尚未填写会议纪要', en: 'The minutes are empty' });
  if (m.day > today)
    out.push({
      zh: `会议日期 ${m.day} 尚未到来`,
      en: `The meeting's day ${m.day} has not come yet`,
    });
  return out;
}

/** 409 `precondition_failed` naming everything concluding still needs. */
export function assertConcludable(m: Pick<Meeting, 'members' | 'minutes' | 'day'>, today: string): void {
  const unmet = concludeUnmet(m, today);
  if (unmet.length === 0) return;
  throw new AppError({
    status: 409,
    code: 'precondition_failed',
    zh: `评议会还不能形成结论：${unmet.map((u) => u.zh).join('；')}。`,
    en: `The meeting cannot conclude yet: ${unmet.map((u) => u.en).join('; ')}.`,
    detail: { unmet },
  });
}

/** 409 `meeting_concluded`: a concluded meeting is the record of what was decided; nothing changes it. */
export const meetingConcluded = () =>
  new AppError({
    status: 409,
    code: 'meeting_concluded',
    zh: '评议会已形成结论，记录已锁定，不能再修改。',
    en: 'The review meeting has concluded; its record is locked and cannot be changed.',
  });

/** Throws 409 unless the meeting may still change. */
export function assertEditable(m: Pick<Meeting, 'status'> | undefined): void {
  if (m?.status === 'concluded') throw meetingConcluded();
}

/**
 * The adjustments a meeting makes to units' totals, by unit: only from a concluded meeting (a
 * draft's are provisional and adjust nothing). The input of the results (#10).
 */
export function meetingAdjustments(
  m: Pick<Meeting, 'status' | 'decisions'> | undefined,
): Map<string, MeetingAdjustment> {
  const out = new Map<string, MeetingAdjustment>();
  if (m?.status !== 'concluded') return out;
  for (const d of m.decisions)
    if (d.adjustment && !out.has(d.unit))
      out.set(d.unit, { points: d.adjustment.points, reason: d.adjustment.reason });
  return out;
}

/** One unit's adjustment that a save adds, changes or removes (for the audit trail). */
export interface AdjustmentChange {
  unit: string;
  before: MeetingAdjustment | null;
  after: MeetingAdjustment | null;
}

const sameAdjustment = (a: MeetingAdjustment | undefined, b: MeetingAdjustment | undefined) =>
  a?.points === b?.points && a?.reason === b?.reason;

/** The adjustments that differ between two sets of decisions, in unit order. */
export function adjustmentChanges(
  before: readonly MeetingDecision[],
  after: readonly MeetingDecision[],
): AdjustmentChange[] {
  const of = (ds: readonly MeetingDecision[]) => new Map(ds.map((d) => [d.unit, d.adjustment]));
  const b = of(before);
  const a = of(after);
  const units = [...new Set([...b.keys(), ...a.keys()])].sort();
  return units
    .filter((u) => !sameAdjustment(b.get(u), a.get(u)))
    .map((unit) => ({ unit, before: b.get(unit) ?? null, after: a.get(unit) ?? null }));
}

const signed = (p: number) => (p > 0 ? `+${p}` : String(p));

/** An adjustment in words for the audit trail's note: unit, points and reason. */
export function adjustmentNote(c: AdjustmentChange): string {
  if (!c.after) return `${c.unit}：撤销评分调整（原 ${signed(c.before!.points)} 分）`;
  return `${c.unit}：评分调整 ${signed(c.after.points)} 分，理由：${c.after.reason}`;
}
