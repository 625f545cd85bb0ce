import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { usccSchema } from './schemas';
import { checkUscc, completeUscc, usccCheckChar } from './uscc';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const DIGITS = '0123456789';
const FORBIDDEN = ['I', 'O', 'S', 'V', 'Z'];

/** Real, publicly listed codes (GB 32100-2015). */
const KNOWN_VALID = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T', '9144030071526726XG'];

const charOf = (set: string) => fc.constantFrom(...set.split(''));
const stringOf = (set: string, n: number) =>
  fc.array(charOf(set), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** 17 characters with the shape of a code body: 2 alphabet, 6 digits, 9 alphabet. */
const first17 = fc
  .tuple(stringOf(ALPHABET, 2), stringOf(DIGITS, 6), stringOf(ALPHABET, 9))
  .map(([a, b, c]) => a + b + c);

const replaceAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

describe('checkUscc', () => {
  it.each(KNOWN_VALID)('accepts the known valid code %s', (code) => {
    expect(checkUscc(code)).toBeUndefined();
  });

  it('accepts codes built with completeUscc', () => {
    for (const body of ['91230100MA1ABCDEF', '11230100MB1234567', '52230100000000000', 'Y1000000YYYYYYYYY']) {
      const code = completeUscc(body);
      expect(code).toHaveLength(18);
      expect(code.startsWith(body)).toBe(true);
      expect(checkUscc(code)).toBeUndefined();
    }
  });

  it('computes the check character of a known code', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('9144030071526726X')).toBe('G');
  });

  it('can yield 0 as check character (sum divisible by 31)', () => {
    expect(usccCheckChar('00000000000000000')).toBe('0');
    expect(checkUscc('000000000000000000')).toBeUndefined();
  });

  it('rejects a wrong check character', () => {
    expect(checkUscc('91350100M000100Y44')).toBe('check_digit');
    expect(checkUscc('91350100M000100Y4X')).toBe('check_digit');
    for (const code of KNOWN_VALID) {
      for (const ch of ALPHABET) {
        if (ch === code[17]) continue;
        expect(checkUscc(replaceAt(code, 17, ch))).toBe('check_digit');
      }
    }
  });

  it.each([
    ['', 'empty'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y433', '19 characters'],
    ['91350100M000100Y43 ', 'trailing space'],
    [' 91350100M000100Y43', 'leading space'],
  ])('rejects the wrong length %j (%s)', (code) => {
    expect(checkUscc(code)).toBe('length');
  });

  it.each(FORBIDDEN)('rejects the forbidden letter %s in any position', (letter) => {
    const code = KNOWN_VALID[0]!;
    for (let i = 0; i < 18; i++) expect(checkUscc(replaceAt(code, i, letter))).toBe('characters');
  });

  it('rejects lowercase, punctuation, CJK and non-digits in the digit block', () => {
    expect(checkUscc('91350100m000100y43')).toBe('characters');
    expect(checkUscc('91350100M000100Y-3')).toBe('characters');
    expect(checkUscc('91350100M000100Y4统')).toBe('characters');
    // positions 2-7 (the administrative division code) must be digits
    expect(checkUscc('913501A0M000100Y43')).toBe('characters');
  });

  it('usccCheckChar throws RangeError on characters outside the alphabet or short input', () => {
    expect(() => usccCheckChar('91350100M000100YI')).toThrow(RangeError);
    expect(() => usccCheckChar('9135')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100Y43')).toThrow(RangeError);
    expect(() => usccCheckChar('')).toThrow(RangeError);
    expect(() => completeUscc('9135')).toThrow(RangeError);
  });
});

describe('usccSchema', () => {
  it('uppercases and trims before checking', () => {
    const r = usccSchema.safeParse('  91350100m000100y43 ');
    expect(r.success).toBe(true);
    expect(r.data).toBe('91350100M000100Y43');
  });

  it('reports each problem with bilingual messages', () => {
    const cases: [string, string][] = [
      ['91350100M000100Y4', '18'],
      ['91350100M000100YI3', '无效字符'],
      ['91350100M000100Y44', '校验位'],
    ];
    for (const [input, fragment] of cases) {
      const r = usccSchema.safeParse(input);
      expect(r.success).toBe(false);
      const msg = r.error?.issues[0]?.message ?? '';
      expect(msg).toContain(fragment);
      expect(msg).toMatch(/ \/ [A-Za-z]/);
    }
  });

  it('lowercase forbidden letters stay forbidden after uppercasing (i, o, s, v, z)', () => {
    for (const letter of ['i', 'o', 's', 'v', 'z']) {
      const code = replaceAt('91350100m000100y43', 9, letter);
      expect(usccSchema.safeParse(code).success).toBe(false);
    }
  });

  it('rejects non-strings', () => {
    for (const v of [null, undefined, 913501, {}, []]) expect(usccSchema.safeParse(v).success).toBe(false);
  });

  it('its documented OpenAPI example is itself a valid code', () => {
    const example = usccSchema.meta()?.example;
    expect(typeof example).toBe('string');
    expect(checkUscc(example as string)).toBeUndefined();
  });
});

describe('properties', () => {
  it('completeUscc of any well-shaped 17-character body is accepted', () => {
    fc.assert(
      fc.property(first17, (body) => {
        const code = completeUscc(body);
        expect(checkUscc(code)).toBeUndefined();
        expect(usccSchema.safeParse(code.toLowerCase()).success).toBe(true);
      }),
    );
  });

  it('every single-character substitution by another alphabet character is detected', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), charOf(ALPHABET), (body, i, ch) => {
        const code = completeUscc(body);
        fc.pre(code[i] !== ch);
        // A letter in the digit block fails the shape; every other change fails the check
        // character, because each weight 3^i mod 31 is non-zero modulo the prime 31.
        expect(checkUscc(replaceAt(code, i, ch))).not.toBeUndefined();
      }),
    );
  });

  it('exhaustively: every position and every replacement fails, for sampled bodies', () => {
    fc.assert(
      fc.property(first17, (body) => {
        const code = completeUscc(body);
        for (let i = 0; i < 18; i++) {
          for (const ch of ALPHABET) {
            if (ch === code[i]) continue;
            const expected = i >= 2 && i < 8 && !DIGITS.includes(ch) ? 'characters' : 'check_digit';
            expect(checkUscc(replaceAt(code, i, ch))).toBe(expected);
          }
        }
      }),
      { numRuns: 50 },
    );
  });

  it('checkUscc never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        const r = checkUscc(s);
        expect([undefined, 'length', 'characters', 'check_digit']).toContain(r);
      }),
    );
  });
});
