#!/usr/bin/env node
/**
 * The `practice-themes` command: a thin layer over practice-themes/node.
 *
 *   practice-themes tag <files or folders...> [--format jsonl|json|csv|md] [--out file] ...
 *   practice-themes eval [...]
 *
 * Results go to stdout (or --out); progress, warnings and errors go to stderr. Exit codes:
 * 0 every input tagged, 1 some input failed (or had warnings, with --strict), 2 usage error.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { MultiBar } from 'cli-progress';
import { flagHelp, type FlagSpec } from './_internal/flags.js';
import { isPracticeThemesError } from './errors.js';
import { identityOf } from './_internal/file-identity.js';
import { tagFolder, type FolderResult, type TagFolderOptions } from './node.js';
import { formatJson } from './outputs/json.js';
import { formatJsonLine } from './outputs/jsonl.js';
import { formatMarkdownSection } from './outputs/markdown.js';
import type { TagOptions } from './schemas/options.js';
import { libraryVersion } from './version.js';

/** Exit codes of the command. */
export const exitCodes = { ok: 0, inputFailed: 1, usage: 2 } as const;

const formats = ['jsonl', 'json', 'csv', 'md'] as const;
type Format = (typeof formats)[number];

/** The flags of `practice-themes tag`, as data: parsing and --help both read this table. */
const tagFlags = {
  format: { type: 'string', short: 'f', default: 'jsonl', value: formats.join('|'), description: 'output format: jsonl (one result per line), json (one array), csv (one finding per row), md (a Markdown table per file)' },
  out: { type: 'string', short: 'o', value: 'file', description: 'write results to this file instead of stdout' },
  theme: { type: 'string', short: 't', multiple: true, value: 'id', description: 'only report findings for this theme id (repeatable)' },
  taxonomy: { type: 'string', value: 'file', description: 'use the taxonomy in this JSON file instead of the default (validated)' },
  'min-confidence': { type: 'string', value: '0-1', description: 'drop findings below this confidence (default 0.7, the model\'s report threshold, or none with --classifier rules; 0.8-0.9 trades recall for precision)' },
  classifier: { type: 'string', value: 'model|rules', description: 'judge with the trained model (default) or the lexicon rules alone' },
  concurrency: { type: 'string', short: 'j', value: 'N', description: 'tag N files at once: this thread and N-1 worker threads (default: one per CPU core; 1: no workers)' },
  strict: { type: 'boolean', description: 'treat report warnings (e.g. paragraph numbering conflicts) as failures: print them and exit 1' },
  quiet: { type: 'boolean', short: 'q', description: 'no progress bar and no warning summary; errors are still printed' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, FlagSpec>;

const commands = [
  { name: 'tag <files or folders...>', description: 'tag reports (.pdf, .txt, .md; folders are read recursively; - is standard input) and print their findings' },
  { name: 'eval [options]', description: 'score predictions against gold annotations (see `practice-themes eval --help`)' },
];

const exitCodeHelp = ['Exit codes:', '  0  every input was tagged', '  1  some input failed (missing, unreadable, not text or a PDF), the output could not be written, or there were warnings with --strict', '  2  usage error: unknown command or flag, bad flag value, bad --taxonomy, unknown --theme'];

function mainHelp(): string {
  return [
    `practice-themes ${libraryVersion}: tag Ofsted children's services reports by practice theme, with strength/weakness polarity and paragraph citations.`,
    '',
    'Usage: practice-themes <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(28)}${command.description}`),
    '',
    'Options:',
    '  -h, --help     show help (also `practice-themes tag --help`)',
    '  -v, --version  print the version',
    '',
    ...exitCodeHelp,
    '',
  ].join('\n');
}

function tagHelp(): string {
  return [
    'Usage: practice-themes tag <files or folders...> [options]',
    '',
    'Tags each report and writes one result per file, in sorted path order. Folders are read',
    'recursively for .pdf, .txt and .md files (not hidden ones, nor node_modules); a file reached',
    'by two paths is tagged once. "-" reads one report (text or PDF) from standard input, output',
    'first as file "-". A file that fails is reported on stderr and the others are still tagged.',
    '',
    'Options:',
    ...flagHelp(tagFlags),
    '',
    ...exitCodeHelp,
    '',
    'Examples:',
    '  practice-themes tag reports/ --format csv --out findings.csv',
    '  practice-themes tag gateshead-2019.pdf --theme supervision --theme plans --format md',
    '  pbpaste | practice-themes tag - --format md',
    '',
  ].join('\n');
}

/** A usage error: printed with a pointer to --help, exit code 2. */
class UsageError extends Error {}

/** The output could not be written (a full disk, a folder in the way): exit code 1. */
class OutputError extends Error {}

/**
 * Runs the command with the given arguments (without `node` and the script path).
 *
 * @returns the exit code: 0 ok, 1 some input failed, 2 usage error.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'tag':
        return await tagCommand(rest);
      case 'eval': {
        const { evaluateCommand } = await import('./evaluate/command.js');
        return await evaluateCommand([...rest]);
      }
      case '-v':
      case '--version':
        process.stdout.write(`${libraryVersion}\n`);
        return exitCodes.ok;
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(mainHelp());
        return command === undefined ? exitCodes.usage : exitCodes.ok;
      default:
        throw new UsageError(`unknown command "${command}" — use one of: tag, eval (see practice-themes --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`practice-themes: ${error.message}\n`);
      return exitCodes.usage;
    }
    if (error instanceof OutputError) {
      process.stderr.write(`practice-themes: ${error.message}\n`);
      return exitCodes.inputFailed;
    }
    throw error;
  }
}

interface TagArguments {
  inputs: string[];
  format: Format;
  out: string | undefined;
  options: TagOptions;
  concurrency: number | undefined;
  strict: boolean;
  quiet: boolean;
}

function parseTagArguments(argv: readonly string[]): TagArguments | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: tagFlags as ParseArgsConfig['options'], allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs names the flag ("Unknown option '--x'"); keep its words, add the way out.
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '')} — see practice-themes tag --help`);
  }
  const values = parsed.values as {
    format?: string;
    out?: string;
    theme?: string[];
    taxonomy?: string;
    'min-confidence'?: string;
    classifier?: string;
    concurrency?: string;
    strict?: boolean;
    quiet?: boolean;
    help?: boolean;
  };
  if (values.help) return 'help';
  if (parsed.positionals.length === 0) throw new UsageError('no files or folders given — pass at least one, e.g. practice-themes tag reports/');
  const format = values.format ?? 'jsonl';
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${format}" — use one of: ${formats.join(', ')}`);
  let concurrency: number | undefined;
  if (values.concurrency !== undefined) {
    concurrency = Number(values.concurrency);
    if (!/^\d+$/.test(values.concurrency) || concurrency < 1) throw new UsageError(`--concurrency must be a whole number of 1 or more, got "${values.concurrency}" — e.g. --concurrency 4, or leave it out to use every CPU core`);
  }
  const options: TagOptions = {};
  if (values.theme && values.theme.length > 0) options.themes = values.theme;
  if (values.taxonomy !== undefined) options.taxonomy = readTaxonomyFile(values.taxonomy);
  const minConfidence = values['min-confidence'];
  if (minConfidence !== undefined) {
    options.minConfidence = Number(minConfidence);
    if (!/^(0(\.\d+)?|1(\.0*)?|\.\d+)$/.test(minConfidence)) throw new UsageError(`--min-confidence must be a number from 0 to 1, got "${minConfidence}" — e.g. --min-confidence 0.8`);
  }
  if (values.classifier !== undefined) {
    if (values.classifier !== 'model' && values.classifier !== 'rules') throw new UsageError(`unknown --classifier "${values.classifier}" — use model or rules`);
    options.classifier = values.classifier;
  }
  return { inputs: parsed.positionals, format: format as Format, out: values.out, options, concurrency, strict: values.strict ?? false, quiet: values.quiet ?? false };
}

function readTaxonomyFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --taxonomy "${path}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}) — pass the path of a taxonomy JSON file`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--taxonomy "${path}" is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')}) — see models/taxonomy.json in the package for the expected shape`);
  }
}

async function tagCommand(argv: readonly string[]): Promise<number> {
  const parsed = parseTagArguments(argv);
  if (parsed === 'help') {
    process.stdout.write(tagHelp());
    return exitCodes.ok;
  }
  const { inputs, format, out, options, concurrency, strict, quiet } = parsed;
  // The bar and the CSV writer load only when used: each module is start-up time on every run.
  const progress = !quiet && process.stderr.isTTY ? new ProgressDisplay(await import('cli-progress')) : undefined;
  const csv = format === 'csv' ? await import('./outputs/csv.js') : undefined;
  // The output file is never an input: named, it would be overwritten before it is read; in a folder
  // being tagged, a previous run's results would be tagged as a report.
  if (out !== undefined) {
    const outIdentity = await identityOf(out);
    for (const input of inputs) if (input !== '-' && (await identityOf(input)) === outIdentity) throw new UsageError(`--out "${out}" is also an input: it would be overwritten before it is read — write the results elsewhere`);
  }
  const folderOptions: TagFolderOptions = {
    ...options,
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
    ...(out !== undefined ? { exclude: [out] } : {}),
  };

  // "-" is standard input: a report piped in (e.g. text copied from a PDF viewer).
  const fromStdin = inputs.includes('-');
  const files = inputs.filter((input) => input !== '-');
  if (fromStdin && process.stdin.isTTY) throw new UsageError('"-" reads a report from standard input, but it is a terminal — pipe a report in, e.g. pbpaste | practice-themes tag -');
  let results: AsyncIterable<FolderResult>;
  try {
    const fromFiles = files.length > 0 ? tagFolder(files, folderOptions) : undefined;
    results = fromStdin ? withStdin(options, fromFiles) : fromFiles!;
  } catch (error) {
    // Bad options (an unknown --theme, an invalid --taxonomy) are the caller's to fix.
    if (isPracticeThemesError(error)) throw new UsageError(error.message.replace(/^practice-themes: /, ''));
    throw error;
  }

  const sink = await openOutput(out);
  const log = (line: string): void => (progress ? progress.log(line) : void process.stderr.write(line));
  const collected: FolderResult[] = [];
  let count = 0;
  let failed = 0;
  let warned = 0;
  let warnings = 0;
  try {
    if (csv) await sink.write(csv.formatCsvHeader());
    for await (const result of results) {
      count += 1;
      if (result.error) {
        failed += 1;
        log(`error ${result.file}: ${result.error.message.replace(/^practice-themes: /, '')}\n`);
      } else {
        const fileWarnings = result.report.messages.filter((message) => message.level === 'warning');
        if (fileWarnings.length > 0) {
          warned += 1;
          warnings += fileWarnings.length;
          if (strict) for (const message of fileWarnings) log(`warning ${result.file} ${message.place.start}-${message.place.end} ${message.ruleId}: ${message.reason}\n`);
        }
      }
      if (format === 'json') collected.push(result);
      else await sink.write(format === 'jsonl' ? formatJsonLine(result) : csv ? csv.formatCsvRows(result) : formatMarkdownSection(result));
    }
    if (format === 'json') await sink.write(formatJson(collected));
  } finally {
    progress?.stop();
    await sink.close();
  }

  if (count === 0) {
    process.stderr.write(`practice-themes: no report files (.pdf, .txt, .md) found in ${inputs.join(', ')} — pass files, or folders that hold reports\n`);
    return exitCodes.inputFailed;
  }
  if (!quiet && !strict && warnings > 0) {
    process.stderr.write(`practice-themes: ${warnings} warning${warnings === 1 ? '' : 's'} in ${warned} file${warned === 1 ? '' : 's'} (see report.messages; --strict prints them and fails)\n`);
  }
  if (failed > 0) {
    process.stderr.write(`practice-themes: ${failed} of ${count} file${count === 1 ? '' : 's'} failed\n`);
    return exitCodes.inputFailed;
  }
  if (strict && warnings > 0) {
    process.stderr.write(`practice-themes: ${warnings} warning${warnings === 1 ? '' : 's'} in ${warned} file${warned === 1 ? '' : 's'} (--strict)\n`);
    return exitCodes.inputFailed;
  }
  return exitCodes.ok;
}

/** The report read from standard input (as file "-"), then the files' results. */
async function* withStdin(options: TagOptions, fromFiles: AsyncIterable<FolderResult> | undefined): AsyncGenerator<FolderResult> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  try {
    // Loaded only here: the calling thread otherwise never loads the NLP models.
    const { createTagger } = await import('./pipeline.js');
    yield { file: '-', report: await createTagger(options).tagReport(new Uint8Array(Buffer.concat(chunks))) };
  } catch (error) {
    if (!isPracticeThemesError(error)) throw error;
    yield { file: '-', error };
  }
  if (fromFiles) yield* fromFiles;
}

interface Output {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** stdout, or the --out file (opened before tagging starts, so a bad path fails fast). */
async function openOutput(path: string | undefined): Promise<Output> {
  if (path !== undefined) await mkdir(dirname(resolve(path)), { recursive: true }).catch(() => undefined);
  const stream: Writable = path === undefined ? process.stdout : createWriteStream(path);
  if (path !== undefined) {
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error: NodeJS.ErrnoException) => reject(new OutputError(`cannot write --out "${path}" (${error.code ?? error.message}) — check that the path is a writable file`)));
    });
  }
  let broken: NodeJS.ErrnoException | undefined;
  let drained: (() => void) | undefined;
  // One listener for the whole run: a listener per write would pile up on process.stdout, which
  // worker threads already pipe into (a MaxListenersExceededWarning at -j 12).
  stream.on('error', (error: NodeJS.ErrnoException) => {
    broken ??= error;
    drained?.();
  });
  stream.on('drain', () => drained?.());
  const failure = (): OutputError | undefined =>
    // The reader went away (e.g. `| head`): stop writing, quietly. Any other failure (a full disk) is the run's.
    broken && broken.code !== 'EPIPE' ? new OutputError(`writing ${path === undefined ? 'standard output' : `--out "${path}"`} failed (${broken.code ?? broken.message}) — the output is incomplete`) : undefined;
  return {
    async write(text) {
      if (broken) {
        const error = failure();
        if (error) throw error;
        return;
      }
      if (text.length === 0) return;
      if (!stream.write(text)) await new Promise<void>((resolve) => (drained = resolve));
      drained = undefined;
      const error = failure();
      if (error) throw error;
    },
    async close() {
      if (path !== undefined && !broken) await new Promise<void>((resolve) => stream.end(resolve));
      else if (path === undefined && !broken) await new Promise<void>((resolve) => (stream.writableNeedDrain ? stream.once('drain', resolve) : resolve()));
      // A failed write (to standard output, or the last flush of a file) is reported on a later turn of the event loop.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const error = failure();
      if (error) throw error;
    },
  };
}

/** A progress bar on stderr (only when stderr is a terminal). */
class ProgressDisplay {
  private readonly bars: MultiBar;
  private bar: ReturnType<MultiBar['create']> | undefined;

  constructor({ MultiBar, Presets }: typeof import('cli-progress')) {
    this.bars = new MultiBar({ stream: process.stderr, format: '{bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true, autopadding: true }, Presets.shades_classic);
  }

  readonly update = (done: number, total: number, file: string): void => {
    this.bar ??= this.bars.create(total, 0, { file: '' });
    this.bar.update(done, { file });
  };

  log(line: string): void {
    this.bars.log(line);
  }

  stop(): void {
    this.bars.stop();
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${isPracticeThemesError(error) ? error.message : `practice-themes: unexpected error — please report it: ${(error as Error)?.stack ?? String(error)}`}\n`);
    process.exitCode = exitCodes.inputFailed;
  },
);
