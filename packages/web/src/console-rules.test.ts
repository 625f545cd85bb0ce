/**
 * Rules the console keeps, checked on its own sources:
 * - its only way to the API is the typed client over the API's contracts: no API path is written
 *   as a string (`'/v1/units'`, `` `/v1/units/${code}` ``);
 * - what it offers a user comes from the API's policy (`mayCall`): no role names or role lists in
 *   its decisions (`roles.includes('tenant_admin')`, `hasRole(…)`);
 * - no inline script or style, so a strict Content-Security-Policy can forbid both: no <style>, no
 *   `style` attributes, no `dangerouslySetInnerHTML`, no <script> with content;
 * - a file that grows past 300 lines splits by concept.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROLES } from '@jixiao/core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const ALL = files(SRC);
const SOURCES = ALL.filter((f) => !/\.test\.tsx?$/.test(f));
const ROLE_NAMES = new Set<string>(ROLES);

interface Finding {
  file: string;
  line: number;
  what: string;
}

function scan(file: string, visit: (node: ts.Node, report: (what: string) => void) => void): Finding[] {
  const source = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const out: Finding[] = [];
  const walk = (node: ts.Node) => {
    visit(node, (what) =>
      out.push({
        file: relative(SRC, file),
        line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
        what,
      }),
    );
    ts.forEachChild(node, walk);
  };
  walk(sf);
  return out;
}

const show = (fs: Finding[]) => fs.map((f) => `${f.file}:${f.line} ${f.what}`);

const isText = (n: ts.Node): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateHead =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateHead(n);

describe('the console', () => {
  it('scans its sources', () => {
    expect(SOURCES.length).toBeGreaterThan(40);
    expect(SOURCES.some((f) => f.endsWith(join('client', 'api-client.ts')))).toBe(true);
  });

  it('writes no API path as a string: every call goes through a route contract', () => {
    const found = SOURCES.flatMap((f) =>
      scan(f, (n, report) => {
        if (isText(n) && /^\/v\d+(\/|$)/.test(n.text)) report(`API path '${n.text}'`);
      }),
    );
    expect(show(found)).toEqual([]);
  });

  it('decides what it offers by policy, never by role names', () => {
    const found = SOURCES.flatMap((f) =>
      scan(f, (n, report) => {
        if (isText(n) && ROLE_NAMES.has(n.text)) {
          const p = n.parent;
          const isName = (ts.isPropertyAssignment(p) || ts.isPropertySignature(p)) && p.name === n;
          if (!isName && !ts.isLiteralTypeNode(p)) report(`role name '${n.text}'`);
        }
        if (ts.isCallExpression(n)) {
          const callee = n.expression.getText();
          if (/(^|\.)roles\.(includes|some|indexOf)$/.test(callee) || /(^|\.)hasRole$/.test(callee))
            report(`role check ${callee}(…)`);
        }
      }),
    );
    expect(show(found)).toEqual([]);
  });

  it('has no inline script or style', () => {
    const found = SOURCES.flatMap((f) =>
      scan(f, (n, report) => {
        if (ts.isJsxAttribute(n) && ['style', 'dangerouslySetInnerHTML'].includes(n.name.getText()))
          report(`${n.name.getText()} attribute`);
        const tag = ts.isJsxElement(n)
          ? n.openingElement.tagName.getText()
          : ts.isJsxSelfClosingElement(n)
            ? n.tagName.getText()
            : '';
        if (tag === 'style') report('<style> element');
        if (
          tag === 'script' &&
          ts.isJsxElement(n) &&
          n.children.some((c) => !ts.isJsxText(c) || c.text.trim())
        )
          report('<script> with content');
      }),
    );
    expect(show(found)).toEqual([]);
  });

  it('keeps each file under 300 lines', () => {
    const long = ALL.map((f) => ({
      f: relative(SRC, f),
      n: readFileSync(f, 'utf8').split('\n').length,
    })).filter((x) => x.n > 300);
    expect(long.map((x) => `${x.f}: ${x.n} lines`)).toEqual([]);
  });
});
