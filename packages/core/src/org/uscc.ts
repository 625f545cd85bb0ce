/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet (no I, O, S, V, Z); the last one is a check character computed with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function usccCheckChar(first17: string): string {
  // Guard the length: `indexOf('')` is 0, so a short input would otherwise be padded with '0'.
  if (first17.length !== 17) throw new RangeError(`USCC body must be 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) throw new RangeError(`invalid USCC character at ${i}`);
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c = (31 - (sum % 31)) % 31;
  return ALPHABET[c] ?? '0';
}

export type UsccProblem = 'length' | 'characters' | 'check_digit';

/** Returns undefined when valid, else what is wrong. */
export function checkUscc(code: string): UsccProblem | undefined {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  return usccCheckChar(code.slice(0, 17)) === code[17] ? undefined : 'check_digit';
}

/** Builds a valid code from its first 17 characters (used by demo data and tests). */
export const completeUscc = (first17: string): string => first17 + usccCheckChar(first17);
