/**
 * V6: CSV as RFC 4180 writes it (fields separated by commas, records by CRLF, a field with a comma, a double quote,
 * CR or LF is quoted and its quotes doubled), for spreadsheets: the file starts with a UTF-8 byte order mark, and a
 * cell a spreadsheet would run as a formula (it begins with =, +, - or @, or with a tab or carriage return, as
 * OWASP's CSV-injection advice adds) gets a leading apostrophe and is quoted, so it is shown as text.
 */
export const BOM = "\uFEFF";
export const CRLF = "\r\n";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | null | undefined): string {
  const v = value ?? "";
  if (FORMULA_START.test(v)) return `"'${v.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One record, CRLF-terminated. */
export function csvRow(cells: readonly (string | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + CRLF;
}
