/**
 * `practice-themes eval` and `npm run eval`: the evaluation table of the classifier and the keyword
 * baseline on a gold corpus. By default leave-one-report-out (a fresh model per held-out report);
 * `--in-sample` scores the shipped model, which was trained on the repository's gold corpus.
 */
import { parseArgs } from 'node:util';
import { createTagger } from '../pipeline.js';
import { leaveOneReportOut } from '../train/cross-validate.js';
import { createBaseline } from './baseline.js';
import { loadGoldCorpus, prepareTrainingDocuments } from './corpus.js';
import { formatComparison, formatEvaluation } from './format.js';
import { evaluate, type Evaluation } from './score.js';

const usage = `usage: practice-themes eval [--gold <folder>] [--corpus <folder>] [--in-sample] [--errors <n>]

  --gold <folder>    gold JSON files (default: corpus/gold)
  --corpus <folder>  the folder gold "source" paths are relative to (default: ../shared/corpus)
  --in-sample        score the shipped model as it is (optimistic if it was trained on this gold)
  --errors <n>       list the first n misses and false alarms (default 25)`;

/** Runs the evaluation and prints it; resolves to the exit code (0 ok, 2 usage). */
export async function evaluateCommand(argv: string[], print: (text: string) => void = console.log): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { gold: { type: 'string', default: 'corpus/gold' }, corpus: { type: 'string', default: '../shared/corpus' }, 'in-sample': { type: 'boolean', default: false }, errors: { type: 'string', default: '25' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
    }));
  } catch (error) {
    print(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    print(usage);
    return 0;
  }
  const errors = Number(values.errors);
  const documents = loadGoldCorpus(values.gold, values.corpus);
  const golds = documents.map((document) => document.gold);
  let classifier: Evaluation;
  let reports;
  if (values['in-sample']) {
    const tagger = createTagger();
    reports = await Promise.all(documents.map((document) => tagger.tagReport(document.input)));
    classifier = evaluate(reports.map((report, index) => ({ report: documents[index]!.id, findings: report.findings, paragraphs: report.paragraphs })), golds);
  } else {
    classifier = leaveOneReportOut(await prepareTrainingDocuments(documents)).evaluation;
  }
  const rulesTagger = createTagger({ classifier: 'rules' });
  const baseline = createBaseline();
  const rulesReports = await Promise.all(documents.map((document) => rulesTagger.tagReport(document.input)));
  const rules = evaluate(rulesReports.map((report, index) => ({ report: documents[index]!.id, findings: report.findings, paragraphs: report.paragraphs })), golds);
  const keyword = evaluate(rulesReports.map((report, index) => ({ report: documents[index]!.id, findings: baseline(report), paragraphs: report.paragraphs })), golds);
  const protocol = values['in-sample'] ? 'in-sample (the shipped model; optimistic when it was trained on this gold)' : 'leave-one-report-out (no document is scored by a model that saw its labels)';
  print(`practice-themes evaluation on ${documents.length} gold documents; classifier ${protocol}\n`);
  print(formatComparison({ classifier, 'rules only': rules, 'keyword+wink': keyword }));
  print(`\n=== classifier ===\n${formatEvaluation(classifier, { errors })}`);
  print(`\n=== keyword baseline: theme by taxonomy term, polarity by wink-nlp sentence sentiment ===\n${formatEvaluation(keyword)}`);
  return 0;
}
