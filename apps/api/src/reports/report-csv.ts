/** Excel opens a UTF-8 file as UTF-8 only when it starts with the byte-order mark. */
export const CSV_BOM = '\uFEFF';

/**
 * One CSV record: every field quoted (so that a UPN or a "0" keeps its shape in a spreadsheet), quotes
 * doubled, CRLF line ends as RFC 4180 and Excel expect.
 */
export function csvRecord(fields: readonly (string | number | boolean | null | undefined)[]): string {
  return `${fields.map((field) => `"${field === null || field === undefined ? '' : String(field).replace(/"/g, '""')}"`).join(',')}\r\n`;
}

/** Formulas typed into a name must not run when the file is opened: =, +, - and @ lead them. */
export function safeText(value: string | null | undefined): string {
  if (!value) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
