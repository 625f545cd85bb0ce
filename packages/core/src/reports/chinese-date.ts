/**
 * Numbers and dates as a government document writes them. The date line (成文日期) follows
 * GB/T 9704-2012 (党政机关公文格式) 7.3.5.3: Arabic numerals, the year in full, month and day without
 * a leading zero (2025-01-10 → 2025年1月10日). Chinese numerals remain for counts in the text and
 * the numbering of parts (（一）、（二）…).
 */

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1..31 as read: 一, 十, 十一, 二十, 二十一, 三十一. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumber: ${n} is not in 1..99`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return `${head}${ones === 0 ? '' : DIGITS[ones]}`;
}

/** A calendar day `YYYY-MM-DD` as a document's date line: 2025年1月10日. */
export function documentDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const month = Number(m?.[2]);
  const date = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || date < 1 || date > 31)
    throw new RangeError(`documentDate: "${day}" is not a day (YYYY-MM-DD)`);
  return `${m[1]}年${month}月${date}日`;
}
