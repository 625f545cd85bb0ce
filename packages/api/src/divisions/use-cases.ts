import { childDivisions, type DivisionView, divisionFullName, errors, findDivision } from '@jixiao/core';
import { ensureDivisions } from '@jixiao/data';

/** A division with its full name (黑龙江省哈尔滨市宾县), or 404. */
export async function getDivision(code: string): Promise<DivisionView> {
  await ensureDivisions();
  return viewOf(code);
}

export async function childrenOf(parent: string): Promise<DivisionView[]> {
  await ensureDivisions();
  viewOf(parent);
  return childDivisions(parent).map((d) => viewOf(d.code));
}

function viewOf(code: string): DivisionView {
  const d = findDivision(code);
  if (!d) throw errors.notFound(`行政区划代码 ${code}`, `Division ${code}`);
  return { ...d, fullName: divisionFullName(code) ?? d.name };
}
