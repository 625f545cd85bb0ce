import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { BASE } from '../context';
import { CONSOLE_CSS } from './console.css.ts';
import { EDITOR_SUMS_JS } from './editor-sums.js.ts';
import { EVIDENCE_UPLOAD_JS } from './evidence-upload.js.ts';
import { FAVICON_SVG } from './favicon.svg.ts';
import { PORTAL_CSS } from './portal.css.ts';
import { RUN_PROGRESS_JS } from './run-progress.js.ts';
import { SURVEY_ANSWER_JS } from './survey-answer.js.ts';
import { WHAT_IF_JS } from './what-if.js.ts';

/**
 * The console's static assets. Their sources are TS modules exporting strings, so the console
 * bundles into one Lambda file with no files to read; each is served at
 * `/console/assets/<name>.<contenthash>.<ext>`, cached for a year as immutable (a change is a new
 * name), and pages link the hashed URL. Hashes are computed once, at module load.
 */
const SOURCES = {
  'console.css': { body: CONSOLE_CSS, type: 'text/css; charset=utf-8' },
  'portal.css': { body: PORTAL_CSS, type: 'text/css; charset=utf-8' },
  'editor-sums.js': { body: EDITOR_SUMS_JS, type: 'text/javascript; charset=utf-8' },
  'evidence-upload.js': { body: EVIDENCE_UPLOAD_JS, type: 'text/javascript; charset=utf-8' },
  'survey-answer.js': { body: SURVEY_ANSWER_JS, type: 'text/javascript; charset=utf-8' },
  'run-progress.js': { body: RUN_PROGRESS_JS, type: 'text/javascript; charset=utf-8' },
  'what-if.js': { body: WHAT_IF_JS, type: 'text/javascript; charset=utf-8' },
  'favicon.svg': { body: FAVICON_SVG, type: 'image/svg+xml' },
} as const;

export type AssetName = keyof typeof SOURCES;

interface Asset {
  file: string;
  body: string;
  type: string;
}

const hashed = (name: string, body: string): string => {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
};

const ASSETS = new Map<AssetName, Asset>(
  (Object.entries(SOURCES) as [AssetName, (typeof SOURCES)[AssetName]][]).map(([name, s]) => [
    name,
    { file: hashed(name, s.body), body: s.body, type: s.type },
  ]),
);
const BY_FILE = new Map([...ASSETS.values()].map((a) => [a.file, a]));

/** The hashed file name of an asset (`console.3f2a….css`). */
export const assetFile = (name: AssetName): string => ASSETS.get(name)!.file;

/** The URL pages link an asset by. */
export const assetUrl = (name: AssetName): string => `${BASE}/assets/${assetFile(name)}`;

/** `GET /console/assets/:file`: the asset under its hashed name, or 404 (an old or unknown name). */
export function serveAsset(c: Context): Response {
  const asset = BY_FILE.get(c.req.param('file') ?? '');
  if (!asset) {
    return c.text('Not found', 404, { 'cache-control': 'no-store' });
  }
  return c.body(asset.body, 200, {
    'content-type': asset.type,
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
}
