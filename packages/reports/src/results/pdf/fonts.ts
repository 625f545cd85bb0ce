import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';

/**
 * The PDF's font: Noto Sans SC (SIL OFL), regular and bold, from the registry package
 * @expo-google-fonts/noto-sans-sc, or from `REPORT_FONT_DIR` when set (the Lambda bundle copies
 * the two files there). pdfkit embeds only the glyphs a document uses (a subset, named
 * `ABCDEF+NotoSansSC-…`), so a report carries tens of KiB of font, not the 10 MiB files.
 *
 * Each file is read and parsed once per process: parsing and the first layout of a 10 MiB font
 * cost ~150 ms, which a document paid again when pdfkit was handed the bytes (measured: an empty
 * page 170–280 ms from bytes, 40–70 ms from the parsed font, byte-identical output).
 */
export const FONT_FILES = {
  regular: { dir: '400Regular', file: 'NotoSansSC_400Regular.ttf' },
  bold: { dir: '700Bold', file: 'NotoSansSC_700Bold.ttf' },
} as const;

export type Weight = keyof typeof FONT_FILES;

/** Where a weight's file is: `REPORT_FONT_DIR/<file>`, else inside the registry package. */
export function fontPath(weight: Weight): string {
  const { dir, file } = FONT_FILES[weight];
  const override = process.env.REPORT_FONT_DIR;
  if (override) return join(override, file);
  const pkg = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json');
  return join(dirname(pkg), dir, file);
}

const parsed = new Map<string, Font>();

/** The parsed font of a weight (read and parsed on first use, by path, so a changed REPORT_FONT_DIR is honoured). */
export function fontOf(weight: Weight): Font {
  const path = fontPath(weight);
  let font = parsed.get(path);
  if (!font) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      throw new Error(
        `report font missing: ${path} (set REPORT_FONT_DIR to a folder holding ${FONT_FILES[weight].file})`,
        {
          cause: e,
        },
      );
    }
    font = create(bytes);
    parsed.set(path, font);
  }
  return font;
}
