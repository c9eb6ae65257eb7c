/**
 * The worker thread behind `tagFolder` (practice-themes/node): it builds one tagger from the
 * options it is started with, then tags what it is sent, one at a time — a file, or the text
 * the calling thread extracted from one — and posts each report (or error) back. Also home of
 * `readReportFile`, shared with the Node entry.
 *
 * This module only serves when it is started as practice-themes' worker (a marker in
 * `workerData`); imported anywhere else it does nothing.
 */
import { readFile } from 'node:fs/promises';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PracticeThemesError, errorCodes, isPracticeThemesError, type PracticeThemesErrorCode, type ValidationIssue } from './errors.js';
import type { Source } from './ingest/index.js';
import { createTagger, tagSourceWith, type Report } from './pipeline.js';
import type { TagOptions } from './schemas/options.js';

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

/** What a worker posts back: once `{ ready }`, then one reply per request. */
export type WorkerReply = { ready: true } | { id: number; report: Report } | { id: number; error: SerialisedError };

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

function serve(port: MessagePort, options: TagOptions): void {
  const tagger = createTagger(options);
  // Requests may arrive while one is being tagged (the Node entry keeps two in flight per
  // worker); they are tagged one after another, in the order they came.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    queue = queue.then(async () => {
      try {
        const report = request.source ? tagSourceWith(tagger, request.source) : await tagger.tagReport(await readReportFile(request.file));
        port.postMessage({ id: request.id, report } satisfies WorkerReply);
      } catch (error) {
        port.postMessage({ id: request.id, error: serialiseError(error) } satisfies WorkerReply);
      }
    });
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}

const data = workerData as { marker?: unknown; options?: TagOptions } | null | undefined;
if (!isMainThread && parentPort && data?.marker === WORKER_MARKER) serve(parentPort, data.options ?? {});
