/** Spaces between Chinese characters and figures dropped, as a formal document writes: 2024 年度 → 2024年度. */
export function formalText(s: string): string {
  return s
    .trim()
    .replace(/\s+/g, ' ')
    .replace(
      /(?<=[\p{Script=Han}（）《》「」、，。：；])\s+|\s+(?=[\p{Script=Han}（）《》「」、，。：；])/gu,
      '',
    );
}
