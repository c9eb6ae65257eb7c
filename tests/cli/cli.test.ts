/**
 * The built `practice-themes` command (dist/cli.js, so `npm run build` first), run as a child
 * process on the shared seed texts and two PDFs: formats, --theme, --out, --taxonomy, --strict,
 * exit codes and a stable order.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damagedPdf } from '../helpers/corpus.js';

const repo = join(__dirname, '../..');
const cli = join(repo, 'dist', 'cli.js');
const seeds = join(repo, '..', 'shared', 'corpus', 'seeds');
const pdfs = ['gateshead-2019.pdf', 'newcastle-upon-tyne-2022.pdf'].map((name) => join(repo, '..', 'shared', 'corpus', 'pdfs', name));
const haveCorpus = existsSync(seeds) && pdfs.every((pdf) => existsSync(pdf));
const seedFiles = haveCorpus ? readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort().map((name) => join(seeds, name)) : [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// The default run's line for the first seed, as a run of its own.
const seedsJsonlFirst = (): Run => ({ code: 0, stderr: '', stdout: `${seedsJsonl.stdout.split('\n')[0]!}\n` });
const jsonLines = (text: string): Record<string, unknown>[] => text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

// RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (char !== '\r') field += char;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  return rows;
}

let scratch = '';
let seedsJsonl: Run;

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error(`dist/cli.js is missing — run \`npm run build\` before these tests (npm test does)`);
  scratch = mkdtempSync(join(tmpdir(), 'practice-themes-cli-'));
  if (haveCorpus) seedsJsonl = await run(['tag', seeds, '--concurrency', '1']);
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!haveCorpus)('practice-themes tag', () => {
  it('writes one JSON line per file by default, in sorted path order, and exits 0', () => {
    expect(seedsJsonl.code).toBe(0);
    const results = jsonLines(seedsJsonl.stdout);
    expect(results.map((result) => result.file)).toEqual(seedFiles);
    for (const result of results) expect(Array.isArray(result.findings) && typeof result.text === 'string').toBe(true);
  });

  it('writes the same bytes whatever the concurrency', async () => {
    const parallel = await run(['tag', ...[...seedFiles].reverse(), '--concurrency', '3']);
    expect(parallel.code).toBe(0);
    expect(parallel.stdout).toBe(seedsJsonl.stdout);
  });

  it('--format json writes one array of the same results', async () => {
    const json = await run(['tag', seeds, '--format', 'json', '-j', '1']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(jsonLines(seedsJsonl.stdout));
  });

  it('--format csv writes one finding per row under the documented header', async () => {
    const csv = await run(['tag', seeds, '--format', 'csv', '-j', '1']);
    expect(csv.code).toBe(0);
    const [header, ...rows] = parseCsv(csv.stdout);
    expect(header).toEqual(['file', 'authority', 'paragraph', 'theme', 'polarity', 'confidence', 'sentence', 'page']);
    const results = jsonLines(seedsJsonl.stdout) as { file: string; metadata: { localAuthority: string | null }; findings: { paragraph: string; theme: string; polarity: string; confidence: number; sentence: string }[] }[];
    const expected = results.flatMap((result) =>
      result.findings.map((finding) => [result.file, result.metadata.localAuthority ?? '', finding.paragraph, finding.theme, finding.polarity, finding.confidence.toFixed(3), finding.sentence, '']),
    );
    expect(rows).toEqual(expected);
  });

  it('--format md writes a section and a findings table per file', async () => {
    const md = await run(['tag', ...seedFiles.slice(0, 2), '--format', 'md', '-j', '1']);
    expect(md.code).toBe(0);
    expect(md.stdout.match(/^## /gm)).toHaveLength(2);
    expect(md.stdout).toContain(`## ${seedFiles[0]}`);
    expect(md.stdout).toContain('| Paragraph | Theme | Polarity | Confidence | Sentence |');
  });

  it('--theme keeps only the named themes (repeatable)', async () => {
    const filtered = await run(['tag', seeds, '--theme', 'supervision', '-t', 'plans', '-j', '1']);
    expect(filtered.code).toBe(0);
    const themes = new Set(jsonLines(filtered.stdout).flatMap((result) => (result.findings as { theme: string }[]).map((finding) => finding.theme)));
    expect([...themes].sort()).toEqual(['plans', 'supervision']);
  });

  it('--min-confidence and --classifier pass on to the tagger, and bad values are usage errors', async () => {
    const confidences = (result: Run) => jsonLines(result.stdout).flatMap((line) => (line.findings as { confidence: number }[]).map((finding) => finding.confidence));
    const strict = await run(['tag', seedFiles[0]!, '--min-confidence', '0.9', '-q']);
    expect(strict.code).toBe(0);
    expect(Math.min(...confidences(strict))).toBeGreaterThanOrEqual(0.9);
    expect(confidences(strict).length).toBeLessThan(confidences(seedsJsonlFirst()).length);
    const rules = await run(['tag', seedFiles[0]!, '--classifier', 'rules', '-q']);
    expect(rules.code).toBe(0);
    expect(rules.stdout).not.toBe(seedsJsonlFirst().stdout);
    for (const bad of [['--min-confidence', '2'], ['--min-confidence', 'high'], ['--classifier', 'neural']]) {
      const refused = await run(['tag', seedFiles[0]!, ...bad]);
      expect(refused.code, bad.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/^practice-themes: (--min-confidence must be a number from 0 to 1|unknown --classifier)/);
    }
  });

  it('gives the PDF page of each finding in csv and md', async () => {
    const csv = parseCsv((await run(['tag', pdfs[0]!, '--format', 'csv', '-q'])).stdout);
    const tagged = jsonLines((await run(['tag', pdfs[0]!, '-q'])).stdout)[0] as { findings: { page: number }[] };
    expect(csv.slice(1).map((row) => row[7])).toEqual(tagged.findings.map((finding) => String(finding.page)));
    const md = (await run(['tag', pdfs[0]!, '--format', 'md', '-q'])).stdout;
    expect(md).toContain('| Paragraph | Page | Theme | Polarity | Confidence | Sentence |');
    expect(md).toMatch(/^\| 1 \| 3 \| /m);
  });

  it('tags PDFs and reads their metadata', async () => {
    const csv = await run(['tag', ...pdfs, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const authorities = new Set(parseCsv(csv.stdout).slice(1).map((row) => row[1]));
    expect([...authorities].sort()).toEqual(['Gateshead', 'Newcastle']);
  });

  it('--out writes the results to a file and nothing to stdout', async () => {
    const out = join(scratch, 'findings.jsonl');
    const written = await run(['tag', seeds, '--out', out, '-j', '1']);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(seedsJsonl.stdout);
  });

  it('--out creates missing folders', async () => {
    const out = join(scratch, 'new', 'folder', 'findings.jsonl');
    const written = await run(['tag', seeds, '--out', out, '-j', '1']);
    expect(written.code, written.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(seedsJsonl.stdout);
  });

  it.skipIf(!existsSync('/dev/full'))('exits 1 and says so when the output cannot be written (a full disk), to --out or to stdout', async () => {
    const toFile = await run(['tag', seedFiles[0]!, '--out', '/dev/full', '-q']);
    expect(toFile).toMatchObject({ code: 1, stderr: 'practice-themes: writing --out "/dev/full" failed (ENOSPC) — the output is incomplete\n' });
    const toStdout = await new Promise<Run>((resolve, reject) => {
      const child = spawn(process.execPath, [cli, 'tag', seedFiles[0]!, '-q'], { cwd: repo, stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'] });
      let stderr = '';
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });
    expect(toStdout).toMatchObject({ code: 1, stderr: 'practice-themes: writing standard output failed (ENOSPC) — the output is incomplete\n' });
    const toFolder = await run(['tag', seedFiles[0]!, '--out', scratch, '-q']);
    expect(toFolder).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot write --out') });
  });

  it('stops quietly when the reader goes away (| head)', async () => {
    const child = spawn(process.execPath, [cli, 'tag', seeds, ...pdfs, '-j', '12', '-q'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Read one chunk, then close the pipe: the rest of the writes meet EPIPE.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('"-" tags a report piped to standard input, first, as file "-"', () => {
    const piped = spawnSync(process.execPath, [cli, 'tag', '-', seedFiles[1]!, '-q'], { cwd: repo, input: readFileSync(seedFiles[0]!), encoding: 'utf8' });
    expect(piped.status, piped.stderr).toBe(0);
    const [fromStdin, fromFile] = jsonLines(piped.stdout);
    expect(fromStdin).toMatchObject({ file: '-', text: jsonLines(seedsJsonl.stdout)[0]!.text });
    expect(fromFile).toMatchObject({ file: seedFiles[1] });
    const empty = spawnSync(process.execPath, [cli, 'tag', '-', '-q'], { cwd: repo, input: '', encoding: 'utf8' });
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('error -: the input has no text');
  });

  it('refuses an --out that is also an input, and never tags its own output in a folder', async () => {
    const folder = join(scratch, 'own-output');
    mkdirSync(folder);
    copyFileSync(seedFiles[2]!, join(folder, 'report.txt'));
    const victim = join(folder, 'report.txt');
    const refused = await run(['tag', victim, '--format', 'md', '--out', victim]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is also an input: it would be overwritten before it is read');
    expect(readFileSync(victim, 'utf8')).toBe(readFileSync(seedFiles[2]!, 'utf8'));
    for (let round = 0; round < 2; round++) {
      const inside = await run(['tag', folder, '--format', 'md', '--out', join(folder, 'findings.md'), '-q']);
      expect(inside.code, inside.stderr).toBe(0);
      expect(readFileSync(join(folder, 'findings.md'), 'utf8').match(/^## /gm)).toHaveLength(1);
    }
  });

  it('exits 1 when an input is missing, after tagging the others', async () => {
    const missing = join(scratch, 'missing-report.pdf');
    const result = await run(['tag', missing, seedFiles[0]!, '-j', '1']);
    expect(result.code).toBe(1);
    const lines = jsonLines(result.stdout);
    expect(lines.map((line) => line.file)).toEqual([missing, seedFiles[0]].sort());
    expect(lines.find((line) => line.file === missing)?.error).toMatchObject({ code: 'FILE_NOT_FOUND' });
    expect(result.stderr).toContain(`error ${missing}: no file at`);
  });

  it('reports a PDF damaged in its middle as an error and still tags the others, at any concurrency', async () => {
    // pdf.js leaves rejections of its own unhandled on this file; they must not end the process.
    const damaged = join(scratch, 'damaged.pdf');
    writeFileSync(damaged, damagedPdf('gateshead-2019.pdf'));
    for (const concurrency of ['1', '2', '3']) {
      const result = await run(['tag', damaged, pdfs[1]!, '-j', concurrency]);
      expect(result.code).toBe(1);
      const lines = jsonLines(result.stdout);
      expect(lines.map((line) => line.file)).toEqual([damaged, pdfs[1]].sort());
      expect(lines.find((line) => line.file === damaged)?.error).toMatchObject({ code: 'TRUNCATED_PDF' });
      expect(lines.find((line) => line.file === pdfs[1])?.findings).not.toHaveLength(0);
      expect(result.stderr).toContain(`error ${damaged}: the PDF could not be read`);
      expect(result.stderr).toContain('1 of 2 files failed');
    }
  });

  it('--strict exits 1 exactly when a report has warnings, and prints them', async () => {
    const warnings = jsonLines(seedsJsonl.stdout).flatMap((result) => (result.messages as { level: string }[]).filter((message) => message.level === 'warning'));
    const strict = await run(['tag', seeds, '--strict', '-j', '1']);
    expect(strict.code).toBe(warnings.length > 0 ? 1 : 0);
    expect(strict.stderr.match(/^warning /gm)?.length ?? 0).toBe(warnings.length);
  });

  it('--quiet prints nothing on stderr for a clean run, and no progress bar is drawn when stderr is not a terminal', async () => {
    const quiet = await run(['tag', seedFiles[4]!, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(seedsJsonl.stderr).not.toMatch(/[█░]/);
  });

  it('--taxonomy reads and validates a taxonomy file', async () => {
    const taxonomy = join(scratch, 'taxonomy.json');
    copyFileSync(join(repo, 'models', 'taxonomy.json'), taxonomy);
    expect((await run(['tag', seedFiles[4]!, '--taxonomy', taxonomy, '-q'])).code).toBe(0);
    const invalid = join(scratch, 'invalid-taxonomy.json');
    writeFileSync(invalid, JSON.stringify({ version: 1, themes: 'none' }));
    const rejected = await run(['tag', seedFiles[4]!, '--taxonomy', invalid]);
    expect(rejected.code).toBe(2);
    expect(rejected.stderr).toMatch(/^practice-themes: taxonomy(?:\.\S+)? is invalid: /);
  });
});

describe('practice-themes usage errors', () => {
  it.each([
    ['an unknown flag', ['tag', 'x.pdf', '--bogus']],
    ['an unknown format', ['tag', 'x.pdf', '--format', 'xml']],
    ['a bad concurrency', ['tag', 'x.pdf', '--concurrency', 'many']],
    ['an unknown theme', ['tag', 'x.pdf', '--theme', 'no-such-theme']],
    ['no inputs', ['tag']],
    ['an unknown command', ['frobnicate']],
    ['a --taxonomy that is not JSON', ['tag', 'x.pdf', '--taxonomy', __filename]],
  ])('exits 2 on %s, with a message on stderr and nothing on stdout', async (_, args) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^practice-themes: .+ — .+/);
  });

  it('documents the exit codes in --help', async () => {
    const help = await run(['tag', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 .+\n {2}1 .+\n {2}2 .+/);
    for (const flag of ['--format', '--out', '--theme', '--taxonomy', '--concurrency', '--strict', '--quiet']) expect(help.stdout).toContain(flag);
  });
});
