/**
 * What the output formats take: one tagged file, or the error that stopped it.
 */
import type { Report } from '../pipeline.js';

/** One file's outcome, as `tagFolder` (practice-themes/node) yields it. */
export type OutputResult = { file: string; report: Report; error?: undefined } | { file: string; error: Error & { code?: string }; report?: undefined };

/** A failed file, as the JSON formats write it. */
export interface OutputError {
  file: string;
  error: { code: string | null; message: string };
}

/** The JSON form of a result: the file and its whole report, or the file and its error. */
export function toJsonValue(result: OutputResult): (Report & { file: string }) | OutputError {
  if (result.report) return { file: result.file, ...result.report };
  return { file: result.file, error: { code: typeof result.error.code === 'string' ? result.error.code : null, message: result.error.message } };
}
