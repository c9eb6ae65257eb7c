/**
 * What practice-themes/node's calling thread and its worker threads say to each other, and the
 * file reading they share. Kept apart from the worker itself so that the calling thread, which
 * may only read files, never loads the NLP models the worker needs.
 */
import { readFile } from 'node:fs/promises';
import { PracticeThemesError, errorCodes, isPracticeThemesError, type PracticeThemesErrorCode, type ValidationIssue } from '../errors.js';
import type { Source } from '../ingest/index.js';
import type { Report } from '../pipeline.js';

/** `workerData.marker` of a practice-themes worker. */
export const WORKER_MARKER = 'practice-themes:tag-worker';

/**
 * What the Node entry sends a worker: a file to read and tag, or the Source the calling thread
 * already read from a file (PDF text extracted there), to tag.
 */
export type WorkerRequest = { id: number; file: string; source?: undefined } | { id: number; source: Source; file?: undefined };

/** An error, as it crosses the thread boundary. */
export interface SerialisedError {
  name: string;
  message: string;
  code?: string;
  issues?: ValidationIssue[];
  stack?: string;
}

/**
 * What a worker posts back: `{ hello }` as soon as it runs (so that a script that is not a
 * practice-themes worker is found out at once), `{ ready }` once its tagger is built, then one
 * reply per request.
 */
export type WorkerReply = { hello: typeof WORKER_MARKER } | { ready: true } | { id: number; report: Report } | { id: number; error: SerialisedError };

/**
 * Reads a report file's bytes.
 *
 * @throws PracticeThemesError FILE_NOT_FOUND when nothing is at `file`; UNSUPPORTED_INPUT when it is a folder.
 */
export async function readReportFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new PracticeThemesError('FILE_NOT_FOUND', `no file at "${file}" — check the path (relative paths are read from ${process.cwd()})`, { cause });
    }
    if (code === 'EISDIR') {
      throw new PracticeThemesError('UNSUPPORTED_INPUT', `"${file}" is a folder, not a report file — pass it to tagFolder() (or the CLI), which reads the reports inside it`, { cause });
    }
    throw cause;
  }
}

/** Turns any thrown value into plain data that survives postMessage. */
export function serialiseError(error: unknown): SerialisedError {
  if (isPracticeThemesError(error)) {
    return { name: error.name, message: error.message, code: error.code, ...(error.issues ? { issues: error.issues } : {}), ...(error.stack ? { stack: error.stack } : {}) };
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), ...(error.stack ? { stack: error.stack } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** Rebuilds a serialised error: a PracticeThemesError when it was one, else a plain Error. */
export function deserialiseError(data: SerialisedError): Error {
  if (data.name === 'PracticeThemesError' && (errorCodes as readonly string[]).includes(data.code ?? '')) {
    const error = new PracticeThemesError(data.code as PracticeThemesErrorCode, data.message.replace(/^practice-themes: /, ''), data.issues ? { issues: data.issues } : {});
    if (data.stack) error.stack = data.stack;
    return error;
  }
  const error = new Error(data.message) as Error & { code?: string };
  error.name = data.name;
  if (data.code) error.code = data.code;
  if (data.stack) error.stack = data.stack;
  return error;
}
