/**
 * npm run gold: builds corpus/gold/<report>.json from the first annotation pass of each document,
 * aligned to the paragraphs tagReport() produces. Prints what could not be aligned.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagReport } from '../src/index.js';
import { alignAnnotations } from '../src/evaluate/align.js';
import { annotationPassSchema } from '../src/schemas/gold.js';
import { annotatedDocuments, annotationsDir, documentPath, goldDir, readDocument } from './corpus.js';

for (const id of annotatedDocuments()) {
  const document = documentPath(id);
  const report = await tagReport(readDocument(document));
  const pass = annotationPassSchema.parse(JSON.parse(readFileSync(join(annotationsDir, `${id}.pass1.json`), 'utf8')));
  const { gold, merged, unmatched, renumbered } = alignAnnotations(id, report.paragraphs, [pass], document.source);
  writeFileSync(join(goldDir, `${id}.json`), `${JSON.stringify(gold, null, 1).replace(/\[\n\s+"([^"]+)",\n\s+"([^"]+)"\n\s+\]/g, '["$1", "$2"]')}\n`);
  const pairs = Object.values(gold.paragraphs).reduce((sum, labels) => sum + labels.length, 0);
  console.log(`${id}: ${report.paragraphs.length} paragraphs, ${pairs} pairs; merged ${merged.length}, unmatched ${unmatched.length}, renumbered ${renumbered.length}`);
  for (const entry of merged) console.log(`  merged   ${entry.annotated} -> ${entry.into}`);
  for (const entry of unmatched) console.log(`  UNMATCHED ${entry.annotated} "${entry.firstWords}" ${JSON.stringify(entry.labels)}`);
  if (renumbered.length > 0) console.log(`  renumbered ${renumbered.slice(0, 3).map((entry) => `${entry.annotated}->${entry.aligned}`).join(', ')}${renumbered.length > 3 ? ' ...' : ''}`);
}
