/**
 * npm run bench: median time of tagText and of plain wink-nlp readDoc on the same seed texts, and
 * their ratio (budget: tagText ≤ 2× readDoc); then, when the CLI is built, the CLI on the shared
 * PDF folder against bare unpdf text extraction (budget ≤ 1.3×). Printed, never asserted.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createTagger } from '../src/index.js';
import { repoRoot, sharedCorpus } from './corpus.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 15);
const seeds = readdirSync(join(sharedCorpus, 'seeds')).filter((file) => file.endsWith('.txt')).sort();
const texts = seeds.map((file) => readFileSync(join(sharedCorpus, 'seeds', file), 'utf8'));
const nlp = winkNLP(model);
const tagger = createTagger();
// Warm both up: model loading and JIT are not what is measured. One pass was not enough: the
// first document's tagText rounds still ran while V8 was optimising (20 ms, against 11 ms warm).
const warmUpRounds = Number(process.env.BENCH_WARMUP ?? 5);
for (let round = 0; round < warmUpRounds; round++) {
  for (const text of texts) {
    nlp.readDoc(text);
    tagger.tagText(text);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const time = (run: () => void): number => {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return median(samples);
};

console.log(`practice-themes bench: ${seeds.length} seed texts, median of ${rounds} rounds\n`);
console.log(`${'document'.padEnd(28)}${'chars'.padStart(8)}${'tagText ms'.padStart(12)}${'readDoc ms'.padStart(12)}${'ratio'.padStart(8)}`);
let tagTotal = 0;
let winkTotal = 0;
texts.forEach((text, index) => {
  const tag = time(() => tagger.tagText(text));
  const wink = time(() => nlp.readDoc(text));
  tagTotal += tag;
  winkTotal += wink;
  console.log(`${seeds[index]!.padEnd(28)}${String(text.length).padStart(8)}${tag.toFixed(1).padStart(12)}${wink.toFixed(1).padStart(12)}${(tag / wink).toFixed(2).padStart(8)}`);
});
console.log(`${'all seeds (sum of medians)'.padEnd(36)}${tagTotal.toFixed(1).padStart(12)}${winkTotal.toFixed(1).padStart(12)}${(tagTotal / winkTotal).toFixed(2).padStart(8)}   budget ≤ 2.00`);

if (existsSync(join(repoRoot, 'dist', 'cli.js')) && existsSync(join(repoRoot, 'scripts', 'bench-cli.ts'))) {
  const benchModule = './bench-cli.js';
  const { benchCli } = (await import(benchModule)) as typeof import('./bench-cli.js');
  const result = await benchCli();
  console.log(`\nCLI on ${join(sharedCorpus, 'pdfs')}: ${result.cliMs.toFixed(0)} ms; bare unpdf extraction: ${result.unpdfMs.toFixed(0)} ms; ratio ${result.ratio.toFixed(2)}   budget ≤ 1.30`);
  console.log(`bare unpdf with the files split between 2 processes at once: ${result.unpdfTwoProcessesMs.toFixed(0)} ms (a second core speeds pdf.js up ${(result.unpdfMs / result.unpdfTwoProcessesMs).toFixed(2)}×)`);
} else {
  console.log('\n(CLI bench skipped: run `npm run build` first)');
}
