/**
 * JSON Lines output: one result per line, so that large runs stream and `jq -c` or a line reader
 * can take one report at a time.
 */
import { toJsonValue, type OutputResult } from './result.js';

/**
 * Formats one result as a JSON line: `{ file, ...report }`, or `{ file, error: { code, message } }`.
 *
 * @returns the line, ending with a newline.
 */
export function formatJsonLine(result: OutputResult): string {
  return `${JSON.stringify(toJsonValue(result))}\n`;
}

/**
 * Formats results as JSON Lines, one result per line.
 *
 * @example
 * writeFileSync('out.jsonl', formatJsonLines(results));
 */
export function formatJsonLines(results: readonly OutputResult[]): string {
  return results.map(formatJsonLine).join('');
}
