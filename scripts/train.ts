/**
 * npm run train: fits models/classifier.json on the whole gold corpus, and records in its meta
 * the leave-one-report-out scores of the same configuration.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprintsOf } from '../src/evaluate/seen.js';
import { labelCandidates } from '../src/train/examples.js';
import { leaveOneReportOut } from '../src/train/cross-validate.js';
import { defaultTrainConfig, train } from '../src/train/train.js';
import { coreThemeIds } from '../src/themes/taxonomy.js';
import { repoRoot } from './corpus.js';
import { loadTrainingDocuments } from './training-data.js';

const documents = await loadTrainingDocuments();
const { evaluation } = leaveOneReportOut(documents);
const labelled = documents.map((document) => labelCandidates(document.candidates, document.gold));
const examples = labelled.flatMap((entry) => entry.examples);
const fixed = (value: number) => Math.round(value * 1000) / 1000;
const model = train(examples, defaultTrainConfig, {
  trainedOn: documents.map((document) => document.id),
  // So that eval can tell a document it was trained on under another name (a seed's PDF).
  trainedParagraphs: fingerprintsOf(documents.flatMap((document) => document.paragraphs)),
  unreachableGoldThemes: labelled.reduce((sum, entry) => sum + entry.unreachable, 0),
  leaveOneReportOut: {
    corePairF1: fixed(evaluation.pairs.core.f1),
    coreThemeF1: fixed(evaluation.themes.core.f1),
    allPairF1: fixed(evaluation.pairs.all.f1),
    byCoreTheme: Object.fromEntries(coreThemeIds.map((theme) => [theme, fixed(evaluation.pairs.byTheme[theme]?.f1 ?? 0)])),
  },
});
writeFileSync(join(repoRoot, 'models', 'classifier.json'), `${JSON.stringify({ $schema: './classifier.schema.json', ...model })}\n`);
console.log(`trained on ${examples.length} candidates from ${documents.length} documents; ${Object.keys(model.weights).length} features`);
console.log('leave-one-report-out:', JSON.stringify(model.meta.leaveOneReportOut));
