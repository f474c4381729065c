/**
 * One CSV field (RFC 4180). A field that a spreadsheet would run as a formula (starting with
 * =, +, -, @, tab or CR) is prefixed with an apostrophe: exports are opened in spreadsheets.
 */
export function csvField(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line with CRLF, as RFC 4180 has it. */
export function csvLine(fields: readonly (string | null)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
