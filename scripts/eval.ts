/**
 * npm run eval: scores the classifier (leave-one-report-out: a document is never scored by a model
 * that saw its labels), the lexicon rules alone, and the keyword baseline, on the gold corpus.
 */
import { createTagger } from '../src/index.js';
import { createBaseline } from '../src/evaluate/baseline.js';
import { formatComparison, formatEvaluation } from '../src/evaluate/format.js';
import { evaluate } from '../src/evaluate/score.js';
import { leaveOneReportOut } from '../src/train/cross-validate.js';
import { documentPath, readDocument } from './corpus.js';
import { loadTrainingDocuments } from './training-data.js';

const errors = Number(process.argv.find((argument) => argument.startsWith('--errors='))?.split('=')[1] ?? 25);
const documents = await loadTrainingDocuments();
const golds = documents.map((document) => document.gold);
const { evaluation: classifier } = leaveOneReportOut(documents);

const rulesTagger = createTagger({ classifier: 'rules' });
const baseline = createBaseline();
const rulesDocuments = [];
const baselineDocuments = [];
for (const document of documents) {
  const report = await rulesTagger.tagReport(readDocument(documentPath(document.id)));
  rulesDocuments.push({ report: document.id, findings: report.findings, paragraphs: report.paragraphs });
  baselineDocuments.push({ report: document.id, findings: baseline(report), paragraphs: report.paragraphs });
}
const rules = evaluate(rulesDocuments, golds);
const keyword = evaluate(baselineDocuments, golds);

console.log(`practice-themes evaluation on ${documents.length} gold documents, leave-one-report-out for the trained classifier\n`);
console.log(formatComparison({ classifier, 'rules only': rules, 'keyword+wink': keyword }));
console.log(`\n=== classifier (leave-one-report-out) ===\n${formatEvaluation(classifier, { errors })}`);
console.log(`\n=== keyword baseline: theme by term match, polarity by wink-nlp sentence sentiment ===\n${formatEvaluation(keyword)}`);
