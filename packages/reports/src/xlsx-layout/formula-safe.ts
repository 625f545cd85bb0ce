/**
 * Text a spreadsheet could take for a formula. A unit named `=HYPERLINK("http://…","点此")` is a
 * string cell in the file we write, but one re-save as CSV, or one edit of the cell, away from a
 * formula that runs on an office PC. So text starting with = + - @, a tab or a CR (OWASP's list)
 * is written behind an apostrophe, the mark Excel, WPS and LibreOffice users know as "this is
 * text"; the import takes exactly one apostrophe off such text, so a workbook read back gives the
 * text we wrote. Text already starting with apostrophes before such a character gets one more, so
 * the mapping is one-to-one. A lone sign (a "-" placeholder) cannot be a formula and stays as it is.
 */

const RISKY = /^'*[=+\-@\t\r]/;

/** The text as a cell holds it. */
export function neutraliseFormula(text: string): string {
  return text.length > 1 && RISKY.test(text) ? `'${text}` : text;
}

/** The text a cell written by `neutraliseFormula` (or typed the same way by a person) stands for. */
export function restoreFormula(text: string): string {
  return text.length > 2 && text.startsWith("'") && RISKY.test(text.slice(1)) ? text.slice(1) : text;
}
