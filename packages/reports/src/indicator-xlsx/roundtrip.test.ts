import { PROVENANCE_COVERS, SOURCE_DOCUMENTS, TEMPLATES } from '@jixiao/core';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportSystemXlsx } from './export';
import { importSystemXlsx } from './import';
import {
  type IndicatorNode,
  isBranch,
  type Leaf,
  RULE_KINDS,
  type SystemContent,
  systemContentSchema,
} from './model';
import { richSystem } from './test-fixtures';

async function roundTrip(c: SystemContent) {
  const bytes = await exportSystemXlsx(c, { tenantName: '哈尔滨市', status: 'draft', systemVersion: 3 });
  return importSystemXlsx(bytes);
}

const nodesOf = (nodes: readonly IndicatorNode[]): IndicatorNode[] =>
  nodes.flatMap((n) => (isBranch(n) ? [n, ...nodesOf(n.children)] : [n]));
const leavesOf = (nodes: readonly IndicatorNode[]): Leaf[] =>
  nodesOf(nodes).filter((n): n is Leaf => !isBranch(n));

describe('export → import round trip', () => {
  it('keeps a rich system with every rule kind, bonus, veto, statistics and custom grading exactly', async () => {
    const leaves = leavesOf(richSystem.dimensions);
    const kinds = new Set(leaves.map((l) => l.rule.kind));
    expect([...kinds].sort()).toEqual([...RULE_KINDS].sort());

    const r = await roundTrip(richSystem);
    if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
    expect(r.warnings).toEqual([]);
    expect(r.content).toStrictEqual(systemContentSchema.parse(richSystem));
  });

  it('keeps every new field of the fixture: provenance, office parameters, party, statistics, target_gap', async () => {
    // The fixture exercises each of them (so that the test above is about something) …
    const nodes = nodesOf(richSystem.dimensions);
    const leaves = leavesOf(richSystem.dimensions);
    const provenances = [
      ...nodes.map((n) => n.provenance),
      ...richSystem.bonusItems.map((b) => b.provenance),
      ...richSystem.vetoItems.map((v) => v.provenance),
      ...richSystem.statistics.map((s) => s.provenance),
      ...richSystem.grading.levels.map((g) => g.provenance),
    ];
    expect(provenances.some((p) => p?.kind === 'source' && p.covers?.includes('weight'))).toBe(true);
    expect(provenances.some((p) => p?.kind === 'source' && p.covers?.includes('formula'))).toBe(true);
    expect(provenances.some((p) => p?.kind === 'source' && p.covers?.length === 0)).toBe(true);
    expect(provenances.some((p) => p?.kind === 'example' && p.note)).toBe(true);
    expect(provenances.some((p) => p?.kind === 'example' && p.note === undefined)).toBe(true);
    expect(provenances.some((p) => p === undefined)).toBe(true);
    expect(leaves.some((l) => l.officeParams?.target !== undefined)).toBe(true);
    expect(leaves.some((l) => Object.values(l.officeParams?.args ?? {}).some(Array.isArray))).toBe(true);
    expect(new Set(leaves.map((l) => l.party))).toEqual(new Set(['buyer', 'provider', undefined]));
    expect(leaves.some((l) => l.rule.kind === 'formula' && l.rule.then.kind === 'target_gap')).toBe(true);
    expect(richSystem.statistics.length).toBeGreaterThan(0);

    // … and each comes back, field by field.
    const r = await roundTrip(richSystem);
    if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
    const back = r.content;
    expect(nodesOf(back.dimensions).map((n) => [n.code, n.provenance])).toStrictEqual(
      nodes.map((n) => [n.code, n.provenance]),
    );
    const leafFields = (l: Leaf) => [l.code, l.officeParams, l.party, l.rule];
    expect(leavesOf(back.dimensions).map(leafFields)).toStrictEqual(leaves.map(leafFields));
    expect(back.statistics).toStrictEqual(richSystem.statistics);
    expect(back.bonusItems.map((b) => b.provenance)).toStrictEqual(
      richSystem.bonusItems.map((b) => b.provenance),
    );
    expect(back.vetoItems.map((v) => v.provenance)).toStrictEqual(
      richSystem.vetoItems.map((v) => v.provenance),
    );
    expect(back.grading.levels.map((g) => g.provenance)).toStrictEqual(
      richSystem.grading.levels.map((g) => g.provenance),
    );
  });

  it('writes no statistics sheet and no 出处 sheet for a system without them, and reads it back the same', async () => {
    const plain = structuredClone(richSystem);
    plain.statistics = [];
    const strip = (nodes: IndicatorNode[]) => {
      for (const n of nodesOf(nodes)) delete n.provenance;
    };
    strip(plain.dimensions);
    for (const list of [plain.bonusItems, plain.vetoItems, plain.grading.levels]) {
      for (const x of list) delete x.provenance;
    }
    const bytes = await exportSystemXlsx(plain);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标体系', '加分与否决', '等级与规则']);
    const r = await importSystemXlsx(bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
    expect(r.content).toStrictEqual(systemContentSchema.parse(plain));
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('keeps the %s template exactly', async (_id, t) => {
    const r = await roundTrip(t.content);
    if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
    expect(r.content).toStrictEqual(systemContentSchema.parse(t.content));
  });

  it('writes formula-like text behind an apostrophe and reads it back unchanged', async () => {
    const hostile = ['=HYPERLINK("http://x","点我")', '+86-451', '-减分项', '@SUM(A1)', "'=1"];
    const c = structuredClone(systemContentSchema.parse(richSystem));
    const leaves = leavesOf(c.dimensions);
    hostile.forEach((text, i) => {
      leaves[i]!.name = text;
      leaves[i]!.criteria = text;
    });
    c.bonusItems[0]!.name = hostile[0]!;
    const bytes = await exportSystemXlsx(c);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
    const cells: unknown[] = [];
    wb.getWorksheet('指标体系')!.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell.value);
      });
    });
    expect(cells).toEqual(
      expect.arrayContaining(['\'=HYPERLINK("http://x","点我")', "'+86-451", "'@SUM(A1)", "''=1"]),
    );
    expect(cells.some((v) => typeof v === 'string' && /^[=+@]/.test(v))).toBe(false);
    const r = await importSystemXlsx(bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
    expect(r.content).toStrictEqual(c);
  });

  it('fills schema defaults, so a minimal system comes back parsed', async () => {
    const minimal = {
      name: '最小体系',
      dimensions: [
        {
          code: 'A',
          name: '单一指标',
          weight: 100,
          type: 'quantitative',
          source: 'self_report',
          rule: { kind: 'target_completion' },
        },
      ],
    } as unknown as SystemContent;
    const r = await roundTrip(minimal);
    if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
    expect(r.content).toStrictEqual(systemContentSchema.parse(minimal));
  });

  it('refuses to export a tree deeper than three levels', async () => {
    const deep = structuredClone(richSystem);
    const jj03 =
      deep.dimensions[0] && 'children' in deep.dimensions[0]
        ? deep.dimensions[0].children.find((n) => n.code === 'JJ03')
        : undefined;
    if (!jj03 || !('children' in jj03)) throw new Error('fixture changed');
    const leaf = jj03.children[0];
    if (!leaf) throw new Error('fixture changed');
    jj03.children[0] = { code: 'DEEP', name: '第四级', weight: 10, children: [leaf] };
    // The schema refuses a fourth level, and export parses its input first.
    expect(systemContentSchema.safeParse(deep).success).toBe(false);
    await expect(exportSystemXlsx(deep, {})).rejects.toThrow();
  });
});

// ─── Generated systems ─────────────────────────────────────────────────────────────────────────

/** Chinese text with the punctuation offices use, full- and half-width, and some ASCII. */
const CHARS = [
  ...'经济建设社会民生服务对象满意度指标考核营商环境安全生产人大代表政协委员一二三四五',
  ...'（）()，,；;：:""“”「」【】[]、。·-—/%％ ０１２３456789ABCxyz每次扣封顶分档满意很不基本\n',
];
const char = fc.constantFrom(...CHARS);
const text = (max: number) => fc.string({ unit: char, minLength: 0, maxLength: max });
const nonEmpty = (max: number) => text(max).filter((s) => s.trim() !== '');
const code = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,6}$/);
const noNegZero = (x: number) => (Object.is(x, -0) ? 0 : x);
const num = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min: Math.ceil(min), max: Math.floor(max) }),
    fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map(noNegZero),
  );
const fraction = num(0, 1);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Drops keys whose value is undefined, as a stored document would not have them. */
function compact<T>(v: T): T {
  if (Array.isArray(v)) return v.map(compact) as T;
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => [k, compact(x)]),
    ) as T;
  }
  return v;
}

const cap = num(0.01, 3);
const bands = fc.array(
  fc.record({
    min: fc.option(num(-1000, 1000), { nil: null }),
    max: fc.option(num(-1000, 1000), { nil: null }),
    fraction,
    label: opt(text(20)),
  }),
  { minLength: 1, maxLength: 4 },
);
const weighted = fc.record({ key: code, label: text(20), weight: fraction });
const valueRule = fc.oneof(
  fc.record({ kind: fc.constant('target_completion' as const), cap }),
  fc.record({ kind: fc.constant('reverse' as const), cap }),
  fc.record({ kind: fc.constant('target_gap' as const), tolerance: num(1e-6, 1e9) }),
  fc.record({ kind: fc.constant('bands' as const), bands }),
);
/** 原文 (any document, free-text section and quote, covers absent, empty or given) or 示例. */
const provenance = fc.oneof(
  fc.record(
    {
      kind: fc.constant('source' as const),
      document: fc.constantFrom(...SOURCE_DOCUMENTS),
      section: nonEmpty(20),
      quote: nonEmpty(60),
      covers: fc.subarray([...PROVENANCE_COVERS]),
    },
    { requiredKeys: ['kind', 'document', 'section', 'quote'] },
  ),
  fc.record({ kind: fc.constant('example' as const), note: text(30) }, { requiredKeys: ['kind'] }),
);
const numbers = fc.oneof(num(-1e6, 1e6), fc.array(num(-1e6, 1e6), { maxLength: 4 }));
const officeParams = fc.record(
  {
    target: num(-1000, 1000),
    args: fc.dictionary(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/), numbers, { minKeys: 1, maxKeys: 3 }),
  },
  { requiredKeys: [] },
);
const rule = fc.oneof(
  valueRule,
  fc.record({
    kind: fc.constant('deduction' as const),
    items: fc.array(fc.record({ code, label: text(30), pointsEach: num(0, 10000) }), {
      minLength: 1,
      maxLength: 3,
    }),
    maxDeduction: opt(num(0, 10000)),
  }),
  fc.record({ kind: fc.constant('efficacy' as const), base: num(0, 100), span: num(0, 100) }),
  fc.record({ kind: fc.constant('rank' as const), lastFraction: fraction }),
  fc.record({
    kind: fc.constant('qualitative_grade' as const),
    fractions: fc.record({ A: fraction, B: fraction, C: fraction, D: fraction }),
  }),
  fc.record({
    kind: fc.constant('expert' as const),
    scale: num(1, 1000),
    trimFrom: fc.integer({ min: 3, max: 100 }),
  }),
  fc.record({
    kind: fc.constant('satisfaction' as const),
    levelPoints: fc.record({
      very_satisfied: num(0, 10000),
      satisfied: num(0, 10000),
      fair: num(0, 10000),
      dissatisfied: num(0, 10000),
      very_dissatisfied: num(0, 10000),
    }),
    groups: fc.array(weighted, { minLength: 1, maxLength: 3 }),
    minSample: fc.integer({ min: 1, max: 100000 }),
  }),
  fc.record({
    kind: fc.constant('composite' as const),
    sources: fc.array(weighted, { minLength: 2, maxLength: 3 }),
  }),
  fc
    .tuple(fc.stringMatching(/^[a-z_]{2,20}$/), valueRule)
    .map(([calculator, then]) => ({ kind: 'formula' as const, calculator, then })),
);

const leaf = fc.record({
  code: fc.constant('' as string),
  name: nonEmpty(20),
  weight: num(0, 10000),
  criteria: opt(text(40)),
  unitOfMeasure: opt(text(8)),
  direction: fc.constantFrom('higher' as const, 'lower' as const),
  type: fc.constantFrom('quantitative' as const, 'qualitative' as const),
  source: fc.constantFrom(
    'self_report' as const,
    'data_provider' as const,
    'expert' as const,
    'survey' as const,
  ),
  rule,
  evidence: fc.record({ required: fc.boolean(), description: opt(text(20)) }),
  appliesTo: opt(fc.array(code, { maxLength: 3 })),
  missing: opt(fc.constantFrom('zero' as const, 'redistribute' as const, 'exclude' as const)),
  provenance: opt(provenance),
  officeParams: opt(officeParams),
  party: opt(fc.constantFrom('buyer' as const, 'provider' as const)),
});
const branchOf = <T>(child: fc.Arbitrary<T>) =>
  fc.record({
    code: fc.constant('' as string),
    name: nonEmpty(20),
    weight: num(0, 10000),
    criteria: opt(text(30)),
    provenance: opt(provenance),
    children: fc.array(child, { minLength: 1, maxLength: 3 }),
  });
const level2 = fc.oneof(leaf, branchOf(leaf));
const dimension = fc.oneof({ arbitrary: branchOf(level2), weight: 4 }, { arbitrary: leaf, weight: 1 });

const system = fc
  .record({
    name: nonEmpty(30),
    description: opt(text(60)),
    total: num(0, 10000),
    dimensions: fc.array(dimension, { minLength: 1, maxLength: 3 }),
    bonusItems: fc.array(
      fc.record({
        code: fc.constant('' as string),
        name: nonEmpty(20),
        maxPoints: num(0, 10000),
        criteria: opt(text(30)),
        provenance: opt(provenance),
      }),
      {
        maxLength: 3,
      },
    ),
    bonusCap: num(0, 10000),
    vetoItems: fc.array(
      fc.record({
        code: fc.constant('' as string),
        name: nonEmpty(20),
        effect: fc.constantFrom('fail' as const, 'bar_excellent' as const),
        criteria: opt(text(30)),
        provenance: opt(provenance),
      }),
      { maxLength: 3 },
    ),
    statistics: fc.array(
      fc.record({
        code: fc.constant('' as string),
        name: nonEmpty(20),
        unitOfMeasure: opt(text(8)),
        criteria: opt(text(30)),
        provenance: opt(provenance),
      }),
      { maxLength: 3 },
    ),
    grading: fc.record({
      levels: fc.array(
        fc.record({
          code,
          label: fc.record({ zh: nonEmpty(10), en: nonEmpty(20) }),
          min: num(0, 10000),
          maxShare: opt(fraction),
          provenance: opt(provenance),
        }),
        { minLength: 2, maxLength: 4 },
      ),
      quotaRounding: fc.constantFrom('floor' as const, 'round' as const, 'ceil' as const),
      tieBreak: fc.array(
        fc.oneof(
          fc.constant('fewer_deductions'),
          fc.constant('more_bonus'),
          fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/).map((c) => `dimension:${c}`),
        ),
        { maxLength: 3 },
      ),
    }),
    missingData: fc.constantFrom('zero' as const, 'redistribute' as const, 'exclude' as const),
    exemption: fc.constantFrom('redistribute' as const, 'exclude' as const),
    decimals: fc.integer({ min: 0, max: 4 }),
    codePrefix: code,
  })
  .map(({ codePrefix, ...s }) => {
    // Codes are unique across the system, as validateSystem requires.
    let n = 0;
    const next = () => `${codePrefix}${n++}`.slice(-32);
    const number = (nodes: { code: string; children?: unknown[] }[]): void => {
      for (const node of nodes) {
        node.code = next();
        if (node.children) number(node.children as { code: string }[]);
      }
    };
    number(s.dimensions as { code: string }[]);
    for (const b of s.bonusItems) b.code = next();
    for (const v of s.vetoItems) v.code = next();
    for (const i of s.statistics) i.code = next();
    return compact(s) as unknown as SystemContent;
  })
  .filter((s) => systemContentSchema.safeParse(s).success);

describe('generated systems', () => {
  it('round-trip exactly', async () => {
    await fc.assert(
      fc.asyncProperty(system, async (s) => {
        const r = await roundTrip(s);
        if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 2));
        expect(r.content).toStrictEqual(systemContentSchema.parse(s));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 80) },
    );
  }, 120_000);
});
