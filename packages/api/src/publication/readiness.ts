import {
  type Appeal,
  type Bilingual,
  CYCLE_STATE_LABELS,
  type Cycle,
  type EvaluationRun,
  type Publication,
  type ReleasePointer,
} from '@jixiao/core';

/**
 * Whether the office may publish the cycle's results now, and every reason why not, in both
 * languages (shown on the publication page, and named by the 409 `publication_not_ready`): results
 * are published after appeals (申诉复核后定稿), so the released results must be final.
 */

/** The states the cycle may be published in: its review (after the appeals) and once closed. */
const PUBLISHABLE: readonly Cycle['state'][] = ['review', 'closed'];

export interface ReadinessFacts {
  cycle: Cycle;
  pointer: ReleasePointer | undefined;
  appeals: readonly Appeal[];
  runs: readonly EvaluationRun[];
  publication: Publication | undefined;
}

export function publicationBlockers(f: ReadinessFacts): Bilingual[] {
  const out: Bilingual[] = [];
  if (!PUBLISHABLE.includes(f.cycle.state)) {
    const s = CYCLE_STATE_LABELS[f.cycle.state];
    const [review, closed] = [CYCLE_STATE_LABELS.review, CYCLE_STATE_LABELS.closed];
    out.push({
      zh: `考核周期处于「${s.zh}」环节，须在「${review.zh}」或「${closed.zh}」环节公开结果`,
      en: `the cycle is in ${s.en}; results are published in ${review.en} or once ${closed.en.toLowerCase()}`,
    });
  }
  if (!f.pointer) {
    out.push({
      zh: '尚未向各单位发布评估结果',
      en: 'no results have been released to the units yet',
    });
  }
  const waiting = f.appeals.filter((a) => a.status === 'submitted').length;
  if (waiting)
    out.push({
      zh: `仍有 ${waiting} 件申诉待复核`,
      en: `${waiting} appeal${waiting === 1 ? '' : 's'} still await${waiting === 1 ? 's' : ''} a decision`,
    });
  if (f.pointer) {
    // Accepted appeals correct inputs: until a run that takes them in is released, the released results are not final.
    const released = f.runs.find((r) => r.id === f.pointer!.run);
    const taken = new Set(
      f.runs
        .filter((r) => r.status !== 'failed' && released && r.number <= released.number)
        .flatMap((r) => r.appeals ?? []),
    );
    const pending = f.appeals.filter((a) => a.status === 'accepted' && !taken.has(a.id)).length;
    if (pending)
      out.push({
        zh: `${pending} 件已采纳的申诉尚未纳入已发布的结果，须重新计算并发布`,
        en: `${pending} accepted appeal${pending === 1 ? ' is' : 's are'} not yet in the released results; run and release again`,
      });
    const p = f.publication;
    if (p?.status === 'published' && p.run === f.pointer.run)
      out.push({
        zh: `已发布的结果（第 ${f.pointer.number} 次计算）已公开（第 ${p.number} 次公开），无需重复公开`,
        en: `the released results (run ${f.pointer.number}) are already published (publication ${p.number})`,
      });
  }
  return out;
}
