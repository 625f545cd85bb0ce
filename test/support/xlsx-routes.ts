/**
 * The API operations that answer with a workbook, read from the product's own `GET /openapi.json`:
 * every operation whose 200 response is `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`,
 * with its enum path parameters and the values of its `layout` query (full, print …), so that a
 * test can fetch every variant and a new workbook route cannot go unchecked.
 */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxOperation {
  /** `GET /v1/cycles/{cycleId}/exports/{table}`. */
  key: string;
  path: string;
  /** Path parameters without an enum: the caller supplies them. */
  freeParams: string[];
  /** Path parameters with an enum: every value is fetched. */
  enumParams: Record<string, string[]>;
  /** Values of the `layout` query; [undefined] when the operation has none. */
  layouts: (string | undefined)[];
}

interface Parameter {
  name: string;
  in: string;
  schema?: { enum?: unknown[] };
}

type OpenApi = { paths: Record<string, Record<string, { parameters?: Parameter[]; responses?: any }>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function xlsxOperations(doc: OpenApi): XlsxOperation[] {
  const ops: XlsxOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method) || !op?.responses?.['200']?.content?.[XLSX_TYPE]) continue;
      const params = op.parameters ?? [];
      const inPath = params.filter((p) => p.in === 'path');
      const layout = params.find((p) => p.in === 'query' && p.name === 'layout')?.schema?.enum;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        path,
        freeParams: inPath.filter((p) => !p.schema?.enum).map((p) => p.name),
        enumParams: Object.fromEntries(
          inPath.filter((p) => p.schema?.enum).map((p) => [p.name, p.schema!.enum!.map(String)]),
        ),
        layouts: layout?.length ? layout.map(String) : [undefined],
      });
    }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}

export interface Variant {
  /** The request path with its query. */
  url: string;
  /** A file-name-safe label of the enum values and layout, e.g. `plans-print`. */
  label: string;
  layout?: string;
}

/**
 * Every request of an operation: each enum value × each layout, the free path parameters and any
 * other query as given.
 */
export function variantsOf(
  op: XlsxOperation,
  free: Record<string, string | number>,
  query: Record<string, string> = {},
): Variant[] {
  const missing = op.freeParams.filter((p) => free[p] === undefined);
  if (missing.length) throw new Error(`${op.key}: no value for ${missing.join(', ')}`);
  let paths: { path: string; parts: string[] }[] = [{ path: op.path, parts: [] }];
  for (const name of op.freeParams)
    paths = paths.map((x) => ({
      ...x,
      path: x.path.replace(`{${name}}`, encodeURIComponent(String(free[name]))),
    }));
  for (const [name, values] of Object.entries(op.enumParams))
    paths = paths.flatMap((x) =>
      values.map((v) => ({
        path: x.path.replace(`{${name}}`, encodeURIComponent(v)),
        parts: [...x.parts, v.replace(/\.xlsx$/, '')],
      })),
    );
  return paths.flatMap((x) =>
    op.layouts.map((layout) => {
      const q = new URLSearchParams({ ...query, ...(layout ? { layout } : {}) }).toString();
      return {
        url: q ? `${x.path}?${q}` : x.path,
        label: [...x.parts, ...(layout ? [layout] : [])].join('-'),
        ...(layout ? { layout } : {}),
      };
    }),
  );
}
