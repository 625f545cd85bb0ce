import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';

/** The docs page's only style, inline so the page stands alone; allowed by its hash in the CSP. */
const DOCS_STYLE = `body{font-family:"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:1000px;margin:2rem auto;padding:0 1rem;color:#222}
.op{border-top:1px solid #ddd;padding:.5rem 0}.m{display:inline-block;min-width:4.5em;color:#fff;border-radius:3px;padding:0 .3em;font-size:.85em}
.m-get{background:#2b7}.m-post{background:#27c}.m-patch{background:#c82}.m-delete{background:#c33}pre{background:#f6f6f6;padding:.5rem;overflow:auto;font-size:.8em}`;

/** The Content-Security-Policy source that allows exactly the docs page's <style> and nothing else. */
export const DOCS_STYLE_HASH = `'sha256-${createHash('sha256').update(DOCS_STYLE, 'utf8').digest('base64')}'`;

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: '绩效 Jixiao API',
    version: '1.0.0',
    description:
      '政府绩效评估平台 API。所有错误均为 application/problem+json，含稳定的 code 与中英文说明。\n\n' +
      'Government performance evaluation API. Every error is application/problem+json with a stable `code` and ' +
      'messages in Chinese and English. The tenant is always taken from the bearer token.',
  },
};

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

/**
 * A self-contained docs page rendered from the OpenAPI document: no script or style is loaded
 * from a CDN, so it works on an offline government network.
 */
export function docsPage(doc: object) {
  const paths = (doc as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  const ops = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const rows = ops.map(
    ({ path, method, op }) => html`<section class="op">
      <h3><span class="m m-${method.toLowerCase()}">${method}</span> <code>${path}</code></h3>
      <p>${op.summary ?? ''} <small>${(op.tags ?? []).join(', ')}</small></p>
      ${
        op.parameters?.length
          ? html`<p>Parameters: ${op.parameters.map((p) => html`<code>${p.in}.${p.name}${p.required ? '*' : ''}</code> `)}</p>`
          : ''
      }
      ${
        op.requestBody?.content?.['application/json']?.schema
          ? html`<details><summary>Request body</summary><pre>${JSON.stringify(
              op.requestBody.content['application/json'].schema,
              null,
              2,
            )}</pre></details>`
          : ''
      }
      <p>Responses: ${Object.entries(op.responses ?? {}).map(([s, r]) => html`<code title="${r.description ?? ''}">${s}</code> `)}</p>
    </section>`,
  );
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>绩效 API 文档</title>
<link rel="icon" href="data:,">
<style>${raw(DOCS_STYLE)}</style>
</head><body><h1>绩效 Jixiao API</h1><p>${OPENAPI_INFO.info.description}</p>
<p>机器可读文档 / machine-readable: <a href="/openapi.json">/openapi.json</a> · ${ops.length} operations</p>
${rows}</body></html>`;
}
