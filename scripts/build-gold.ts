/**
 * npm run gold: builds corpus/gold/<report>.json from the first annotation pass of each document,
 * aligned to the paragraphs tagReport() produces. Prints what could not be aligned.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTagger, type Tagger } from '../src/index.js';
import { alignAnnotations, type Alignment } from '../src/evaluate/align.js';
import { annotationPassSchema } from '../src/schemas/gold.js';
import { annotatedDocuments, annotationsDir, documentPath, goldDir, readDocument, sameReport } from './corpus.js';

/** The gold file of one document, built from its first annotation pass. */
export async function buildGold(id: string, tagger: Tagger = createTagger({ classifier: 'rules' })): Promise<Alignment & { paragraphs: number }> {
  const document = documentPath(id);
  const report = await tagger.tagReport(readDocument(document));
  const pass = annotationPassSchema.parse(JSON.parse(readFileSync(join(annotationsDir, `${id}.pass1.json`), 'utf8')));
  const alignment = alignAnnotations(id, report.paragraphs, [pass], document.source);
  const gold = sameReport[id] ? { report: alignment.gold.report, source: alignment.gold.source, sameReportAs: sameReport[id], paragraphs: alignment.gold.paragraphs } : alignment.gold;
  return { ...alignment, gold, paragraphs: report.paragraphs.length };
}

/** Gold JSON as written to corpus/gold: one line per paragraph. */
export function serialiseGold(gold: Alignment['gold']): string {
  const lines = Object.entries(gold.paragraphs).map(([id, labels]) => `    ${JSON.stringify(id)}: ${JSON.stringify(labels)}`);
  const same = gold.sameReportAs ? `  "sameReportAs": ${JSON.stringify(gold.sameReportAs)},\n` : '';
  return `{\n  "report": ${JSON.stringify(gold.report)},\n  "source": ${JSON.stringify(gold.source)},\n${same}  "paragraphs": {\n${lines.join(',\n')}\n  }\n}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const id of annotatedDocuments()) {
    const { gold, merged, unmatched, renumbered, paragraphs } = await buildGold(id);
    writeFileSync(join(goldDir, `${id}.json`), serialiseGold(gold));
    const pairs = Object.values(gold.paragraphs).reduce((sum, labels) => sum + labels.length, 0);
    console.log(`${id}: ${paragraphs} paragraphs, ${pairs} pairs; merged ${merged.length}, unmatched ${unmatched.length}, renumbered ${renumbered.length}`);
    for (const entry of merged) console.log(`  merged    ${entry.annotated} -> ${entry.into}`);
    for (const entry of unmatched) console.log(`  UNMATCHED ${entry.annotated} "${entry.firstWords}" ${JSON.stringify(entry.labels)}`);
    if (renumbered.length > 0) console.log(`  renumbered ${renumbered.map((entry) => `${entry.annotated}->${entry.aligned}`).join(', ')}`);
  }
}
