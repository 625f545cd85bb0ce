/**
 * One vocabulary: every enum label is written once, in packages/core/src/vocabulary. A source file
 * elsewhere that spells an enum's Chinese label as a string literal (`{ zh: '分档计分' …}`,
 * `srcDataProvider: '部门提供',`, `['higher', '正向']`) is a second definition that will drift; it
 * should read the label from core (RULE_LABELS[kind].zh, labelOf(…)) instead.
 *
 * The check parses each file (comments, regular expressions and template strings with
 * substitutions are not literals) and looks at string literals whose whole text is a label.
 * Property NAMES are not definitions: the Excel import's alias tables (`部门提供: 'data_provider'`)
 * map words to values and are allowed. Office content is free text that may coincide with a label
 * and is not scanned: the indicator templates (indicator names, 评分标准, data-source notes) and the
 * test fixtures. Words that are a label of an enum but also, legitimately, something else in one
 * file are listed in HOMONYMS, each with the reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EnumName, VOCABULARY } from '@jixiao/core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where labels are defined, and office content (free text) that may coincide with a label. */
const NOT_SCANNED = [
  'packages/core/src/vocabulary/',
  'packages/core/src/indicators/templates/',
  'packages/reports/src/indicator-xlsx/test-fixtures.ts',
  // Generated and sample systems for tests (their grade levels are office content, like a template's).
  'packages/core/src/scoring/arbitraries.ts',
  'packages/core/src/reports/testing.ts',
  'packages/core/src/reports/sample-cycle.ts',
];

/** A label that is also something else in one file. */
const HOMONYMS: { file: string; text: string; why: string }[] = [
  {
    file: 'packages/web/src/i18n/zh.ts',
    text: '被考核单位',
    why: 'the units page and menu name the unit entity (被考核单位), not the unit_user role',
  },
  {
    file: 'packages/web/src/i18n/zh.ts',
    text: '权重',
    why: 'the heading of a node’s weight field; the same word names what a 原文 citation covers (provenanceCover.weight)',
  },
  {
    file: 'packages/local/src/demo-data.ts',
    text: '区县（市）政府',
    why: 'the name of a demo unit group (office content), which happens to equal the unit type',
  },
  {
    file: 'packages/reports/src/indicator-xlsx/rule-params.ts',
    text: '逆向',
    why: 'grammar token for the inner reverse rule in a formula’s 评分参数 (`irr → 逆向 封顶 1`), not the direction',
  },
];

/** Every zh label → where it comes from (`rule.bands`). */
function labelIndex(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of Object.keys(VOCABULARY) as EnumName[]) {
    for (const [value, label] of Object.entries<{ zh: string }>(VOCABULARY[name])) {
      out.set(label.zh, [...(out.get(label.zh) ?? []), `${name}.${value}`]);
    }
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...sourceFiles(path));
    } else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.test\.tsx?$/.test(entry.name) &&
      !entry.name.endsWith('.d.ts')
    ) {
      out.push(path);
    }
  }
  return out;
}

interface Hit {
  line: number;
  text: string;
}

/** String literals in `source` whose whole text is in `words`, except property names and module specifiers. */
function labelLiterals(source: string, words: ReadonlySet<string>, fileName = 'x.tsx'): Hit[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const hits: Hit[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && words.has(node.text)) {
      const p = node.parent;
      const isName = (ts.isPropertyAssignment(p) || ts.isPropertySignature(p)) && p.name === node;
      const isModule = (ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) && p.moduleSpecifier === node;
      const isType = ts.isLiteralTypeNode(p);
      if (!isName && !isModule && !isType)
        hits.push({ line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return hits;
}

describe('the label scanner itself', () => {
  const words = new Set(['分档计分', '部门提供', '正向']);

  it('finds labels as object values, array items, arguments and JSX text attributes', () => {
    const source = `
      const a = { bands: { zh: '分档计分', en: 'Bands' } };
      const b = { srcDataProvider: '部门提供', other: 1 };
      const c = [['higher', '正向']];
      f(\`正向\`);
      const d = <Sel label="分档计分" />;
    `;
    expect(labelLiterals(source, words).map((h) => h.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('ignores comments, property names (alias tables), longer text, templates with substitutions and regexes', () => {
    const source = `
      // 分档计分 in a comment; /* 正向 */
      const aliases = { 部门提供: 'data_provider', '正向': 'higher' };
      const msg = '按分档计分评分';
      const t = \`\${x}分档计分\`;
      const re = /正向|逆向/;
      type K = '正向';
    `;
    expect(labelLiterals(source, words)).toEqual([]);
  });
});

describe('enum labels are written only in packages/core/src/vocabulary', () => {
  const labels = labelIndex();
  const words = new Set(labels.keys());
  const files = ['packages', 'functions']
    .flatMap((d) => sourceFiles(join(ROOT, d)))
    .map((f) => relative(ROOT, f).split(sep).join('/'))
    .filter(
      (f) =>
        (f.startsWith('functions/') || /^packages\/[^/]+\/src\//.test(f)) &&
        !NOT_SCANNED.some((n) => f.startsWith(n)),
    );

  it('knows the vocabulary and scans the sources', () => {
    expect(words.has('分档计分')).toBe(true);
    expect(words.has('数据提供部门')).toBe(true);
    expect(files).toContain('packages/web/src/i18n/zh.ts');
    expect(files).toContain('packages/reports/src/indicator-xlsx/labels.ts');
    expect(files).toContain('packages/core/src/indicators/validate/rules.ts');
    expect(files.some((f) => f.startsWith('packages/api/src/'))).toBe(true);
  });

  it('finds no enum label spelled as a string literal elsewhere', () => {
    const found: string[] = [];
    for (const file of files) {
      for (const hit of labelLiterals(readFileSync(join(ROOT, file), 'utf8'), words, file)) {
        if (HOMONYMS.some((h) => h.file === file && h.text === hit.text)) continue;
        found.push(`${file}:${hit.line} '${hit.text}' is the label of ${labels.get(hit.text)?.join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('lists each homonym where it still occurs (a stale entry is removed)', () => {
    for (const h of HOMONYMS) {
      expect(words.has(h.text), `${h.text} is no longer a label`).toBe(true);
      const hits = labelLiterals(readFileSync(join(ROOT, h.file), 'utf8'), words, h.file);
      expect(
        hits.some((x) => x.text === h.text),
        `${h.file} no longer has '${h.text}'`,
      ).toBe(true);
    }
  });
});
