import type { CycleState } from '../cycles/model';
import type { Bilingual } from '../scoring/types';
import { CYCLE_STATE_LABELS } from '../vocabulary/cycle-labels';
import { RUN_KIND_LABELS } from '../vocabulary/evaluation-labels';
import type { RunKind } from './model';
import type { Readiness } from './views';

/** What the API counts in the cycle before a run (the rules below turn it into the readiness). */
export interface ReadinessFacts {
  state: CycleState;
  /** The run under way, if any. */
  running?: { number: number };
  units: number;
  /** Values still pending verification. */
  pendingValues: number;
  /** Expert review rounds still open. */
  openRounds: number;
  /** Surveys still collecting answers. */
  openSurveys: number;
  /** The review meeting (评议会): none, under way, or concluded. */
  meeting: 'none' | 'draft' | 'concluded';
  /** Units with an office determination. */
  determinations: number;
}

/** The kind of run each cycle state allows: official in review, a trial (试算) in verification. */
const KIND_IN: Partial<Record<CycleState, RunKind>> = { review: 'official', verification: 'trial' };

/**
 * Before a run: what it would be, what blocks it (the wrong cycle state, a run under way) and what
 * the office should know because it changes what the run scores (notes never block).
 */
export function readinessOf(f: ReadinessFacts): Readiness {
  const blockers: Bilingual[] = [];
  const notes: Bilingual[] = [];
  const kind = KIND_IN[f.state] ?? null;
  if (!kind) {
    const s = CYCLE_STATE_LABELS[f.state];
    const trial = CYCLE_STATE_LABELS.verification;
    const official = CYCLE_STATE_LABELS.review;
    blockers.push({
      zh: `本周期处于「${s.zh}」阶段，不能计算：「${trial.zh}」阶段可${RUN_KIND_LABELS.trial.zh}，「${official.zh}」阶段可${RUN_KIND_LABELS.official.zh}`,
      en: `The cycle is in ${s.en}, so no run can start: a trial run is possible in ${trial.en}, an official run in ${official.en}`,
    });
  }
  if (f.running)
    blockers.push({
      zh: `第 ${f.running.number} 次计算正在进行，待其完成或中断后才能再次计算`,
      en: `Run ${f.running.number} is under way; another can start once it finishes or stops`,
    });
  if (f.units === 0)
    notes.push({
      zh: '本周期没有纳入考核的单位（检查指标体系与单位分组的绑定）',
      en: 'No unit is evaluated in this cycle (check which unit groups the systems are bound to)',
    });
  if (f.pendingValues > 0)
    notes.push({
      zh: `${f.pendingValues} 项数值尚未核实，计算时按报送的数值计入`,
      en: `${f.pendingValues} value(s) are not yet verified; the run scores them as reported`,
    });
  if (f.openRounds > 0)
    notes.push({
      zh: `${f.openRounds} 个专家评议轮次尚未结束，其评分不计入本次计算`,
      en: `${f.openRounds} expert review round(s) are still open; their scores are not in this run`,
    });
  if (f.openSurveys > 0)
    notes.push({
      zh: `${f.openSurveys} 项满意度测评尚未截止，按目前已收到的答卷计算`,
      en: `${f.openSurveys} survey(s) are still collecting answers; the run scores the answers so far`,
    });
  if (f.meeting === 'draft')
    notes.push({
      zh: '综合评议会尚未结束，其调整不计入本次计算',
      en: 'The review meeting has not concluded; its adjustments are not in this run',
    });
  if (f.units > 0 && f.determinations === 0)
    notes.push({
      zh: '考核办尚未作出任何年终认定：定性、扣分和公式指标以及加分、一票否决事项将无数据',
      en: 'The office has made no year-end determination yet: qualitative, deduction and formula indicators, bonus and vetoes have no data',
    });
  return { kind: blockers.length ? null : kind, blockers, notes };
}
