/**
 * practice-themes/node: tagFile and tagFolder on the shared seed texts and a PDF, in a temporary
 * folder tree built per run.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPracticeThemesError } from 'practice-themes';
import { tagFile, tagFolder, type FolderResult } from 'practice-themes/node';

const shared = join(__dirname, '../../../shared/corpus');
const seeds = join(shared, 'seeds');
const pdf = join(shared, 'pdfs', 'gateshead-2019.pdf');
const haveCorpus = existsSync(seeds) && existsSync(pdf);

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'practice-themes-node-'));
  if (!haveCorpus) return;
  const [first, second, third] = readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort();
  mkdirSync(join(root, 'reports', 'nested', 'deeper'), { recursive: true });
  copyFileSync(join(seeds, first!), join(root, 'reports', 'b-seed.txt'));
  copyFileSync(join(seeds, second!), join(root, 'reports', 'nested', 'a-council.md'));
  copyFileSync(join(seeds, third!), join(root, 'reports', 'nested', 'deeper', 'c-seed.TXT'));
  copyFileSync(pdf, join(root, 'reports', 'gateshead.pdf'));
  writeFileSync(join(root, 'reports', 'notes.docx'), 'not a report format');
  writeFileSync(join(root, 'reports', 'empty.txt'), '');
  // Copies and debris a folder walk must leave out: a notebook checkpoint, an installed package, a macOS fork.
  mkdirSync(join(root, 'reports', '.ipynb_checkpoints'));
  copyFileSync(join(seeds, first!), join(root, 'reports', '.ipynb_checkpoints', 'b-seed-checkpoint.txt'));
  mkdirSync(join(root, 'reports', 'node_modules', 'some-package'), { recursive: true });
  writeFileSync(join(root, 'reports', 'node_modules', 'some-package', 'README.md'), '# some package\n');
  writeFileSync(join(root, 'reports', '._gateshead.pdf'), 'Mac OS X resource fork');
});
afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const collect = async (iterable: AsyncIterable<FolderResult>): Promise<FolderResult[]> => {
  const results: FolderResult[] = [];
  for await (const result of iterable) results.push(result);
  return results;
};
const relative = (file: string): string => file.slice(root.length + 1);

describe.skipIf(!haveCorpus)('tagFile', () => {
  it('tags a text file and records its path', async () => {
    const report = await tagFile(join(root, 'reports', 'b-seed.txt'));
    expect(report.file).toBe(join(root, 'reports', 'b-seed.txt'));
    expect(report.findings.length).toBeGreaterThan(0);
  });

  it('tags a PDF file', async () => {
    const report = await tagFile(join(root, 'reports', 'gateshead.pdf'));
    expect(report.kind).toBe('pdf');
    expect(report.metadata.localAuthority).toBe('Gateshead');
  });

  it('rejects a missing file with FILE_NOT_FOUND, naming the path', async () => {
    const missing = join(root, 'no-such-report.pdf');
    const error = await tagFile(missing).catch((caught: unknown) => caught);
    expect(isPracticeThemesError(error) && error.code).toBe('FILE_NOT_FOUND');
    expect((error as Error).message).toMatch(/^practice-themes: no file at ".*no-such-report\.pdf" — /);
  });

  it('rejects a folder with UNSUPPORTED_INPUT', async () => {
    const error = await tagFile(join(root, 'reports')).catch((caught: unknown) => caught);
    expect(isPracticeThemesError(error) && error.code).toBe('UNSUPPORTED_INPUT');
  });
});

describe.skipIf(!haveCorpus)('tagFolder', () => {
  it('expands folders recursively to .pdf, .txt and .md files, in sorted path order', async () => {
    const results = await collect(tagFolder(join(root, 'reports'), { concurrency: 1 }));
    expect(results.map((result) => relative(result.file))).toEqual([
      'reports/b-seed.txt',
      'reports/empty.txt',
      'reports/gateshead.pdf',
      'reports/nested/a-council.md',
      'reports/nested/deeper/c-seed.TXT',
    ]);
  });

  it('tags a file reached by several paths once, under the first path', async () => {
    const file = join(root, 'reports', 'b-seed.txt');
    symlinkSync(file, join(root, 'link-to-b-seed.txt'));
    const results = await collect(tagFolder([file, join(root, 'reports', '.', 'b-seed.txt'), join(root, 'link-to-b-seed.txt'), join(root, 'reports')], { concurrency: 1 }));
    expect(results.map((result) => relative(result.file))).toEqual(['link-to-b-seed.txt', 'reports/empty.txt', 'reports/gateshead.pdf', 'reports/nested/a-council.md', 'reports/nested/deeper/c-seed.TXT']);
  });

  it('leaves out dangling links found in a folder, and files it is told to exclude', async () => {
    const folder = join(root, 'with-links');
    mkdirSync(folder);
    copyFileSync(join(root, 'reports', 'b-seed.txt'), join(folder, 'kept.txt'));
    copyFileSync(join(root, 'reports', 'b-seed.txt'), join(folder, 'excluded.txt'));
    symlinkSync(join(root, 'no-such-file.txt'), join(folder, 'dangling.txt'));
    const results = await collect(tagFolder(folder, { concurrency: 1, exclude: [join(folder, '.', 'excluded.txt')] }));
    expect(results.map((result) => relative(result.file))).toEqual(['with-links/kept.txt']);
  });

  it('reports a failing file in its result and goes on', async () => {
    const results = await collect(tagFolder([join(root, 'reports', 'empty.txt'), join(root, 'missing.txt'), join(root, 'reports', 'b-seed.txt')], { concurrency: 1 }));
    expect(results.map((result) => [relative(result.file), result.error && isPracticeThemesError(result.error) ? result.error.code : 'ok'])).toEqual([
      ['missing.txt', 'FILE_NOT_FOUND'],
      ['reports/b-seed.txt', 'ok'],
      ['reports/empty.txt', 'EMPTY_INPUT'],
    ]);
  });

  // With 2 threads the calling thread extracts every file and a worker analyses the text; with 3
  // or more, workers also take whole files. Either way each report is the one tagFile gives.
  it.each([2, 3])('gives the same results, in the same order, with %i threads as with one', async (concurrency) => {
    const inputs = [join(root, 'reports'), join(root, 'missing.txt')];
    const sequential = await collect(tagFolder(inputs, { concurrency: 1 }));
    const parallel = await collect(tagFolder(inputs, { concurrency }));
    const shape = (results: FolderResult[]) => results.map((result) => ({ file: result.file, error: result.error ? [result.error.name, (result.error as { code?: string }).code, result.error.message] : null, report: result.report }));
    expect(shape(parallel)).toEqual(shape(sequential));
    expect(parallel.some((result) => result.report?.kind === 'pdf')).toBe(true);
    // Errors cross the thread boundary as PracticeThemesErrors.
    expect(parallel.filter((result) => result.error).every((result) => isPracticeThemesError(result.error))).toBe(true);
  });

  it('calls onProgress once per file, counting up to the total', async () => {
    const calls: [number, number, string][] = [];
    await collect(tagFolder(join(root, 'reports', 'nested'), { concurrency: 2, onProgress: (done, total, file) => calls.push([done, total, relative(file)]) }));
    expect(calls.map(([done, total]) => [done, total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(calls.map(([, , file]) => file).sort()).toEqual(['reports/nested/a-council.md', 'reports/nested/deeper/c-seed.TXT']);
  });

  it('reads only the given extensions from folders', async () => {
    const results = await collect(tagFolder(join(root, 'reports'), { concurrency: 1, extensions: ['md'] }));
    expect(results.map((result) => relative(result.file))).toEqual(['reports/nested/a-council.md']);
  });

  it('passes tagging options on: --theme filters findings in every thread', async () => {
    const results = await collect(tagFolder(join(root, 'reports'), { concurrency: 2, themes: ['supervision'] }));
    const themes = new Set(results.flatMap((result) => result.report?.findings.map((finding) => finding.theme) ?? []));
    expect([...themes]).toEqual(['supervision']);
  });

  it('stops its workers when the caller stops early', async () => {
    for await (const result of tagFolder(join(root, 'reports'), { concurrency: 2 })) {
      expect(result.file).toContain('b-seed.txt');
      break;
    }
  });

  it('throws INVALID_OPTIONS before reading any file, for bad options or concurrency', () => {
    for (const options of [{ themes: ['no-such-theme'] }, { concurrency: 0 }, { concurrency: 1.5 }, { minConfidence: 2 }]) {
      let caught: unknown;
      try {
        tagFolder(join(root, 'reports'), options);
      } catch (error) {
        caught = error;
      }
      expect(isPracticeThemesError(caught) && caught.code).toBe('INVALID_OPTIONS');
    }
  });
});
