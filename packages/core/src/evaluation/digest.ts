import { canonicalJson } from '../cycles/audit';
import type { UnitInputs } from '../indicators/model';
import { byCode } from '../scoring/run';
import type { LeafResult, NodeResult } from '../scoring/types';
import type { RunDigest, UnitRunResult } from './model';
import { resultRowOf } from './rows';

const leafResults = (nodes: readonly NodeResult[]): LeafResult[] =>
  nodes.flatMap((n) => (n.type === 'leaf' ? [n] : leafResults(n.children)));

/**
 * A run's digest: per unit the system that scored it (`id@version`), its row, and per leaf the shown
 * points, the value and the input's canonical JSON ('' when none), so comparing two runs tells an
 * input that changed from a rule or a peer that did. Units and leaves in code order.
 */
export function digestOf(results: readonly UnitRunResult[], inputs: readonly UnitInputs[]): RunDigest {
  const inputOf = new Map(inputs.map((u) => [u.unit, u]));
  const units: RunDigest['units'] = {};
  for (const r of [...results].sort((a, b) => byCode(a.unit, b.unit))) {
    const given = inputOf.get(r.unit)?.leaves ?? {};
    const leaves: RunDigest['units'][string]['leaves'] = {};
    for (const l of leafResults(r.result.dimensions).sort((a, b) => byCode(a.code, b.code))) {
      if (Object.hasOwn(leaves, l.code)) continue;
      leaves[l.code] = {
        name: l.name,
        points: l.points.shown,
        value: l.value,
        input: Object.hasOwn(given, l.code) ? canonicalJson(given[l.code]) : '',
      };
    }
    units[r.unit] = { system: `${r.system.id}@${r.system.version}`, row: resultRowOf(r), leaves };
  }
  return { units };
}
