/**
 * npm run agreement: inter-annotator agreement between independent passes over the same document
 * (pair F1, core and all themes, and Cohen's kappa on each core (paragraph, theme, polarity) decision).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createTagger } from '../src/index.js';
import { alignAnnotations } from '../src/evaluate/align.js';
import { evaluate } from '../src/evaluate/score.js';
import { annotationPassSchema } from '../src/schemas/gold.js';
import { coreThemeIds } from '../src/themes/taxonomy.js';
import { annotationsDir, documentPath, readDocument } from './corpus.js';

const tagger = createTagger({ classifier: 'rules' });
const doubled = readdirSync(annotationsDir).filter((file) => file.endsWith('.pass2.json')).map((file) => file.replace(/\.pass2\.json$/, '')).sort();
const firsts = [];
const seconds = [];
let agree = 0;
let total = 0;
let firstYes = 0;
let secondYes = 0;
for (const id of doubled) {
  const report = await tagger.tagReport(readDocument(documentPath(id)));
  const load = (pass: string) => annotationPassSchema.parse(JSON.parse(readFileSync(join(annotationsDir, `${id}.${pass}.json`), 'utf8')));
  const first = alignAnnotations(id, report.paragraphs, [load('pass1')]).gold;
  const second = alignAnnotations(id, report.paragraphs, [load('pass2')]).gold;
  firsts.push(first);
  seconds.push({ report: id, findings: Object.entries(second.paragraphs).flatMap(([paragraph, labels]) => labels.map(([theme, polarity]) => ({ paragraph, theme, polarity, sentence: '' }))) });
  // Kappa over every (paragraph, core theme, polarity) decision.
  for (const paragraph of Object.keys(first.paragraphs)) {
    for (const theme of coreThemeIds) {
      for (const polarity of ['strength', 'weakness', 'neutral']) {
        const a = first.paragraphs[paragraph]!.some(([t, p]) => t === theme && p === polarity);
        const b = (second.paragraphs[paragraph] ?? []).some(([t, p]) => t === theme && p === polarity);
        total++;
        if (a === b) agree++;
        if (a) firstYes++;
        if (b) secondYes++;
      }
    }
  }
}
const evaluation = evaluate(seconds as never, firsts);
const observed = agree / total;
const expected = (firstYes / total) * (secondYes / total) + (1 - firstYes / total) * (1 - secondYes / total);
const kappa = (observed - expected) / (1 - expected);
const fixed = (value: number) => value.toFixed(3);
console.log(`documents with two independent passes: ${doubled.join(', ')}`);
console.log(`core pair F1 ${fixed(evaluation.pairs.core.f1)}; core theme-only F1 ${fixed(evaluation.themes.core.f1)}; all-theme pair F1 ${fixed(evaluation.pairs.all.f1)}; all-theme theme-only F1 ${fixed(evaluation.themes.all.f1)}`);
for (const theme of coreThemeIds) console.log(`  ${theme.padEnd(24)} pair F1 ${fixed(evaluation.pairs.byTheme[theme]?.f1 ?? 0)} (${evaluation.pairs.byTheme[theme]?.truePositives ?? 0} agreed)`);
console.log(`Cohen's kappa, core (paragraph, theme, polarity) decisions: ${fixed(kappa)} (observed ${fixed(observed)}, chance ${fixed(expected)})`);
