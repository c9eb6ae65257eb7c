/**
 * CSV output: one finding per row (RFC 4180 quoting, by csv-stringify).
 */
import { stringify } from 'csv-stringify/sync';
import type { OutputResult } from './result.js';

/** The CSV columns, in order. */
export const csvColumns = ['file', 'authority', 'paragraph', 'theme', 'polarity', 'confidence', 'sentence', 'page'] as const;

/** The header row, ending with a newline. */
export function formatCsvHeader(): string {
  return stringify([[...csvColumns]]);
}

/**
 * Formats one result's findings as CSV rows, without the header. A failed file has no rows.
 * `authority` is the report's local authority (empty when not printed); `page` is the PDF page the
 * sentence starts on (empty for text input); `confidence` has three
 * decimals. A cell starting with =, +, -, @ (or a tab) is prefixed with ' against formula injection.
 */
export function formatCsvRows(result: OutputResult): string {
  if (!result.report) return '';
  const authority = result.report.metadata.localAuthority ?? '';
  const rows = result.report.findings.map((finding) => [result.file, authority, finding.paragraph, finding.theme, finding.polarity, finding.confidence.toFixed(3), finding.sentence, finding.page === null ? '' : String(finding.page)]);
  // A cell starting with = + - @ gets a leading ' so that a spreadsheet shows it rather than runs
  // it as a formula (CSV injection); strip that ' to compare a sentence with the report's text.
  return rows.length > 0 ? stringify(rows, { escape_formulas: true }) : '';
}

/**
 * Formats results as CSV with header `file,authority,paragraph,theme,polarity,confidence,sentence,page`,
 * one finding per row.
 *
 * @example
 * writeFileSync('findings.csv', formatCsv(results));
 */
export function formatCsv(results: readonly OutputResult[]): string {
  return formatCsvHeader() + results.map(formatCsvRows).join('');
}
