import type { TestStack } from './stack';
import { type Variant, variantsOf, XLSX_TYPE, type XlsxOperation, xlsxOperations } from './xlsx-routes';

/**
 * Workbooks as the product writes them, fetched through the API as the user who may: the indicator
 * system of every template, the cycle tables, the audit trail, the comparison and the report
 * workbooks. Nothing here writes a workbook itself.
 */
export interface ProductWorkbook {
  /** A file name (ASCII, unique in a batch), e.g. `indicator-department-print.xlsx`. */
  file: string;
  /** The operation it came from (`GET /v1/…`). */
  operation: string;
  url: string;
  user: string;
  layout?: string;
  bytes: Uint8Array;
}

export interface Caller {
  tenant: string;
  user: string;
}

async function tokenOf(s: TestStack, who: Caller): Promise<string> {
  return s.token(who.tenant, who.user);
}

/** A JSON answer that must be 200. */
export async function getJson(s: TestStack, who: Caller, url: string): Promise<any> {
  const r = await s.call('GET', url, { token: await tokenOf(s, who) });
  if (r.status !== 200) throw new Error(`GET ${url} as ${who.user}: ${r.status} ${r.text.slice(0, 300)}`);
  return r.body;
}

/** An .xlsx answer that must be 200 with the workbook type and a zip inside. */
export async function getXlsx(s: TestStack, who: Caller, url: string): Promise<Uint8Array> {
  const r = await s.call('GET', url, { token: await tokenOf(s, who) });
  if (r.status !== 200) throw new Error(`GET ${url} as ${who.user}: ${r.status} ${r.text.slice(0, 300)}`);
  const type = r.headers.get('content-type') ?? '';
  if (!type.startsWith(XLSX_TYPE)) throw new Error(`GET ${url}: content-type ${type}`);
  if (r.bytes[0] !== 0x50 || r.bytes[1] !== 0x4b) throw new Error(`GET ${url}: not a zip`);
  return r.bytes;
}

export async function openApiXlsxOperations(s: TestStack): Promise<XlsxOperation[]> {
  const r = await s.call('GET', '/openapi.json');
  if (r.status !== 200) throw new Error(`GET /openapi.json: ${r.status}`);
  return xlsxOperations(r.body);
}

export interface TemplateSystem {
  template: string;
  id: string;
  systemVersion: number;
}

/**
 * A draft system from every template in the gallery, each template group mapped to one of the
 * tenant's unit groups (as an office copying it would).
 */
export async function systemsFromEveryTemplate(s: TestStack, who: Caller): Promise<TemplateSystem[]> {
  const templates = (await getJson(s, who, '/v1/indicator-templates')).items as {
    id: string;
    groups: { code: string }[];
  }[];
  const groups = ((await getJson(s, who, '/v1/unit-groups')).items as { code: string }[]).map((g) => g.code);
  const out: TemplateSystem[] = [];
  for (const t of templates) {
    const mapping = Object.fromEntries(t.groups.map((g) => [g.code, groups.slice(0, 1)]));
    const r = await s.call('POST', '/v1/indicator-systems', {
      token: await tokenOf(s, who),
      body: { template: t.id, ...(t.groups.length && groups.length ? { groups: mapping } : {}) },
    });
    if (r.status !== 201) throw new Error(`create from ${t.id}: ${r.status} ${r.text.slice(0, 300)}`);
    out.push({ template: t.id, id: r.body.id, systemVersion: r.body.systemVersion });
  }
  return out;
}

/** Every variant of an operation (enum path values × layouts), fetched as `who`. */
export async function fetchVariants(
  s: TestStack,
  who: Caller,
  op: XlsxOperation,
  prefix: string,
  free: Record<string, string | number>,
  query: Record<string, string> = {},
): Promise<ProductWorkbook[]> {
  const out: ProductWorkbook[] = [];
  for (const v of variantsOf(op, free, query)) out.push(await fetchOne(s, who, op.key, prefix, v));
  return out;
}

async function fetchOne(s: TestStack, who: Caller, operation: string, prefix: string, v: Variant) {
  return {
    file: `${[prefix, v.label].filter(Boolean).join('-')}.xlsx`,
    operation,
    url: v.url,
    user: who.user,
    ...(v.layout ? { layout: v.layout } : {}),
    bytes: await getXlsx(s, who, v.url),
  };
}

/**
 * A report workbook: the API answers with a presigned link (JSON), the file comes from the blob
 * store behind it.
 */
export async function fetchReportXlsx(
  s: TestStack,
  who: Caller,
  url: string,
  file: string,
  operation: string,
): Promise<ProductWorkbook> {
  const link = await getJson(s, who, url);
  const res = await fetch(link.url);
  if (res.status !== 200) throw new Error(`${url} → ${link.url}: ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error(`${url}: the report is not a zip`);
  return { file, operation, url, user: who.user, bytes };
}
