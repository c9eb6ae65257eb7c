/**
 * Notebook-style exploration: which councils were told their PEPs, plans or supervision are weak?
 * Tags every shared PDF and prints, per report, the paragraphs cited for each weakness.
 * Run: npx tsx examples/compare-reports.ts [folder of PDFs]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTagger } from 'practice-themes';

const folder = process.argv[2] ?? fileURLToPath(new URL('../../shared/corpus/pdfs/', import.meta.url));
const themes = ['supervision', 'plans', 'peps'];
// One tagger for many reports: models are validated and compiled once.
const tagger = createTagger({ themes });

console.log(`${'report'.padEnd(28)}${themes.map((theme) => `${theme} weak ¶`.padEnd(28)).join('')}`);
for (const file of readdirSync(folder).filter((name) => name.endsWith('.pdf')).sort()) {
  const report = await tagger.tagReport(readFileSync(join(folder, file)));
  const cells = themes.map((theme) => (report.summary.find((entry) => entry.theme === theme)?.paragraphs.weakness.join(',') || '-').slice(0, 26).padEnd(28));
  console.log(`${file.replace(/\.pdf$/, '').padEnd(28)}${cells.join('')}`);
}
