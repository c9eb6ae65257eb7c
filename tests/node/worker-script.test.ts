/**
 * tagFolder when its worker script is missing or is not its own, as when practice-themes/node is
 * bundled into an app: the files are still all tagged (in the calling thread), with a warning,
 * and nothing hangs. Each case runs a copy of the built dist/ in a child process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasCorpus, repoRoot } from '../helpers/corpus.js';

const dist = join(repoRoot, 'dist');
let scratch = '';

beforeAll(() => {
  // Inside node_modules, so that the copy resolves wink-nlp and unpdf from the repository.
  mkdirSync(join(repoRoot, 'node_modules', '.cache'), { recursive: true });
  scratch = mkdtempSync(join(repoRoot, 'node_modules', '.cache', 'practice-themes-worker-'));
  writeFileSync(join(scratch, 'package.json'), '{ "type": "module" }');
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Runs tagFolder over three seeds at concurrency 2 with a dist/ whose worker script is `worker` (or absent). */
function runWith(name: string, worker: string | undefined): { status: number | null; stdout: string; stderr: string; ms: number } {
  const copy = join(scratch, name);
  cpSync(dist, copy, { recursive: true });
  rmSync(join(copy, 'practice-themes-worker.js'));
  if (worker !== undefined) writeFileSync(join(copy, 'practice-themes-worker.js'), worker);
  const seeds = ['000_4cd93a9b524f4123.txt', '003_85e350de875c86b4.txt', '004_b273e26e43f8453e.txt'].map((file) => join(repoRoot, '../shared/corpus/seeds', file));
  const script = `
    const { tagFolder } = await import(${JSON.stringify(join(copy, 'node.js'))});
    const tagged = [];
    for await (const result of tagFolder(${JSON.stringify(seeds)}, { concurrency: 2 })) tagged.push(result.error ? 'error' : result.report.findings.length > 0);
    console.log(JSON.stringify(tagged));`;
  const started = Date.now();
  // A script file, not -e: worker threads inherit the parent's execArgv, and --input-type fails there.
  writeFileSync(join(scratch, `${name}.mjs`), script);
  const run = spawnSync(process.execPath, [join(scratch, `${name}.mjs`)], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout.trim(), stderr: run.stderr, ms: Date.now() - started };
}

describe.skipIf(!hasCorpus)('tagFolder without its own worker script', () => {
  it('tags every file in the calling thread and warns when there is no worker script', () => {
    const run = runWith('missing', undefined);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('[true,true,true]');
    expect(run.stderr).toContain('practice-themes: no practice-themes-worker script beside this module');
  });

  it('gives up on a script whose first message is not a practice-themes worker\'s', () => {
    const run = runWith('foreign', "import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ app: 'hello' }); parentPort.on('message', () => {});");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('[true,true,true]');
    expect(run.stderr).toContain('its first message was not a practice-themes worker');
  });

  it('gives up on a script that never answers, after the hello timeout rather than never', () => {
    const run = runWith('silent', "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});");
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('[true,true,true]');
    expect(run.stderr).toContain('did not answer as a practice-themes worker within 10 s');
    expect(run.ms).toBeLessThan(40_000);
  });
});
