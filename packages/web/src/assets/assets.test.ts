import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { assetFile, assetUrl, serveAsset } from '.';

const app = new Hono().get('/console/assets/:file', serveAsset);

describe('static assets', () => {
  it('are linked by a content-hashed name under /console/assets', () => {
    expect(assetFile('console.css')).toMatch(/^console\.[0-9a-f]{12}\.css$/);
    expect(assetUrl('editor-sums.js')).toMatch(/^\/console\/assets\/editor-sums\.[0-9a-f]{12}\.js$/);
  });

  it('are served with their type and cached for a year as immutable', async () => {
    const css = await app.request(assetUrl('console.css'));
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await css.text()).toContain('header.top');
    const js = await app.request(assetUrl('editor-sums.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toContain("getElementById('is-editor')");
  });

  it('answers 404, not cached, for an unknown or outdated name', async () => {
    for (const name of ['console.css', 'console.000000000000.css', 'nope.js']) {
      const res = await app.request(`/console/assets/${name}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
