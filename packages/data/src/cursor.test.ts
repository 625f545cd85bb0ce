import { AppError, isAppError } from '@jixiao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCursorCodec } from './cursor';

const SECRET = 'test-secret-0123456789';
const codec = createCursorCodec(SECRET);
const SCOPE = 'T:230100:units';
const KEY = { pk: 'T#230100#ORG', sk: 'UNIT#FGW' };

function expectInvalidCursor(f: () => unknown) {
  let caught: unknown;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(AppError);
  if (!isAppError(caught)) return;
  expect(caught.status).toBe(400);
  expect(caught.code).toBe('invalid_cursor');
}

const flip = (s: string, i: number) => {
  const c = s[i] === 'A' ? 'B' : 'A';
  return s.slice(0, i) + c + s.slice(i + 1);
};

describe('createCursorCodec', () => {
  it('refuses a secret shorter than 16 characters', () => {
    expect(() => createCursorCodec('')).toThrow();
    expect(() => createCursorCodec('x'.repeat(15))).toThrow(/16/);
    expect(() => createCursorCodec('x'.repeat(16))).not.toThrow();
  });
});

describe('encode / decode', () => {
  it('round-trips a key', () => {
    const c = codec.encode(SCOPE, KEY);
    expect(typeof c).toBe('string');
    expect(codec.decode(SCOPE, c)).toEqual(KEY);
  });

  it('is opaque and URL-safe', () => {
    const c = codec.encode(SCOPE, { ...KEY, name: '发改委 / +?&=' })!;
    expect(c).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(c).not.toContain('230100');
  });

  it('no key means no cursor, and no cursor means the first page', () => {
    expect(codec.encode(SCOPE, undefined)).toBeUndefined();
    expect(codec.decode(SCOPE, undefined)).toBeUndefined();
    expect(codec.decode(SCOPE, '')).toBeUndefined();
  });

  it('rejects a cursor issued for another scope (another tenant or list)', () => {
    const c = codec.encode(SCOPE, KEY);
    expectInvalidCursor(() => codec.decode('T:230125:units', c));
    expectInvalidCursor(() => codec.decode('T:230100:users', c));
    expectInvalidCursor(() => codec.decode('', c));
  });

  it('rejects a cursor signed with another secret', () => {
    const other = createCursorCodec('another-secret-abcdef');
    expectInvalidCursor(() => codec.decode(SCOPE, other.encode(SCOPE, KEY)));
  });

  it('rejects a tampered body', () => {
    const c = codec.encode(SCOPE, KEY)!;
    const [body, mac] = c.split('.') as [string, string];
    for (let i = 0; i < body.length; i++)
      expectInvalidCursor(() => codec.decode(SCOPE, `${flip(body, i)}.${mac}`));
  });

  it('rejects a forged body re-encoded for another tenant with the old mac', () => {
    const c = codec.encode(SCOPE, KEY)!;
    const mac = c.split('.')[1];
    const forged = Buffer.from(JSON.stringify({ s: 'T:230125:units', k: KEY })).toString('base64url');
    expectInvalidCursor(() => codec.decode('T:230125:units', `${forged}.${mac}`));
  });

  it('rejects a tampered mac', () => {
    const c = codec.encode(SCOPE, KEY)!;
    const [body, mac] = c.split('.') as [string, string];
    for (let i = 0; i < mac.length; i++)
      expectInvalidCursor(() => codec.decode(SCOPE, `${body}.${flip(mac, i)}`));
    expectInvalidCursor(() => codec.decode(SCOPE, `${body}.${mac.slice(1)}`));
    expectInvalidCursor(() => codec.decode(SCOPE, `${body}.${mac}x`));
    expectInvalidCursor(() => codec.decode(SCOPE, `${body}.${mac}=`));
  });

  it.each([
    'x',
    '.',
    '..',
    'a.',
    '.b',
    'a.b.c',
    'not a cursor',
    '%%%.###',
    'é.ü',
    '\u0000.\u0000',
    '\ud800.\udc00',
  ])('rejects the garbage %j', (garbage) => {
    expectInvalidCursor(() => codec.decode(SCOPE, garbage));
  });

  it('rejects a validly encoded cursor with an extra segment', () => {
    const c = codec.encode(SCOPE, KEY)!;
    expectInvalidCursor(() => codec.decode(SCOPE, `${c}.${c.split('.')[1]}`));
  });
});

describe('properties', () => {
  const jsonKey = fc.dictionary(
    fc.string({ maxLength: 10 }),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
    { maxKeys: 5 },
  );

  it('round-trips any JSON object key for any scope', () => {
    fc.assert(
      fc.property(fc.string(), jsonKey, (scope, key) => {
        expect(codec.decode(scope, codec.encode(scope, key))).toEqual(key);
      }),
    );
  });

  it('a cursor never decodes for a different scope', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), jsonKey, (a, b, key) => {
        fc.pre(a !== b);
        expectInvalidCursor(() => codec.decode(b, codec.encode(a, key)));
      }),
    );
  });

  it('garbage only ever raises AppError invalid_cursor', () => {
    const garbage = fc.oneof(
      fc.string({ minLength: 1 }),
      fc.string({ unit: 'binary', minLength: 1 }),
      fc.tuple(fc.base64String(), fc.base64String()).map(([a, b]) => `${a}.${b}`),
      fc
        .tuple(fc.string(), fc.string())
        .map(([a, b]) => `${Buffer.from(a).toString('base64url')}.${Buffer.from(b).toString('base64url')}`),
    );
    fc.assert(
      fc.property(garbage, (g) => {
        expectInvalidCursor(() => codec.decode(SCOPE, g));
      }),
    );
  });

  it('changing any one character of a real cursor invalidates it', () => {
    const c = codec.encode(SCOPE, KEY)!;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: c.length - 1 }),
        fc.string({ minLength: 1, maxLength: 1 }),
        (i, ch) => {
          fc.pre(c[i] !== ch);
          expectInvalidCursor(() => codec.decode(SCOPE, c.slice(0, i) + ch + c.slice(i + 1)));
        },
      ),
    );
  });
});
