import type { ReportData } from '@jixiao/core';
import type { ReportDocument } from '../document';
import { congressDocument } from './congress';
import { officeDocument } from './office';
import { unitDocument } from './unit';

/**
 * A report's content, built once per data: the formats of one report are usually rendered one
 * after another (the batch renders PDF, XLSX and HTML of a unit in a row), and its charts are the
 * dearest part (ECharts, ~40 ms each), so the last few documents are kept, keyed by the data's JSON
 * (the parsed data: its keys come in the schema's order, so equal data gives equal keys).
 */
const KEEP = 8;
const recent = new Map<string, ReportDocument>();

export function documentOf(data: ReportData): ReportDocument {
  const key = JSON.stringify(data);
  const hit = recent.get(key);
  if (hit) return hit;
  const doc =
    data.kind === 'unit'
      ? unitDocument(data)
      : data.kind === 'office'
        ? officeDocument(data)
        : congressDocument(data);
  recent.set(key, doc);
  if (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  return doc;
}
