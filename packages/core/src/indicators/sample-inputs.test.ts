import { describe, expect, it } from 'vitest';
import { unitInputsSchema } from './model';
import { sampleInputs } from './sample-inputs';
import { TEMPLATES } from './templates';

const units = [
  { unit: 'FGW', group: 'ECON' },
  { unit: 'JYJ', group: 'SOCIAL' },
];

describe('sampleInputs', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    'gives schema-valid input for every leaf of %s',
    (_id, t) => {
      const inputs = sampleInputs(t.content, units);
      expect(inputs).toHaveLength(2);
      for (const u of inputs) {
        expect(unitInputsSchema.safeParse(u).success).toBe(true);
        expect(Object.keys(u.leaves).length).toBeGreaterThan(5);
      }
    },
  );

  it('is deterministic and differs between units', () => {
    const t = TEMPLATES[0]!;
    expect(JSON.stringify(sampleInputs(t.content, units))).toBe(
      JSON.stringify(sampleInputs(t.content, units)),
    );
    const [a, b] = sampleInputs(t.content, units);
    expect(JSON.stringify(a!.leaves)).not.toBe(JSON.stringify(b!.leaves));
  });
});

describe('sampleInputs with the investment-project template', () => {
  it('gives formula leaves arguments their calculators accept', async () => {
    const { scoreUnits } = await import('../scoring');
    const { FINANCE_CALCULATORS } = await import('../finance');
    const t = TEMPLATES.find((x) =>
      x.content.dimensions.some((d) => JSON.stringify(d).includes('"formula"')),
    )!;
    const result = scoreUnits(t.content, sampleInputs(t.content, units), {
      calculators: FINANCE_CALCULATORS,
    });
    const statuses = JSON.stringify(result.units.map((u) => u.dimensions));
    expect(statuses).toContain('"rule":"formula"');
    expect(statuses).toContain('"status":"scored"');
  });
});
