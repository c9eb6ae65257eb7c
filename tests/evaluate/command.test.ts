/**
 * `practice-themes eval`: which model scores the gold (never one that saw a document's labels),
 * and clear errors for gold folders that cannot be scored.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, isPracticeThemesError, tagText } from 'practice-themes';
import { evaluateCommand } from '../../src/evaluate/command.js';
import { corpusDir, hasCorpus, repoRoot } from '../helpers/corpus.js';

const seed003 = '003_85e350de875c86b4';

/** A gold folder and corpus folder of one's own: seed 003's text and gold under another report id. */
function ownGold(files: Record<string, string>): { gold: string; corpus: string } {
  const root = mkdtempSync(join(tmpdir(), 'pt-eval-'));
  const gold = join(root, 'gold');
  const corpus = join(root, 'corpus');
  mkdirSync(gold);
  mkdirSync(corpus);
  copyFileSync(join(corpusDir, 'seeds', `${seed003}.txt`), join(corpus, 'council-paper.txt'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(gold, name), content);
  return { gold, corpus };
}

function renamedGold(report: string): string {
  const gold = JSON.parse(readFileSync(join(repoRoot, 'corpus/gold', `${seed003}.json`), 'utf8')) as Record<string, unknown>;
  return JSON.stringify({ ...gold, report, source: 'council-paper.txt', sameReportAs: undefined });
}

async function run(argv: string[]): Promise<{ code: number | string; output: string }> {
  let output = '';
  try {
    const code = await evaluateCommand(argv, (text) => (output += `${text}\n`));
    return { code, output };
  } catch (error) {
    return { code: isPracticeThemesError(error) ? error.code : `untyped ${String(error)}`, output: isPracticeThemesError(error) ? error.message : '' };
  }
}

describe.skipIf(!hasCorpus)('practice-themes eval', () => {
  it('scores the shipped model on gold it was not trained on, and says so', async () => {
    // A report the model never saw: two paragraphs written for this test, with their gold.
    const folders = ownGold({});
    const text = [
      "Inspection of Anytown local authority children's services",
      '1. Personal education plans (PEPs) are completed on time and their targets are specific. Not all PEPs are reviewed when a child moves school, so some targets are out of date.',
      '2. Supervision is regular and reflective, and managers give clear direction to social workers about the next steps for each child.',
    ].join('\n\n');
    writeFileSync(join(folders.corpus, 'anytown.txt'), `${text}\n`);
    const report = tagText(`${text}\n`);
    const gold = { report: 'anytown-2026', source: 'anytown.txt', paragraphs: Object.fromEntries(report.paragraphs.map((paragraph) => [paragraph.id, []])) as Record<string, [string, string][]> };
    gold.paragraphs['1'] = [['peps', 'strength'], ['peps', 'weakness']];
    gold.paragraphs['2'] = [['supervision', 'strength']];
    writeFileSync(join(folders.gold, 'anytown.json'), JSON.stringify(gold));
    const { code, output } = await run(['--gold', folders.gold, '--corpus', folders.corpus, '--errors', '0']);
    expect(code, output).toBe(0);
    expect(output).toContain('on 1 gold documents; classifier: the shipped model (it was not trained on any of these documents)');
    // The classifier column is the shipped model's score, as evaluate() gives it directly.
    const direct = evaluate([{ report: 'anytown-2026', findings: report.findings, paragraphs: report.paragraphs }], [gold]);
    expect(output).toMatch(new RegExp(`core pair micro-F1\\s+${(direct.pairs.core.f1 * 100).toFixed(1)}`));
  });

  it('recognises a report the model was trained on under another name by its paragraphs', async () => {
    const folders = ownGold({ 'mine.json': renamedGold('my-council-2026') });
    const { code, output } = await run(['--gold', folders.gold, '--corpus', folders.corpus, '--errors', '0']);
    expect(code, output).toBe(0);
    expect(output).toContain('classifier: the shipped model — OPTIMISTIC: 1 of 1 documents were in its training data');
  });

  it('refuses --retrain on fewer than two documents, and --retrain with --shipped', async () => {
    const folders = ownGold({ 'mine.json': renamedGold('my-council-2026') });
    const retrain = await run(['--gold', folders.gold, '--corpus', folders.corpus, '--retrain']);
    expect(retrain).toMatchObject({ code: 'INVALID_GOLD', output: expect.stringContaining('--retrain needs at least 2 gold documents') });
    expect((await run(['--gold', folders.gold, '--corpus', folders.corpus, '--retrain', '--shipped'])).code).toBe(2);
  });

  it('warns that the shipped model is optimistic on gold it was trained on', async () => {
    const gold = mkdtempSync(join(tmpdir(), 'pt-eval-'));
    copyFileSync(join(repoRoot, 'corpus/gold', `${seed003}.json`), join(gold, `${seed003}.json`));
    const { code, output } = await run(['--gold', gold, '--corpus', corpusDir, '--shipped', '--errors', '0']);
    expect(code).toBe(0);
    expect(output).toContain('classifier: the shipped model — OPTIMISTIC: 1 of 1 documents were in its training data');
  });

  it('reads a gold file saved with a byte-order mark, and an absolute source path', async () => {
    const folders = ownGold({});
    const gold = JSON.parse(renamedGold('mine')) as Record<string, unknown>;
    writeFileSync(join(folders.gold, 'mine.json'), `\uFEFF${JSON.stringify({ ...gold, source: join(folders.corpus, 'council-paper.txt') })}`);
    const { code, output } = await run(['--gold', folders.gold, '--corpus', '/nonexistent', '--errors', '0']);
    expect(code, output).toBe(0);
    expect(output).toContain('on 1 gold documents');
  });

  it('gives INVALID_GOLD for a folder with no gold, a file that is not JSON, or two golds for one report', async () => {
    expect(await run(['--gold', ownGold({}).gold])).toMatchObject({ code: 'INVALID_GOLD', output: expect.stringMatching(/no gold files \(\*\.json\) in /) });
    const broken = ownGold({ 'mine.json': renamedGold('mine').replace(/}$/, ',}') });
    expect(await run(['--gold', broken.gold, '--corpus', broken.corpus])).toMatchObject({ code: 'INVALID_GOLD', output: expect.stringMatching(/mine\.json is not readable JSON/) });
    const twice = ownGold({ 'a.json': renamedGold('mine'), 'b.json': renamedGold('mine') });
    expect(await run(['--gold', twice.gold, '--corpus', twice.corpus])).toMatchObject({ code: 'INVALID_GOLD', output: expect.stringContaining('gold files a.json and b.json are both for report "mine"') });
  });
});
