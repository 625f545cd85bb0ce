import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { zodIssuesToFields } from './zod-issues';

describe('zodIssuesToFields', () => {
  it('splits bilingual custom messages and renders built-in ones in Chinese', () => {
    const s = z.object({
      code: z.string().regex(/^A/, { message: '须以 A 开头 / must start with A' }),
      n: z.number(),
    });
    const r = s.safeParse({ code: 'B', n: 'x' });
    expect(r.success).toBe(false);
    const f = zodIssuesToFields(r.error!.issues, 'body');
    expect(f).toContainEqual({ path: 'body.code', zh: '须以 A 开头', en: 'must start with A' });
    expect(f.find((i) => i.path === 'body.n')!.zh).toBe('类型错误，应为 数字');
    expect(zodIssuesToFields(s.safeParse({ code: 'A' }).error!.issues, 'body')[0]!.zh).toBe('必填项缺失');
  });

  it('explains a union mismatch by the closest member, at the real field path', () => {
    const leaf = z.object({ code: z.string(), weight: z.number(), rule: z.string() }).strict();
    const branch = z.object({ code: z.string(), weight: z.number(), children: z.array(leaf) }).strict();
    const node = z.union([branch, leaf]);
    const r = z.object({ dimensions: z.array(node) }).safeParse({
      dimensions: [{ code: 'D1', weight: 10, children: [{ code: 'L1', weight: '十', rule: 'x' }] }],
    });
    const f = zodIssuesToFields(r.error!.issues, 'body');
    expect(f.map((i) => i.path)).toEqual(['body.dimensions.0.children.0.weight']);
  });
});
