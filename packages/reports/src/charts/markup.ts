/**
 * Markup written from data: every interpolated string is escaped, so a name such as
 * `<script>alert(1)</script>&"` is shown, never run. One escape for the charts' SVG and the HTML
 * reports alike; a fragment already built (`Markup`) is inserted as it is.
 */

/** A piece of markup that is already safe (built by `markup` or from a trusted renderer). */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = string | number | Markup | null | undefined | false | readonly Interpolation[];

/**
 * Whether XML 1.0 allows a UTF-16 code unit at `i` of `s`: not C0 controls (but tab, LF, CR),
 * U+FFFE, U+FFFF or a lone surrogate. An SVG holding one is not well-formed, so the PDF's SVG
 * parser would fail on it. Names come from people: such characters are dropped, not refused.
 */
function xmlAllows(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d;
  if (c === 0xfffe || c === 0xffff) return false;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = s.charCodeAt(i - 1);
    return prev >= 0xd800 && prev <= 0xdbff;
  }
  return true;
}

/** Text with the characters XML cannot hold removed. */
export function cleanText(s: string): string {
  let out: string[] | undefined;
  for (let i = 0; i < s.length; i++) {
    const ok = xmlAllows(s, i);
    if (!ok && !out) out = [s.slice(0, i)];
    else if (ok && out) out.push(s[i]!);
  }
  return out ? out.join('') : s;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside an element or a quoted attribute, in HTML and in XML. */
export const escapeText = (s: string): string => cleanText(s).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function append(out: string[], v: Interpolation): void {
  if (v === null || v === undefined || v === false) return;
  if (v instanceof Markup) out.push(v.value);
  else if (typeof v === 'number') out.push(String(v));
  else if (typeof v === 'string') out.push(escapeText(v));
  else for (const x of v) append(out, x);
}

/** A tagged template: `markup\`<td>${name}</td>\`` escapes `name`; arrays are joined. */
export function markup(strings: TemplateStringsArray, ...values: Interpolation[]): Markup {
  const out: string[] = [strings[0]!];
  values.forEach((v, i) => {
    append(out, v);
    out.push(strings[i + 1]!);
  });
  return new Markup(out.join(''));
}

/** Markup produced by a trusted renderer (an ECharts SVG), inserted without escaping. */
export const trusted = (s: string): Markup => new Markup(s);
