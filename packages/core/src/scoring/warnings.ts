import type { UnitInputs } from '../indicators/model';
import { unknownStatistics } from './context';
import type { Bilingual } from './rules/types';
import { byCode, type Run } from './run';

/** Inputs naming nothing in the system: kept out of the score, but never silently. */
export function warningsOf(run: Run, u: UnitInputs): Bilingual[] {
  const { content, tree } = run;
  const out: Bilingual[] = [];
  const unknownLeaves = Object.keys(u.leaves ?? {})
    .filter((c) => !tree.leafByCode.has(c))
    .sort(byCode);
  if (unknownLeaves.length > 0) {
    out.push({
      zh: `以下指标编码不在本指标体系中，已忽略：${unknownLeaves.join('、')}`,
      en: `Ignored data for indicator codes not in this system: ${unknownLeaves.join(', ')}`,
    });
  }
  const bonusCodes = new Set((content.bonusItems ?? []).map((b) => b.code));
  const unknownBonus = Object.keys(u.bonus ?? {})
    .filter((c) => !bonusCodes.has(c))
    .sort(byCode);
  if (unknownBonus.length > 0) {
    out.push({
      zh: `以下加分项编码不在本指标体系中，已忽略：${unknownBonus.join('、')}`,
      en: `Ignored bonus claims for codes not in this system: ${unknownBonus.join(', ')}`,
    });
  }
  const vetoCodes = new Set((content.vetoItems ?? []).map((v) => v.code));
  const unknownVeto = Object.keys(u.vetoes ?? {})
    .filter((c) => !vetoCodes.has(c))
    .sort(byCode);
  if (unknownVeto.length > 0) {
    out.push({
      zh: `以下一票否决事项编码不在本指标体系中，已忽略：${unknownVeto.join('、')}`,
      en: `Ignored veto codes not in this system: ${unknownVeto.join(', ')}`,
    });
  }
  const unknownStats = unknownStatistics(content, u);
  if (unknownStats) out.push(unknownStats);
  return out;
}
