/**
 * Cells a spreadsheet would run as a formula (CSV injection, OWASP) start with =, +, -, @, a tab or a carriage return:
 * every exported text cell that does is prefixed with a single quote, which spreadsheets show as text. The import
 * removes that quote again (restoreNeutralised), so an export imports back unchanged.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A cell as exported: null and undefined are empty, numbers as written, text neutralised. */
export function exportCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return neutraliseFormula(value.join('|'));
  return neutraliseFormula(String(value));
}

/** UTF-8 byte order mark: spreadsheets read the file as UTF-8 only with it. */
export const UTF8_BOM = '\uFEFF';
