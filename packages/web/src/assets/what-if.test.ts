import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { WHAT_IF_JS } from './what-if.js.ts';

/**
 * The what-if page's script, run against a page as far as it looks at it: a change of weight
 * posts the form (after a pause in typing, the latest change only) and puts the answer's result
 * and error box in place; a failed request leaves the page as it was.
 */
function fakePage(answers: (string | Error)[]) {
  const el = (html = '') => ({ innerHTML: html, attrs: {} as Record<string, string> });
  const result = el('<p>old</p>');
  const errors = el('');
  const listeners: Record<string, () => void> = {};
  const form = {
    action: 'http://console.test/console/comparisons/what-if?year=2025',
    attrs: {} as Record<string, string>,
    addEventListener: (type: string, f: () => void) => {
      listeners[type] = f;
    },
    setAttribute(k: string, v: string) {
      this.attrs[k] = v;
    },
    removeAttribute(k: string) {
      delete this.attrs[k];
    },
  };
  const ids: Record<string, unknown> = {
    'whatif-form': form,
    'whatif-result': result,
    'whatif-errors': errors,
  };
  const timers: (() => void)[] = [];
  const posted: { url: string; method: string; body: string }[] = [];
  const events: string[] = [];
  class FakeDoc {
    constructor(readonly html: string) {}
    getElementById(id: string) {
      const m = new RegExp(`id="${id}">([\\s\\S]*?)</div>`).exec(this.html);
      return m ? { innerHTML: m[1] } : null;
    }
  }
  const context = {
    document: {
      getElementById: (id: string) => ids[id] ?? null,
      dispatchEvent: (e: { type: string }) => events.push(e.type),
    },
    Event: class {
      constructor(readonly type: string) {}
    },
    window: {
      fetch: true,
      DOMParser: true,
      setTimeout: (f: () => void) => timers.push(f) as unknown as number,
      clearTimeout: (n: number) => {
        timers[n - 1] = () => {};
      },
    },
    DOMParser: class {
      parseFromString(html: string) {
        return new FakeDoc(html);
      }
    },
    FormData: class {
      constructor(readonly f: unknown) {}
    },
    URLSearchParams: class {
      constructor(readonly fd: unknown) {}
      toString() {
        return 'weights.S01=3';
      }
    },
    fetch: (url: string, init: { method: string; body: { toString(): string } }) => {
      posted.push({ url, method: init.method, body: init.body.toString() });
      const a = answers.shift();
      return a instanceof Error || a === undefined
        ? Promise.reject(a ?? new Error('offline'))
        : Promise.resolve({ text: () => Promise.resolve(a) });
    },
  };
  runInNewContext(WHAT_IF_JS, context);
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { form, result, errors, listeners, timers, posted, events, settle };
}

describe('the what-if script', () => {
  it('marks the form live, posts after a pause in typing and swaps the result in place', async () => {
    const page = fakePage([
      '<div id="whatif-result"><table>new ranks</table></div><div id="whatif-errors"></div>',
    ]);
    expect(page.form.attrs['data-live']).toBe('true');
    page.listeners.input!();
    page.listeners.input!();
    // Two changes, one request: the first pause was cut short.
    for (const f of page.timers) f();
    await page.settle();
    expect(page.posted).toEqual([
      {
        url: 'http://console.test/console/comparisons/what-if?year=2025',
        method: 'POST',
        body: 'weights.S01=3',
      },
    ]);
    expect(page.result.innerHTML).toBe('<table>new ranks</table>');
    expect(page.events).toEqual(['jx:what-if']);
    expect(page.form.attrs['aria-busy']).toBeUndefined();
  });

  it('shows the refusal in the error box, and leaves the page as it was when the request fails', async () => {
    const page = fakePage([
      '<div id="whatif-result"></div><div id="whatif-errors"><p class="alert">权重须为数字</p></div>',
      new Error('offline'),
    ]);
    page.listeners.input!();
    page.timers.shift()!();
    await page.settle();
    expect(page.errors.innerHTML).toBe('<p class="alert">权重须为数字</p>');
    const before = page.result.innerHTML;
    page.listeners.input!();
    page.timers.shift()!();
    await page.settle();
    expect(page.result.innerHTML).toBe(before);
    expect(page.form.attrs['aria-busy']).toBeUndefined();
  });
});
