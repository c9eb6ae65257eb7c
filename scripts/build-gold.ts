/**
 * npm run gold: builds corpus/gold/<report>.json from the first annotation pass of each document,
 * aligned to the paragraphs tagReport() produces, then applies the document's review (if any).
 * Prints what could not be aligned, and every review change that does not apply cleanly.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTagger, type Tagger } from '../src/index.js';
import { alignAnnotations, type Alignment } from '../src/evaluate/align.js';
import { annotationPassSchema, annotationReviewSchema, type GoldLabel } from '../src/schemas/gold.js';
import { annotatedDocuments, annotationsDir, documentPath, goldDir, readDocument, sameReport } from './corpus.js';

/** The gold file of one document, built from its first annotation pass and its review. */
export async function buildGold(id: string, tagger: Tagger = createTagger({ classifier: 'rules' })): Promise<Alignment & { paragraphs: number; reviewProblems: string[]; reviewChanges: number }> {
  const document = documentPath(id);
  const report = await tagger.tagReport(readDocument(document));
  const pass = annotationPassSchema.parse(JSON.parse(readFileSync(join(annotationsDir, `${id}.pass1.json`), 'utf8')));
  const alignment = alignAnnotations(id, report.paragraphs, [pass], document.source);
  const { paragraphs, problems, applied } = applyReview(id, alignment.gold.paragraphs);
  const gold = { report: alignment.gold.report, source: alignment.gold.source, ...(sameReport[id] ? { sameReportAs: sameReport[id] } : {}), paragraphs };
  return { ...alignment, gold, paragraphs: report.paragraphs.length, reviewProblems: problems, reviewChanges: applied };
}

/**
 * Applies corpus/annotations/<id>.review.json, when there is one. A change that names an unknown
 * paragraph, removes a label that is not there or adds one that is, is reported, not applied.
 */
function applyReview(id: string, labelled: Record<string, GoldLabel[]>): { paragraphs: Record<string, GoldLabel[]>; problems: string[]; applied: number } {
  const path = join(annotationsDir, `${id}.review.json`);
  const paragraphs = Object.fromEntries(Object.entries(labelled).map(([paragraph, labels]) => [paragraph, [...labels]]));
  if (!existsSync(path)) return { paragraphs, problems: [], applied: 0 };
  const review = annotationReviewSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const problems: string[] = [];
  let applied = 0;
  const same = (a: GoldLabel, b: GoldLabel) => a[0] === b[0] && a[1] === b[1];
  for (const change of review.changes) {
    const labels = paragraphs[change.paragraph];
    if (!labels) {
      problems.push(`¶${change.paragraph}: no such paragraph`);
      continue;
    }
    for (const label of change.remove) {
      const at = labels.findIndex((existing) => same(existing, label));
      if (at < 0) problems.push(`¶${change.paragraph}: cannot remove ${label.join('/')}, it is not there`);
      else {
        labels.splice(at, 1);
        applied++;
      }
    }
    for (const label of change.add) {
      if (labels.some((existing) => same(existing, label))) problems.push(`¶${change.paragraph}: ${label.join('/')} is already there`);
      else {
        labels.push(label);
        applied++;
      }
    }
  }
  return { paragraphs, problems, applied };
}

/** Gold JSON as written to corpus/gold: one line per paragraph. */
export function serialiseGold(gold: Alignment['gold']): string {
  const lines = Object.entries(gold.paragraphs).map(([id, labels]) => `    ${JSON.stringify(id)}: ${JSON.stringify(labels)}`);
  const same = gold.sameReportAs ? `  "sameReportAs": ${JSON.stringify(gold.sameReportAs)},\n` : '';
  return `{\n  "report": ${JSON.stringify(gold.report)},\n  "source": ${JSON.stringify(gold.source)},\n${same}  "paragraphs": {\n${lines.join(',\n')}\n  }\n}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const id of annotatedDocuments()) {
    const { gold, merged, unmatched, renumbered, paragraphs, reviewProblems, reviewChanges } = await buildGold(id);
    writeFileSync(join(goldDir, `${id}.json`), serialiseGold(gold));
    const pairs = Object.values(gold.paragraphs).reduce((sum, labels) => sum + labels.length, 0);
    console.log(`${id}: ${paragraphs} paragraphs, ${pairs} pairs; merged ${merged.length}, unmatched ${unmatched.length}, renumbered ${renumbered.length}`);
    for (const entry of merged) console.log(`  merged    ${entry.annotated} -> ${entry.into}`);
    for (const entry of unmatched) console.log(`  UNMATCHED ${entry.annotated} "${entry.firstWords}" ${JSON.stringify(entry.labels)}`);
    if (renumbered.length > 0) console.log(`  renumbered ${renumbered.map((entry) => `${entry.annotated}->${entry.aligned}`).join(', ')}`);
    if (reviewChanges > 0) console.log(`  review: ${reviewChanges} label changes applied`);
    for (const problem of reviewProblems) console.log(`  REVIEW NOT APPLIED ${problem}`);
  }
}
