/**
 * practice-themes/node: tag report files and folders from Node, in parallel across CPU cores.
 *
 * `tagFile` reads one file and tags it; `tagFolder` expands folders into their report files
 * (.pdf, .txt, .md), tags them in worker threads (node:worker_threads) and yields one result per
 * file in sorted path order. A file that fails is reported in its result; it never stops the run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { identityOf } from './_internal/file-identity.js';
import { WORKER_MARKER, deserialiseError, readReportFile, type WorkerReply, type WorkerRequest } from './_internal/worker-protocol.js';
import { resolveConfig } from './config.js';
import { PracticeThemesError } from './errors.js';
import { ingest, type Source } from './ingest/index.js';
import type { Report, Tagger } from './pipeline.js';
import type { TagOptions } from './schemas/options.js';

// The pipeline (wink-nlp, the classifier) is loaded on first use: with worker threads, the
// calling thread only reads files and extracts their text, and never needs it. Loading it there
// cost the CLI ~0.1 s of start-up and slowed every garbage collection of a thread that is the
// bottleneck (npm run bench).
const loadPipeline = () => import('./pipeline.js');

/** A tagged file: the report, plus the path it was read from. */
export type FileReport = Report & { file: string };

/** One file's outcome in {@link tagFolder}: its report, or the error that stopped it. */
export type FolderResult = { file: string; report: Report; error?: undefined } | { file: string; error: Error; report?: undefined };

/** Options of {@link tagFolder}: the tagging options, plus how to run. */
export interface TagFolderOptions extends TagOptions {
  /**
   * How many threads work at once: the calling thread and `concurrency - 1` worker threads.
   * The calling thread reads the files and extracts their text; workers analyse that text, and
   * with two or more workers they also tag whole files. Default: the number of CPU cores
   * (`os.availableParallelism()`), at most the number of files. 1 tags the files one after
   * another in the calling thread.
   */
  concurrency?: number;
  /**
   * Called each time a file is done (tagged or failed), in the order files finish.
   * @param done - files finished so far; @param total - files in the run; @param file - the file just finished.
   */
  onProgress?: (done: number, total: number, file: string) => void;
  /** File name endings read from folders (case-insensitive). Default `['.pdf', '.txt', '.md']`. Files named directly are always read. */
  extensions?: readonly string[];
  /** Files never tagged, even in a folder being read or named directly: e.g. where the results are written. */
  exclude?: readonly string[];
}

/** File name endings that {@link tagFolder} reads from folders by default. */
export const defaultExtensions: readonly string[] = ['.pdf', '.txt', '.md'];

/**
 * Reads a report file (PDF, text or Markdown) and tags it.
 *
 * @param path - the file to read.
 * @param options - see {@link TagOptions}; validated (INVALID_OPTIONS).
 * @returns the report, with `file` set to `path`.
 * @throws PracticeThemesError FILE_NOT_FOUND when nothing is at `path`, UNSUPPORTED_INPUT for a
 *   folder, and any error of `tagReport` (EMPTY_INPUT, ENCRYPTED_PDF, IMAGE_ONLY_PDF, ...).
 * @example
 * import { tagFile } from 'practice-themes/node';
 * const report = await tagFile('reports/gateshead-2019.pdf');
 * console.log(report.metadata.localAuthority, report.findings.length);
 */
export async function tagFile(path: string, options?: TagOptions): Promise<FileReport> {
  // Validate the options before touching the file: a bad option is the caller's error, not the file's.
  const config = options === undefined ? undefined : resolveConfig(options);
  const bytes = await readReportFile(path);
  if (config) return { file: path, ...(await (await loadPipeline()).taggerFromConfig(config).tagReport(bytes)) };
  const { tagReport } = await import('./index.js');
  return { file: path, ...(await tagReport(bytes)) };
}

/**
 * Tags many report files, in parallel, yielding one result per file in sorted path order.
 *
 * Folders are read recursively for files ending in one of `options.extensions` (.pdf, .txt, .md
 * by default), leaving out hidden files and folders (names starting with ".") and `node_modules`;
 * files named directly are read whatever their ending; links that lead to no file are left out.
 * A file reached by two paths (or a symlink) is tagged once, under the first path in sorted order,
 * and files in `options.exclude` never are. A file that cannot be read
 * or tagged yields `{ file, error }` (a missing path gives FILE_NOT_FOUND); the run goes on.
 *
 * @param inputs - files and folders, one path or many.
 * @param options - tagging options (validated before any file is read) plus `concurrency`,
 *   `onProgress` and `extensions`; see {@link TagFolderOptions}.
 * @returns an async iterable of {@link FolderResult}; stop early with `break`, which ends the workers.
 * @throws PracticeThemesError INVALID_OPTIONS (bad tagging options or concurrency), INVALID_TAXONOMY, INVALID_MODEL — before the first result.
 * @example
 * import { tagFolder } from 'practice-themes/node';
 * for await (const result of tagFolder(['reports/'], { concurrency: 4 })) {
 *   if (result.error) console.error(result.file, result.error.message);
 *   else console.log(result.file, result.report.findings.length);
 * }
 */
export function tagFolder(inputs: string | readonly string[], options: TagFolderOptions = {}): AsyncIterable<FolderResult> {
  const { concurrency, onProgress, extensions, exclude, ...tagOptions } = options;
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new PracticeThemesError('INVALID_OPTIONS', `concurrency must be a whole number of 1 or more, got ${String(concurrency)} — pass e.g. { concurrency: 4 }, or leave it out to use every CPU core`);
  }
  if (extensions !== undefined && (!Array.isArray(extensions) || extensions.some((ending) => typeof ending !== 'string' || ending.length === 0))) {
    throw new PracticeThemesError('INVALID_OPTIONS', `extensions must be a list of file name endings such as [".pdf", ".txt"], got ${JSON.stringify(extensions)} — pass non-empty strings`);
  }
  // Validates the options before any file is read; the models load only if this thread tags.
  const config = resolveConfig(tagOptions);
  let tagger: Promise<Tagger> | undefined;
  const taggerHere = (): Promise<Tagger> => (tagger ??= loadPipeline().then(({ taggerFromConfig }) => taggerFromConfig(config)));
  const endings = (extensions ?? defaultExtensions).map((ending) => (ending.startsWith('.') ? ending : `.${ending}`).toLowerCase());
  const paths = typeof inputs === 'string' ? [inputs] : [...inputs];
  return {
    [Symbol.asyncIterator]: () => runFolder(paths, endings, exclude ?? [], taggerHere, tagOptions, concurrency, onProgress),
  };
}

async function* runFolder(
  inputs: readonly string[],
  endings: readonly string[],
  exclude: readonly string[],
  taggerHere: () => Promise<Tagger>,
  tagOptions: TagOptions,
  concurrency: number | undefined,
  onProgress: TagFolderOptions['onProgress'],
): AsyncGenerator<FolderResult> {
  const files = await expandInputs(inputs, endings, exclude);
  const threads = Math.min(concurrency ?? availableParallelism(), files.length);
  const script = threads > 1 ? workerScript() : null;
  if (threads > 1 && !script) warnNoWorkerScript();
  if (!script) {
    yield* runInThread(files, await taggerHere(), onProgress);
    return;
  }
  yield* runInWorkers(files, script, threads, tagOptions, taggerHere, onProgress);
}

/**
 * Folders expanded to their report files (recursively), everything else kept; sorted, and each
 * file once however many paths lead to it ("a.pdf", "./a.pdf", a symlink): counted twice, it would
 * weigh twice in any count across reports.
 */
async function expandInputs(inputs: readonly string[], endings: readonly string[], exclude: readonly string[]): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      for (const file of await listFolder(input, endings)) files.add(file);
    } else {
      // Missing paths stay in the list: tagging them reports FILE_NOT_FOUND for that file.
      files.add(input);
    }
  }
  const seen = new Set<string>(await Promise.all(exclude.map(identityOf)));
  const unique: string[] = [];
  for (const file of [...files].sort(comparePaths)) {
    const identity = await identityOf(file);
    if (seen.has(identity)) continue;
    seen.add(identity);
    unique.push(file);
  }
  return unique;
}

async function listFolder(folder: string, endings: readonly string[]): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    // Hidden entries (.git, .ipynb_checkpoints, macOS "._report.pdf" forks) and installed packages
    // hold copies or debris, not reports.
    if (entry.name.startsWith('.') || (entry.isDirectory() && entry.name === 'node_modules')) continue;
    if (entry.isDirectory()) for (const file of await listFolder(path, endings)) files.push(file);
    else if (entry.isFile() && endings.some((ending) => entry.name.toLowerCase().endsWith(ending))) files.push(path);
    // A link counts when it leads to a file: a dangling link in a folder is not a report that failed.
    else if (entry.isSymbolicLink() && endings.some((ending) => entry.name.toLowerCase().endsWith(ending)) && (await stat(path).catch(() => null))?.isFile()) files.push(path);
  }
  return files;
}

// Code-unit order: the same on every machine and locale.
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function* runInThread(files: readonly string[], tagger: Tagger, onProgress: TagFolderOptions['onProgress']): AsyncGenerator<FolderResult> {
  let done = 0;
  for (const file of files) {
    const result = await tagOne(file, tagger);
    onProgress?.(++done, files.length, file);
    yield result;
  }
}

async function tagOne(file: string, tagger: Tagger): Promise<FolderResult> {
  try {
    return { file, report: await tagger.tagReport(await readReportFile(file)) };
  } catch (error) {
    return { file, error: asError(error) };
  }
}

async function tagIngestedHere(file: string, source: Source, taggerHere: () => Promise<Tagger>): Promise<FolderResult> {
  try {
    const { tagSourceWith } = await loadPipeline();
    return { file, report: tagSourceWith(await taggerHere(), source) };
  } catch (error) {
    return { file, error: asError(error) };
  }
}

// A thrown value as the Error a FolderResult carries.
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

interface WorkerScript {
  /** The script's path, or, with `eval`, the code that loads it. */
  source: string;
  eval: boolean;
}

/**
 * The worker script beside this module: dist/practice-themes-worker.js (ESM build) or .cjs (CJS
 * build), or src/worker.ts when running from source (loaded through tsx's ESM API, when
 * installed). The distinctive name matters once this module is bundled into an app: beside the
 * bundle, a plain "worker.js" would be the app's own. Null when there is none: files are then
 * tagged in the calling thread.
 */
function workerScript(): WorkerScript | null {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const extension = extname(here);
  const path = join(dirname(here), extension === '.ts' ? 'worker.ts' : `practice-themes-worker${extension}`);
  if (!existsSync(path)) return null;
  if (extension !== '.ts') return { source: path, eval: false };
  const tsx = tsxApiUrl(here);
  if (!tsx) return null;
  const load = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(path).href)}); })`;
  return { source: load, eval: true };
}

// tsx's ESM API (its CJS build cannot register the loader in a worker thread).
function tsxApiUrl(from: string): string | null {
  try {
    const manifestPath = createRequire(from).resolve('tsx/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, { import?: string | { default?: string } }> };
    const target = manifest.exports?.['./esm/api']?.import;
    const file = typeof target === 'string' ? target : target?.default;
    return file ? pathToFileURL(join(dirname(manifestPath), file)).href : null;
  } catch {
    return null;
  }
}

let noWorkerScriptWarned = false;

function warnNoWorkerScript(): void {
  if (noWorkerScriptWarned) return;
  noWorkerScriptWarned = true;
  process.emitWarning(
    'practice-themes: no practice-themes-worker script beside this module (is it bundled?); files are tagged one at a time in the calling thread — to tag in parallel, keep practice-themes external to your bundle and installed in node_modules',
    { code: 'PRACTICE_THEMES_WORKER' },
  );
}

// How long a started worker may take to say it is a practice-themes worker. It says so before
// loading any model, so only a script that is not one (or a machine far overloaded) takes longer.
const HELLO_TIMEOUT_MS = 10_000;

interface PoolWorker {
  thread: Worker;
  /** It said it is a practice-themes worker. */
  hello: boolean;
  ready: boolean;
  /** Indexes of the files sent to it, oldest (the one being tagged) first. */
  sent: number[];
}

// Jobs (files or extracted texts) sent to a worker ahead of time, so that it never waits for
// this thread to hand it the next one (this thread may be busy extracting a file of its own).
const FILES_IN_FLIGHT = 2;

async function* runInWorkers(
  files: readonly string[],
  script: WorkerScript,
  threads: number,
  tagOptions: TagOptions,
  taggerHere: () => Promise<Tagger>,
  onProgress: TagFolderOptions['onProgress'],
): AsyncGenerator<FolderResult> {
  const results = new Map<number, FolderResult>();
  const queue = files.map((_, index) => index);
  // Workers run at most this far ahead of the consumer, so a slow consumer does not pile up reports.
  const window = Math.max(16, threads * 4);
  const pool = new Set<PoolWorker>();
  let nextToYield = 0;
  let done = 0;
  let failure: unknown;
  let startWarned = false;
  // Everything that waits for a change (the consumer loop, idle readers) waits here.
  let waiters: Array<() => void> = [];
  const notify = (): void => {
    const resuming = waiters;
    waiters = [];
    for (const resume of resuming) resume();
  };
  const changed = (): Promise<void> =>
    new Promise<void>((resolve) => {
      waiters.push(resolve);
    });

  const finish = (index: number, result: FolderResult): void => {
    results.set(index, result);
    try {
      onProgress?.(++done, files.length, files[index]!);
    } catch (error) {
      failure ??= error;
    }
    notify();
  };

  // Workers take whole files only when there are two or more of them: with one, the calling
  // thread reads every file and the worker only analyses text. pdf.js and the NLP models each
  // cost a thread ~0.5 s of loading and JIT warm-up, and a thread that runs only one of them pays
  // only that one; on 2 cores the CLI took 2.2-2.35 s on the 18 shared PDFs with both threads
  // doing everything, 2.05-2.15 s split this way (npm run bench).
  const workersTakeFiles = threads >= 3;
  const dispatch = (worker: PoolWorker): void => {
    if (!workersTakeFiles) return;
    while (worker.sent.length < FILES_IN_FLIGHT && queue.length > 0 && queue[0]! < nextToYield + window) {
      const index = queue.shift()!;
      worker.sent.push(index);
      worker.thread.postMessage({ id: index, file: files[index]! } satisfies WorkerRequest);
    }
  };

  const spawn = (): void => {
    const worker: PoolWorker = {
      thread: new Worker(script.source, { eval: script.eval, workerData: { marker: WORKER_MARKER, options: tagOptions } }),
      hello: false,
      ready: false,
      sent: [],
    };
    pool.add(worker);
    const notAWorker = (why: string): void => {
      lost(new Error(why));
      void worker.thread.terminate();
    };
    const helloTimer = setTimeout(() => notAWorker(`it did not answer as a practice-themes worker within ${HELLO_TIMEOUT_MS / 1000} s`), HELLO_TIMEOUT_MS);
    helloTimer.unref();
    worker.thread.on('message', (reply: WorkerReply) => {
      if (!worker.hello) {
        clearTimeout(helloTimer);
        if ('hello' in reply && reply.hello === WORKER_MARKER) worker.hello = true;
        else notAWorker('its first message was not a practice-themes worker\'s');
        return;
      }
      if ('hello' in reply) return;
      if ('ready' in reply) {
        worker.ready = true;
        return;
      }
      worker.sent = worker.sent.filter((index) => index !== reply.id);
      finish(reply.id, 'report' in reply ? { file: files[reply.id]!, report: reply.report } : { file: files[reply.id]!, error: deserialiseError(reply.error) });
      dispatch(worker);
    });
    const lost = (error: Error): void => {
      if (!pool.delete(worker)) return;
      const [index, ...waiting] = worker.sent;
      worker.sent = [];
      // Files it had not started go back to the queue, in order.
      queue.unshift(...waiting);
      if (worker.ready && index !== undefined) {
        // The thread died on this file (out of memory, a crash in pdf.js): report it, replace the thread.
        finish(index, { file: files[index]!, error: new PracticeThemesError('UNSUPPORTED_INPUT', `tagging "${files[index]}" stopped its worker thread (${error.message}) — try the file alone with tagFile() to see the error`, { cause: error }) });
        spawn();
      } else {
        // The thread never started: give its file back; the calling thread tags what no worker takes.
        if (index !== undefined) queue.unshift(index);
        if (!startWarned) {
          startWarned = true;
          process.emitWarning(`practice-themes: a worker thread failed to start (${error.message}); files it would have tagged are tagged in the calling thread`, { code: 'PRACTICE_THEMES_WORKER' });
        }
      }
      notify();
    };
    worker.thread.on('error', (error) => {
      clearTimeout(helloTimer);
      lost(error);
    });
    worker.thread.on('exit', (code) => {
      clearTimeout(helloTimer);
      lost(new Error(`worker exited with code ${code}`));
    });
    dispatch(worker);
  };

  // The calling thread reads files one at a time and extracts their text (two at once measured no
  // faster), and hands each text to the least busy worker with room, or analyses it itself when
  // every worker is full. It runs beside the loop below, which yields results in file order.
  let stopped = false;
  let reading = 0;
  const read = async (): Promise<void> => {
    while (!stopped) {
      if (queue.length === 0 || queue[0]! >= nextToYield + window) {
        await changed();
        continue;
      }
      const index = queue.shift()!;
      const file = files[index]!;
      reading += 1;
      let source: Source | undefined;
      try {
        source = await ingest(await readReportFile(file));
      } catch (error) {
        if (!stopped) finish(index, { file, error: asError(error) });
      } finally {
        reading -= 1;
      }
      if (!source || stopped) continue;
      const worker = [...pool].filter((candidate) => candidate.sent.length < FILES_IN_FLIGHT).sort((a, b) => a.sent.length - b.sent.length)[0];
      if (worker) {
        worker.sent.push(index);
        worker.thread.postMessage({ id: index, source } satisfies WorkerRequest);
      } else {
        finish(index, await tagIngestedHere(file, source, taggerHere));
      }
    }
  };

  try {
    // The calling thread works too (the reader above), so `threads` files are in hand at once
    // with one worker fewer.
    for (let count = 1; count < threads; count += 1) spawn();
    read().catch((error: unknown) => {
      failure ??= error;
      notify();
    });
    while (nextToYield < files.length) {
      if (failure !== undefined) throw failure;
      const result = results.get(nextToYield);
      if (result) {
        results.delete(nextToYield);
        nextToYield += 1;
        for (const worker of pool) dispatch(worker);
        notify();
        yield result;
        continue;
      }
      if (pool.size === 0 && queue.length === 0 && reading === 0) throw new Error('practice-themes: internal error — a file was lost between worker threads');
      await changed();
    }
  } finally {
    // Readers still extracting a file finish it and stop; nothing waits for them.
    stopped = true;
    notify();
    const threadsLeft = [...pool];
    pool.clear();
    await Promise.all(threadsLeft.map((worker) => worker.thread.terminate()));
  }
}
