import type { Bilingual } from '@jixiao/core';
import { PROVENANCE_COVER, PROVENANCE_KIND, readEnum, SOURCE_DOCUMENT, writeEnum } from './labels';
import { PROVENANCE_SHEET_HEADERS as H, type ProvenanceKey } from './layout';
import {
  PROVENANCE_KIND_LABELS,
  type Provenance,
  type ProvenanceKind,
  SOURCE_DOCUMENT_LABELS,
} from './model';
import { nfkc, ParseError } from './text';

/**
 * 出处 in the workbook: the 原文/示例 word of a node (its 出处 column) and the cells of its row on
 * the sheet 出处 (来源文件 `《title》`, 条款, 原文摘录, 原文涵盖 `权重、计算公式`, 说明). Free text
 * (section, quote, note) is written and read as it is; only the document title, the kind and the
 * covers are words of the vocabulary (Chinese or English labels, or the keys).
 */

/** The cells of a provenance row on the sheet 出处 (category, code and name are the caller's). */
export type ProvenanceCells = Record<Exclude<ProvenanceKey, 'category' | 'code' | 'name'>, string | null>;

/** The 出处 word of a node: 原文 or 示例; null for the office's own node. */
export const formatKind = (p: Provenance | undefined): string | null =>
  p === undefined ? null : writeEnum(PROVENANCE_KIND, p.kind);

/** The 出处 word → kind; undefined when blank; a ParseError naming 原文 and 示例 otherwise. */
export const readKind = (text: string | null): ProvenanceKind | undefined =>
  readEnum(PROVENANCE_KIND, text ?? '');

const title = (d: keyof typeof SOURCE_DOCUMENT_LABELS) => `《${SOURCE_DOCUMENT_LABELS[d].zh}》`;

export function formatProvenanceCells(p: Provenance): ProvenanceCells {
  if (p.kind === 'example')
    return {
      kind: formatKind(p),
      document: null,
      section: null,
      quote: null,
      covers: null,
      note: p.note ?? null,
    };
  return {
    kind: formatKind(p),
    document: title(p.document),
    section: p.section,
    quote: p.quote,
    covers:
      p.covers === undefined
        ? null
        : p.covers.length === 0
          ? '无'
          : p.covers.map((c) => writeEnum(PROVENANCE_COVER, c)).join('、'),
    note: null,
  };
}

export interface ProvenanceProblem {
  key: ProvenanceKey;
  message: Bilingual;
}

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === '';
/** Free text as written; the schema trims it. */
const free = (s: string | null | undefined): string | undefined => (blank(s) ? undefined : (s ?? '').trim());

function readDocument(text: string): string {
  const bare = nfkc(text)
    .trim()
    .replace(/^[《〈<“"]\s*/, '')
    .replace(/\s*[》〉>”"]$/, '');
  try {
    const d = readEnum(SOURCE_DOCUMENT, bare);
    if (d !== undefined) return d;
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
  }
  const titles = SOURCE_DOCUMENT.values.map(title).join('、');
  throw new ParseError(
    `${H.document}“${text.trim()}”不是已收录的来源文件，可填：${titles}`,
    `source document "${text.trim()}" is not one of the source documents; use one of ${titles} (or its English title)`,
  );
}

function readCovers(text: string): string[] {
  const s = nfkc(text).trim();
  if (/^(?:无|none)$/i.test(s)) return [];
  return s
    .split(/[\s、,;]+/)
    .filter(Boolean)
    .map((w) => readEnum(PROVENANCE_COVER, w) ?? w);
}

/**
 * Reads the cells of a row on the sheet 出处 into a provenance (before the schema checks lengths).
 * `undefined` when every cell is blank; problems name the cell's column.
 */
export function readProvenanceCells(cells: Partial<ProvenanceCells>): {
  provenance?: Record<string, unknown>;
  problems: ProvenanceProblem[];
} {
  const problems: ProvenanceProblem[] = [];
  const at = (key: ProvenanceKey, f: () => void) => {
    try {
      f();
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      problems.push({ key, message: e });
    }
  };
  const citation = (['document', 'section', 'quote', 'covers'] as const).filter((k) => !blank(cells[k]));
  if (blank(cells.kind) && citation.length === 0 && blank(cells.note)) return { problems };
  let kind: ProvenanceKind | undefined;
  at('kind', () => {
    kind = readKind(cells.kind ?? null);
  });
  if (problems.length > 0) return { problems };
  const [source, example] = [PROVENANCE_KIND_LABELS.source.zh, PROVENANCE_KIND_LABELS.example.zh];
  if (kind === undefined) {
    problems.push({
      key: 'kind',
      message: {
        zh: `缺少${H.kind}：填“${source}”（并填来源文件、条款、原文摘录）或“${example}”`,
        en: `the provenance is missing: write ${source} (source, with document, section and quote) or ${example} (example)`,
      },
    });
    return { problems };
  }
  if (kind === 'example') {
    for (const key of citation) {
      problems.push({
        key,
        message: {
          zh: `${example}不填${H[key]}：${H.document}、${H.section}、${H.quote}、${H.covers}只用于${source}`,
          en: `an example (${example}) has no ${H[key]}: document, section, quote and covers are for ${source} (source) only`,
        },
      });
    }
    // An empty note written by the export ('') stays '', a blank cell is no note.
    const note = cells.note === '' ? '' : free(cells.note);
    return { provenance: note === undefined ? { kind } : { kind, note }, problems };
  }
  const missing = (what: string, en: string) =>
    new ParseError(`${source}须填${what}`, `a source (${source}) needs its ${en} (${what})`);
  const out: Record<string, unknown> = { kind };
  at('document', () => {
    if (blank(cells.document)) throw missing(H.document, 'source document');
    out.document = readDocument(cells.document ?? '');
  });
  at('section', () => {
    out.section = free(cells.section);
    if (out.section === undefined) throw missing(H.section, 'section');
  });
  at('quote', () => {
    out.quote = free(cells.quote);
    if (out.quote === undefined) throw missing(H.quote, 'quote');
  });
  at('covers', () => {
    if (!blank(cells.covers)) out.covers = readCovers(cells.covers ?? '');
  });
  if (!blank(cells.note)) {
    problems.push({
      key: 'note',
      message: {
        zh: `${source}不填${H.note}（${H.note}只用于${example}）`,
        en: `a source (${source}) has no note: the note is for ${example} (examples) only`,
      },
    });
  }
  return { provenance: out, problems };
}
