import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_DOCUMENT_LABELS } from '../../vocabulary/labels';
import { type IndicatorNode, isBranch, type SystemContent } from '../model';
import { type Provenance, SOURCE_DOCUMENTS, type SourceDocument } from '../provenance';
import { TEMPLATES } from './index';
import { WORDING } from './wording';
import type { Wording } from './wording/types';

/**
 * Every template's 原文 nodes against the table of the source's wording (./wording), and every
 * quote of that table against the source text itself (docs/sources, verbatim), within the document
 * the table names. No node goes without provenance, and no 原文 node without its quote.
 */

const SEED = readFileSync(
  new URL('../../../../../docs/sources/seed-000_abba71c2972a9a26.txt', import.meta.url),
  'utf8',
);
const LINES = SEED.split('\n');

/** A document's text: from each line that is its title (or, for the regulation, its opening) to the next title. */
const TITLES: Record<SourceDocument, string> = {
  fiscal_evaluation: '财政绩效评价工作方案',
  county_departments_2024: '2024县直部门绩效评估工作方案',
  city_departments: '市直部门绩效评估和效能考评工作方案2篇',
  local_annual: '地方年度绩效评估方案',
  investment_evaluation: '政府投资项目绩效评估',
  implementation: '政府绩效评估的实施方案',
  local_annual_models: '地方年度绩效评估方案范本(三篇)',
  purchased_service: '政府购买服务绩效评价方案',
  management_and_appraisal: '政府绩效管理与考评实施方案',
  kpi: '政府KPI绩效考核方案',
  central_investment_indicators: '中央政府投资项目预算绩效评价参考指标',
  appraisal: '政府绩效考核方案',
  service_window: '办事服务绩效评估方案',
  budget_purchased_service: '预算绩效管理政府购买服务绩效评价方案',
  evaluation_methods: '政府绩效评估',
  harbin_regulation: '哈尔滨市政府绩效管理条例(草案)',
  department_projects: '政府部门项目绩效考核实施方案',
};
const isTitleLine = (line: string) =>
  Object.values(TITLES).some((t) => line === t || (t.startsWith('哈尔滨') && line.startsWith(t))) ||
  line === '政府绩效评估参考方案' ||
  line === '相关文档';

function documentText(doc: SourceDocument): string {
  const title = TITLES[doc];
  const parts: string[] = [];
  for (let i = 0; i < LINES.length; i++) {
    const line = LINES[i] as string;
    const opens = doc === 'harbin_regulation' ? line.startsWith(title) : line === title;
    if (!opens) continue;
    let j = i + 1;
    while (j < LINES.length && !isTitleLine(LINES[j] as string)) j++;
    parts.push(LINES.slice(i, j).join('\n'));
    i = j - 1;
  }
  return parts.join('\n');
}

/** Every node of a system that can carry provenance, by the table's address. */
function nodesOf(c: SystemContent): { node: string; name: string; provenance: Provenance | undefined }[] {
  const out: { node: string; name: string; provenance: Provenance | undefined }[] = [];
  const walk = (n: IndicatorNode) => {
    out.push({ node: n.code, name: n.name, provenance: n.provenance });
    if (isBranch(n)) n.children.forEach(walk);
  };
  c.dimensions.forEach(walk);
  for (const b of c.bonusItems) out.push({ node: `bonus:${b.code}`, name: b.name, provenance: b.provenance });
  for (const v of c.vetoItems) out.push({ node: `veto:${v.code}`, name: v.name, provenance: v.provenance });
  for (const s of c.statistics)
    out.push({ node: `statistic:${s.code}`, name: s.name, provenance: s.provenance });
  for (const g of c.grading.levels)
    out.push({ node: `grade:${g.code}`, name: g.label.zh, provenance: g.provenance });
  return out;
}

describe('the source text (docs/sources)', () => {
  it('holds every document the provenance can name', () => {
    for (const d of SOURCE_DOCUMENTS) {
      expect(documentText(d).length, `${d} ${SOURCE_DOCUMENT_LABELS[d].zh}`).toBeGreaterThan(100);
    }
  });
});

describe('template provenance', () => {
  it('has a wording table for every template, and none for a template that does not exist', () => {
    expect(Object.keys(WORDING).sort()).toEqual(TEMPLATES.map((t) => t.id).sort());
  });

  for (const t of TEMPLATES) {
    describe(t.id, () => {
      const nodes = nodesOf(t.content);
      const table: readonly Wording[] = WORDING[t.id as keyof typeof WORDING] ?? [];

      it('every node says 原文 or 示例', () => {
        const without = nodes.filter((n) => n.provenance === undefined).map((n) => n.node);
        expect(without).toEqual([]);
      });

      it('cites the source for some nodes, and quotes for each of them', () => {
        const cited = nodes.filter((n) => n.provenance?.kind === 'source');
        expect(cited.length).toBeGreaterThan(0);
        for (const n of cited) {
          const p = n.provenance as Extract<Provenance, { kind: 'source' }>;
          expect(p.quote.trim().length, n.node).toBeGreaterThan(1);
          expect(p.section.trim().length, n.node).toBeGreaterThan(0);
        }
      });

      it('cites exactly what the wording table says, node by node', () => {
        const cited = nodes
          .filter((n) => n.provenance?.kind === 'source')
          .map((n) => {
            const p = n.provenance as Extract<Provenance, { kind: 'source' }>;
            return { node: n.node, document: p.document, section: p.section, quote: p.quote };
          });
        const byNode = (a: { node: string }, b: { node: string }) => (a.node < b.node ? -1 : 1);
        expect(cited.sort(byNode)).toEqual([...table].map((w) => ({ ...w })).sort(byNode));
      });

      for (const w of table) {
        it(`${w.node}: the quote is in ${SOURCE_DOCUMENT_LABELS[w.document].zh}, verbatim`, () => {
          expect(documentText(w.document)).toContain(w.quote);
        });
      }
    });
  }
});
