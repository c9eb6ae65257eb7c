/**
 * JSON output: one array holding every result, pretty-printed.
 */
import { toJsonValue, type OutputResult } from './result.js';

/**
 * Formats results as one JSON array: each element is `{ file, ...report }`, or
 * `{ file, error: { code, message } }` for a file that failed.
 *
 * @param results - the results, in the order to print them.
 * @returns the JSON text, ending with a newline.
 * @example
 * process.stdout.write(formatJson([{ file: 'a.pdf', report }]));
 */
export function formatJson(results: readonly OutputResult[]): string {
  return `${JSON.stringify(results.map(toJsonValue), null, 2)}\n`;
}
