import { type FormValues, list, str } from '../../../forms';
import type { EdNode, EdSystem } from './model';

/** The editor's model from the submitted form (field names: see ./model). */

const indexed = (form: FormValues, prefix: string): number[] =>
  [
    ...new Set(
      Object.keys(form)
        .map((k) => new RegExp(`^${prefix}\\.(\\d+)\\.code$`).exec(k)?.[1])
        .filter((x): x is string => x !== undefined)
        .map(Number),
    ),
  ].sort((a, b) => a - b);

export function fromForm(form: FormValues): EdSystem {
  const f = (name: string) => str(form[name]);
  // Node keys present in the form, e.g. "0", "0.1", "0.1.0".
  const keys = Object.keys(form)
    .map((k) => /^n\.(\d+(?:\.\d+){0,2})\.code$/.exec(k)?.[1])
    .filter((x): x is string => x !== undefined);
  const parts = (k: string) => k.split('.').map(Number);
  const byParent = new Map<string, string[]>();
  for (const k of keys) {
    const p = parts(k);
    const parent = p.slice(0, -1).join('.');
    byParent.set(parent, [...(byParent.get(parent) ?? []), k]);
  }
  const build = (parent: string): EdNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => (parts(a).at(-1) ?? 0) - (parts(b).at(-1) ?? 0))
      .map((k) => {
        const p = (field: string) => f(`n.${k}.${field}`);
        const children = build(k);
        return {
          kind: children.length > 0 || p('kind') === 'branch' ? 'branch' : 'leaf',
          code: p('code'),
          name: p('name'),
          weight: p('weight'),
          criteria: p('criteria'),
          unit: p('unit'),
          direction: p('direction') || 'higher',
          type: p('type') || 'quantitative',
          source: p('source') || 'self_report',
          rule: p('rule') || 'target_completion',
          params: p('params'),
          evidence: p('evidence') === 'true',
          evidenceDescription: p('evidenceDescription'),
          appliesTo: list(form[`n.${k}.appliesTo`]).filter((x) => x.trim() !== ''),
          missing: p('missing'),
          officeParams: p('officeParams'),
          party: p('party'),
          extra: p('extra') || '{}',
          children,
        };
      });
  return {
    version: f('version'),
    name: f('name'),
    description: f('description'),
    total: f('total'),
    bonusCap: f('bonusCap'),
    missingData: f('missingData') || 'zero',
    exemption: f('exemption') || 'redistribute',
    decimals: f('decimals'),
    quotaRounding: f('quotaRounding') || 'floor',
    tieBreak: Object.keys(form)
      .map((k) => /^tb\.(\d+)$/.exec(k)?.[1])
      .filter((x): x is string => x !== undefined)
      .map(Number)
      .sort((a, b) => a - b)
      .map((i) => f(`tb.${i}`))
      .filter((x) => x !== ''),
    dims: build(''),
    bonus: indexed(form, 'b').map((i) => ({
      code: f(`b.${i}.code`),
      name: f(`b.${i}.name`),
      maxPoints: f(`b.${i}.maxPoints`),
      criteria: f(`b.${i}.criteria`),
      extra: f(`b.${i}.extra`) || '{}',
    })),
    veto: indexed(form, 'x').map((i) => ({
      code: f(`x.${i}.code`),
      name: f(`x.${i}.name`),
      effect: f(`x.${i}.effect`) || 'fail',
      criteria: f(`x.${i}.criteria`),
      extra: f(`x.${i}.extra`) || '{}',
    })),
    levels: indexed(form, 'g').map((i) => ({
      code: f(`g.${i}.code`),
      zh: f(`g.${i}.zh`),
      en: f(`g.${i}.en`),
      min: f(`g.${i}.min`),
      maxShare: f(`g.${i}.maxShare`),
      extra: f(`g.${i}.extra`) || '{}',
    })),
    extra: f('extra') || '{}',
  };
}
