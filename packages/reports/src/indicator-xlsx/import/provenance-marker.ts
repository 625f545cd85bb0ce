import { readKind } from '../provenance';
import { ParseError } from '../text';
import type { Collector, Loc, Obj } from './collector';

/**
 * The 出处 column of a node or item (原文 / 示例): read, reported at its cell when it is neither,
 * and registered with the object, to be joined with the sheet 出处 (./provenance-sheet).
 * `text` is null where the table has no 出处 column.
 */
export function readMarker(
  out: Collector,
  text: string | null,
  loc: Loc | undefined,
  node: Obj,
  path: string,
  grade = false,
): void {
  if (loc) out.at(`${path}.provenance`, loc);
  let kind: ReturnType<typeof readKind>;
  try {
    kind = readKind(text);
  } catch (e) {
    if (!(e instanceof ParseError) || !loc) throw e;
    out.error(loc, e);
  }
  out.cited.push({ node, path, grade, ...(kind && loc ? { marker: { kind, loc } } : {}) });
}
