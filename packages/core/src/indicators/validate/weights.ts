import type { z } from 'zod';
import type { Bilingual } from '../../scoring/types';
import { type IndicatorNode, isBranch, type SystemContent } from '../model';
import type { weightSumSchema } from '../views';
import { D, formatNumber, type IssueList, signed, sum, WEIGHT_TOLERANCE } from './issues';

export type WeightSum = z.infer<typeof weightSumSchema>;

export function sumEntry(
  path: string,
  code: string | null,
  name: string | null,
  children: readonly IndicatorNode[],
  expected: number,
): WeightSum {
  const s = sum(children.map((c) => c.weight));
  const diff = s.minus(expected);
  return {
    path,
    code,
    name,
    sum: s.toNumber(),
    expected,
    diff: diff.toDecimalPlaces(6).toNumber(),
    ok: diff.abs().lessThanOrEqualTo(WEIGHT_TOLERANCE),
  };
}

/**
 * The weight sum of every branch, in tree order, starting with the dimensions against `total`.
 * The console shows these live while the office edits; the API returns them with a system.
 */
export function weightSummary(content: Pick<SystemContent, 'dimensions' | 'total'>): WeightSum[] {
  const out: WeightSum[] = [sumEntry('dimensions', null, null, content.dimensions, content.total)];
  const walk = (node: IndicatorNode, path: string) => {
    if (!isBranch(node)) return;
    out.push(sumEntry(`${path}.children`, node.code, node.name, node.children, node.weight));
    node.children.forEach((c, i) => {
      walk(c, `${path}.children.${i}`);
    });
  };
  content.dimensions.forEach((d, i) => {
    walk(d, `dimensions.${i}`);
  });
  return out;
}

/**
 * A sibling list whose weights do not add up. The message says how far off it is and what the
 * office can do: the editor offers both corrections (scale to the expected sum, or lower named weights).
 */
export function checkSum(issues: IssueList, entry: WeightSum, label: Bilingual | null): void {
  if (entry.ok) return;
  const s = formatNumber(entry.sum);
  const t = formatNumber(entry.expected);
  const d = signed(new D(entry.sum).minus(entry.expected));
  const over = entry.sum > entry.expected;
  const fix = {
    zh: `；可「调整权重」：按比例缩放至 ${t}${over ? '，或指定需要降低的权重' : ''}`,
    en: `; "Correct weights" scales them to ${t}${over ? ' or lowers the weights you name' : ''}`,
  };
  if (label === null)
    issues.add(
      'weight_sum',
      entry.path,
      `一级指标权重合计为 ${s}，应为 ${t}（相差 ${d}）${fix.zh}`,
      `Dimension weights add up to ${s}; they must add up to ${t} (off by ${d})${fix.en}`,
    );
  else
    issues.add(
      'weight_sum',
      entry.path,
      `${label.zh}的下级指标权重合计为 ${s}，应等于其权重 ${t}（相差 ${d}）${fix.zh}`,
      `Weights under ${label.en} add up to ${s}; they must add up to its weight ${t} (off by ${d})${fix.en}`,
    );
}
