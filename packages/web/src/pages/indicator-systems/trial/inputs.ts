import { CONTRACTS } from '@jixiao/api/contracts';
import { type SystemContent, sampleInputs } from '@jixiao/core';
import type { Ctx } from '../../../context';

/** How many of the tenant's units the trial's sample inputs cover. */
const TRIAL_UNITS = 8;

/** Inputs one unit per block, one leaf per line: short enough to read and edit in a textarea. */
export function formatInputs(units: ReturnType<typeof sampleInputs>): string {
  const blocks = units.map((u) => {
    const leaves = Object.entries(u.leaves).map(
      ([k, x]) => `      ${JSON.stringify(k)}: ${JSON.stringify(x)}`,
    );
    return [
      '  {',
      `    "unit": ${JSON.stringify(u.unit)}, "group": ${JSON.stringify(u.group)},`,
      '    "leaves": {',
      leaves.join(',\n'),
      '    },',
      `    "bonus": ${JSON.stringify(u.bonus)}, "vetoes": ${JSON.stringify(u.vetoes)}`,
      '  }',
    ].join('\n');
  });
  return `[\n${blocks.join(',\n')}\n]`;
}

/**
 * What the trial panel needs besides the result: the tenant's unit and group names, and sample
 * inputs for its first active units (prefilled when the user has typed none).
 */
export async function loadTrialUnits(c: Ctx, content: SystemContent) {
  const api = c.get('api');
  const [units, groups] = await Promise.all([
    api.all(CONTRACTS.units.list, {}),
    api.all(CONTRACTS.unitGroups.list, {}),
  ]);
  const unitList = units.ok ? units.data.items : [];
  const picked = unitList.filter((u) => u.active).slice(0, TRIAL_UNITS);
  let sample = '[]';
  try {
    sample = formatInputs(
      sampleInputs(
        content,
        picked.map((u) => ({ unit: u.code, group: u.group })),
      ),
    );
  } catch {
    sample = '[]';
  }
  return {
    unitNames: new Map(unitList.map((u) => [u.code, u.name])),
    groupNames: new Map((groups.ok ? groups.data.items : []).map((g) => [g.code, g.name])),
    noUnits: picked.length === 0,
    sample,
  };
}
