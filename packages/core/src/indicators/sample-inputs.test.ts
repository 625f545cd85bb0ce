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

describe('sampleInputs for every finance calculator', () => {
  it('gives each calculator arguments it computes, and never the office’s arguments or a money unit', async () => {
    const { scoreUnits } = await import('../scoring');
    const { FINANCE_CALCULATOR_NAMES, FINANCE_CALCULATORS } = await import('../finance');
    const { formulaRule, leaf, system } = await import('../scoring/testing');
    const leaves = FINANCE_CALCULATOR_NAMES.map((name, i) => {
      const office = (FINANCE_CALCULATORS[name] as { officeArgs?: readonly string[] }).officeArgs ?? [];
      return leaf(`F${i + 1}`, 1, formulaRule(name, { kind: 'target_gap', tolerance: 1000 }), {
        name,
        ...(office.includes('ratePercent') ? { officeParams: { args: { ratePercent: 8 } } } : {}),
      });
    });
    const content = system({
      dimensions: [{ code: 'D', name: '财务', weight: leaves.length, children: leaves }],
    });
    const inputs = sampleInputs(content, units);
    for (const u of inputs) {
      expect(unitInputsSchema.safeParse(u).success).toBe(true);
      for (const input of Object.values(u.leaves)) {
        expect(input.kind).toBe('formula');
        if (input.kind !== 'formula') continue;
        expect(Object.keys(input.args)).not.toContain('ratePercent');
        expect(Object.keys(input.args)).not.toContain('moneyUnit');
        expect(input.moneyUnit).toBeUndefined();
      }
    }
    const result = scoreUnits(content, inputs, { calculators: FINANCE_CALCULATORS });
    for (const u of result.units) {
      const children = (u.dimensions[0] as { children: { name: string; status: string; reason: unknown }[] })
        .children;
      for (const c of children) expect(c.status, `${c.name}: ${JSON.stringify(c.reason)}`).toBe('scored');
    }
  });

  it('samples a project that pays back (even discounted at 10%), emissions within their limits and positive investments', async () => {
    const { runFinanceCalculator } = await import('../finance');
    const { formulaRule, leaf, system } = await import('../scoring/testing');
    const names = ['static_payback', 'eqi', 'eqi_exceedances', 'npvr', 'dynamic_payback'] as const;
    const content = system({
      dimensions: [
        {
          code: 'D',
          name: '财务',
          weight: names.length,
          children: names.map((name, i) =>
            leaf(`F${i + 1}`, 1, formulaRule(name, { kind: 'target_gap', tolerance: 10 })),
          ),
        },
      ],
    });
    const many = Array.from({ length: 40 }, (_, i) => ({ unit: `U${i}`, group: 'G' }));
    for (const u of sampleInputs(content, many)) {
      const args = (code: string) => (u.leaves[code] as { args: Record<string, unknown> }).args;
      const payback = runFinanceCalculator('static_payback', args('F1'));
      expect(payback.ok && payback.value).toBeLessThan(7);
      expect(runFinanceCalculator('eqi_exceedances', args('F3'))).toEqual({ ok: true, value: 0 });
      const eqi = runFinanceCalculator('eqi', args('F2'));
      expect(eqi.ok && eqi.value).toBeLessThan(1);
      expect((args('F4').investments as number[]).every((x) => x > 0)).toBe(true);
      expect(runFinanceCalculator('dynamic_payback', { ...args('F5'), ratePercent: 10 })).toMatchObject({
        ok: true,
      });
    }
  });

  it('scores every formula leaf of every template (no invalid sample)', async () => {
    const { scoreUnits } = await import('../scoring');
    const { FINANCE_CALCULATORS } = await import('../finance');
    let formulas = 0;
    for (const t of TEMPLATES) {
      const result = scoreUnits(t.content, sampleInputs(t.content, units), {
        calculators: FINANCE_CALCULATORS,
      });
      const leaves: { rule: string; status: string; code: string; reason: { zh: string } }[] = [];
      const walk = (n: { type?: string; children?: unknown[] }) => {
        if (n.type === 'leaf') leaves.push(n as (typeof leaves)[number]);
        for (const c of n.children ?? []) walk(c as typeof n);
      };
      for (const u of result.units) for (const d of u.dimensions) walk(d as { children?: unknown[] });
      for (const l of leaves.filter((x) => x.rule === 'formula')) {
        formulas++;
        expect(l.status, `${t.id} ${l.code}: ${l.reason.zh}`).not.toBe('invalid');
      }
    }
    expect(formulas).toBeGreaterThan(10);
  });
});
