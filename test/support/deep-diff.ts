import { isDeepStrictEqual } from 'node:util';

/**
 * Where two JSON values differ, as `path: left ≠ right` lines (a missing key shows as undefined),
 * so that a failed round trip says exactly what changed.
 */
export function deepDiff(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (isDeepStrictEqual(a, b)) return out;
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObj(a) || !isObj(b) || Array.isArray(a) !== Array.isArray(b)) {
    const show = (v: unknown) => (v === undefined ? 'undefined' : JSON.stringify(v).slice(0, 160));
    out.push(`${path || '(root)'}: ${show(a)} ≠ ${show(b)}`);
    return out;
  }
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
    deepDiff(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`, out);
  return out;
}
