/**
 * pdf.js leaves rejected promises unhandled on some damaged PDFs. Reading a PDF must contain
 * those (Node would otherwise end the process), and nothing else: a rejection of the caller's
 * own still behaves as Node's --unhandled-rejections mode says. The process-level checks run in a
 * child process with no listener of its own, as a user's program would (vitest listens for
 * unhandled rejections itself).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPdfjsError } from '../../src/ingest/pdfjs-rejections.js';
import { corpusDir, damagedPdf, hasCorpus, readPdf, repoRoot } from '../helpers/corpus.js';

const corpusPdfs = join(corpusDir, 'pdfs/');

describe('isPdfjsError', () => {
  it('recognises pdf.js exception types by name', () => {
    for (const name of ['FormatError', 'XRefEntryException', 'UnknownErrorException', 'InvalidPDFException']) {
      expect(isPdfjsError(Object.assign(new Error('x'), { name }))).toBe(true);
    }
  });

  it('recognises an error thrown from pdf.js code by its first stack frame', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'get')");
    error.stack = `TypeError: ${error.message}\n    at Parser.getObj (file:///app/node_modules/unpdf/dist/pdfjs.mjs:4:1234)\n    at main (file:///app/main.js:1:1)`;
    expect(isPdfjsError(error)).toBe(true);
  });

  it('leaves every other rejection alone', () => {
    expect(isPdfjsError(new Error('mine'))).toBe(false);
    expect(isPdfjsError(Object.assign(new Error('x'), { name: 'PracticeThemesError' }))).toBe(false);
    const passingThrough = new Error('mine');
    passingThrough.stack = `Error: mine\n    at main (file:///app/main.js:1:1)\n    at read (file:///app/node_modules/unpdf/dist/pdfjs.mjs:4:1234)`;
    expect(isPdfjsError(passingThrough)).toBe(false);
    expect(isPdfjsError('FormatError')).toBe(false);
    expect(isPdfjsError(undefined)).toBe(false);
  });
});

describe.skipIf(!hasCorpus)('reading a damaged PDF in a program with no rejection listener', () => {
  let scratch = '';
  let damaged = '';
  let healthy = '';
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'practice-themes-pdfjs-'));
    damaged = join(scratch, 'damaged.pdf');
    healthy = join(scratch, 'healthy.pdf');
    writeFileSync(damaged, damagedPdf('gateshead-2019.pdf'));
    writeFileSync(healthy, readPdf('gateshead-2019.pdf'));
  });
  afterAll(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  // The program's own rejection must happen while the PDF is being read, when the library's
  // listener is in place: \`await whileReading\` waits for it (at most 10 s).
  const waitForListener = `const whileReading = (async () => {
      for (let turn = 0; turn < 100_000 && process.listenerCount('unhandledRejection') === 0; turn++) await new Promise((resolve) => setImmediate(resolve));
      if (process.listenerCount('unhandledRejection') === 0) throw new Error('the PDF was read without the listener in place');
    })();`;

  // Runs an ES module that imports the library from source (through tsx).
  const runProgram = (body: string, nodeFlags: string[] = []) => {
    const program = `import { readFileSync } from 'node:fs';\nimport { tagReport } from './src/index.ts';\n${waitForListener}\n${body}`;
    const result = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', program], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('rejects it as TRUNCATED_PDF and the process carries on', () => {
    const result = runProgram(`
      try { await tagReport(readFileSync(${JSON.stringify(damaged)})); console.log('read'); }
      catch (error) { console.log('caught', error.code); }
      await new Promise((resolve) => setTimeout(resolve, 100));
      console.log('still running');`);
    expect(result.stderr).not.toMatch(/Unhandled|FormatError/);
    expect(result.stdout).toBe('caught TRUNCATED_PDF\nstill running\n');
    expect(result.code).toBe(0);
  });

  it('survives damage of four kinds at five depths in three reports, each a report or a typed error', () => {
    // Overwritten with "x", zeroed, cut short (with a new %%EOF), or 3 KB taken out.
    const result = runProgram(`
      import { isPracticeThemesError } from './src/index.ts';
      const outcomes = {};
      for (const name of ['bedford-2025.pdf', 'birmingham-2016.pdf', 'gateshead-2019.pdf']) {
        const bytes = new Uint8Array(readFileSync(${JSON.stringify(corpusPdfs)} + name));
        for (const depth of [0.01, 0.05, 0.2, 0.5, 0.8]) {
          const at = Math.floor(bytes.length * depth);
          const xs = bytes.slice(); xs.fill(0x78, at, Math.min(bytes.length - 1024, at + 50_000));
          const zeros = bytes.slice(); zeros.fill(0, at, Math.min(bytes.length - 1024, at + 4096));
          const cut = new Uint8Array(at + 6); cut.set(bytes.subarray(0, at)); cut.set(new TextEncoder().encode('%%EOF\\n'), at);
          const gap = new Uint8Array(bytes.length - 3000); gap.set(bytes.subarray(0, at)); gap.set(bytes.subarray(at + 3000), at);
          for (const damaged of [xs, zeros, cut, gap]) {
            let outcome;
            try { await tagReport(damaged); outcome = 'report'; }
            catch (error) { outcome = isPracticeThemesError(error) ? error.code : 'untyped ' + error; }
            outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
          }
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      console.log(JSON.stringify(outcomes));`);
    expect(result.stderr).not.toMatch(/Unhandled|Error/);
    expect(result.code).toBe(0);
    const outcomes = JSON.parse(result.stdout) as Record<string, number>;
    expect(Object.values(outcomes).reduce((sum, count) => sum + count, 0)).toBe(60);
    expect(Object.keys(outcomes).filter((outcome) => !['report', 'TRUNCATED_PDF', 'IMAGE_ONLY_PDF'].includes(outcome))).toEqual([]);
    expect(outcomes.TRUNCATED_PDF).toBeGreaterThan(0);
  });

  it('still lets a rejection of the program’s own end the process, as Node would', () => {
    const result = runProgram(`
      const reading = tagReport(readFileSync(${JSON.stringify(healthy)}));
      await whileReading;
      Promise.reject(new Error('the program’s own rejection'));
      await reading;
      await new Promise((resolve) => setTimeout(resolve, 100));
      console.log('still running');`);
    expect(result.stderr).toContain('the program’s own rejection');
    expect(result.stdout).not.toContain('still running');
    expect(result.code).toBe(1);
  });

  it.each([
    ['warn', 0],
    ['warn-with-error-code', 1],
  ])('still only warns, once, about the program’s own rejection under --unhandled-rejections=%s (exit %i)', (mode, exitCode) => {
    const result = runProgram(
      `
      const reading = tagReport(readFileSync(${JSON.stringify(healthy)}));
      await whileReading;
      Promise.reject(new Error('the program’s own rejection'));
      await reading;
      await new Promise((resolve) => setTimeout(resolve, 100));
      console.log('still running');`,
      [`--unhandled-rejections=${mode}`],
    );
    expect(result.stderr.split('the program’s own rejection')).toHaveLength(2);
    expect(result.stdout).toBe('still running\n');
    expect(result.code).toBe(exitCode);
  });
});
