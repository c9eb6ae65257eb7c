/**
 * `practice-themes eval` and `npm run eval`: the evaluation table of the classifier and the keyword
 * baseline on a gold corpus. No document may be scored by a model that saw its labels, so the
 * default depends on the gold: when the shipped model was trained on every document (the
 * repository's own gold, recognised by id or by its paragraphs) it is leave-one-report-out, a fresh
 * model per held-out report; otherwise it is the shipped model as it is, with a warning when some
 * documents were in its training data. `--retrain` and `--shipped` choose explicitly.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { flagHelp, type FlagSpec } from '../_internal/flags.js';
import classifierModelJson from '../../models/classifier.json';
import { PracticeThemesError } from '../errors.js';
import { createTagger } from '../pipeline.js';
import { leaveOneReportOut, leaveOneThemeOut, type TrainingDocument } from '../train/cross-validate.js';
import { coreThemeIds } from '../themes/taxonomy.js';
import { createBaseline } from './baseline.js';
import { loadGoldCorpus, prepareTrainingDocuments } from './corpus.js';
import { shareSeen } from './seen.js';
import { formatComparison, formatEvaluation } from './format.js';
import { evaluate, type Evaluation } from './score.js';

const evalFlags = {
  gold: { type: 'string', default: 'corpus/gold', value: 'folder', description: 'gold JSON files' },
  corpus: { type: 'string', default: '../shared/corpus', value: 'folder', description: 'the folder gold "source" paths are relative to' },
  'shipped': { type: 'boolean', description: 'score the shipped model as it is (the default when it was not trained on this gold; optimistic when it was)' },
  retrain: {
    type: 'boolean',
    description: 'leave-one-report-out: score each document with a model trained on the other gold documents (the default when the shipped model was trained on all of this gold, as on the repository\'s own)',
  },
  'in-sample': { type: 'boolean', description: 'the same as --shipped (its older name)' },
  errors: { type: 'string', default: '25', value: 'n', description: 'list the first n misses and false alarms' },
  'unseen-themes': {
    type: 'boolean',
    description: 'also score each core theme as if it were a custom theme: the classifier trained without it (and without the held-out report) against the lexicon rules (slow: one training per theme and report)',
  },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
} as const satisfies Record<string, FlagSpec>;

const usage = ['Usage: practice-themes eval [options]', '', 'Options:', ...flagHelp(evalFlags)].join('\n');

/** Runs the evaluation and prints it; resolves to the exit code (0 ok, 2 usage). */
export async function evaluateCommand(argv: string[], print: (text: string) => void = console.log): Promise<number> {
  let values: { gold?: string; corpus?: string; shipped?: boolean; retrain?: boolean; 'in-sample'?: boolean; errors?: string; 'unseen-themes'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: evalFlags as ParseArgsConfig['options'], strict: true }));
  } catch (error) {
    print(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  if (values.help) {
    print(usage);
    return 0;
  }
  if (!/^\d+$/.test(values.errors ?? '')) {
    print(`--errors must be a whole number, got "${values.errors}"\n\n${usage}`);
    return 2;
  }
  const errors = Number(values.errors);
  const askedShipped = Boolean(values.shipped || values['in-sample']);
  if (askedShipped && values.retrain) {
    print(`--shipped and --retrain exclude each other: choose one\n\n${usage}`);
    return 2;
  }
  const goldDir = values.gold ?? evalFlags.gold.default;
  const documents = loadGoldCorpus(goldDir, values.corpus ?? evalFlags.corpus.default);
  if (documents.length === 0) throw new PracticeThemesError('INVALID_GOLD', `no gold files (*.json) in ${goldDir} — pass --gold <folder of gold JSON files>`);
  const golds = documents.map((document) => document.gold);
  const rulesTagger = createTagger({ classifier: 'rules' });
  const rulesReports = await Promise.all(documents.map((document) => rulesTagger.tagReport(document.input)));
  // A document the shipped model saw, under its id or another (a seed's PDF): most of its long paragraphs are ones it was trained on.
  const seenByShippedModel = documents.filter((document, index) => shippedTrainingSet.has(document.id) || shareSeen(rulesReports[index]!.paragraphs, shippedParagraphs) >= 0.5).length;
  const retrain = values.retrain ?? (!askedShipped && seenByShippedModel === documents.length && documents.length >= 2);
  if (retrain && documents.length < 2) {
    throw new PracticeThemesError('INVALID_GOLD', `--retrain needs at least 2 gold documents (one to train on, one to score), found ${documents.length} in ${goldDir} — leave --retrain out to score the shipped model`);
  }
  let classifier: Evaluation;
  const training = !retrain && !values['unseen-themes'] ? undefined : await prepareTrainingDocuments(documents);
  if (retrain) {
    classifier = leaveOneReportOut(training!).evaluation;
  } else {
    const tagger = createTagger();
    const reports = await Promise.all(documents.map((document) => tagger.tagReport(document.input)));
    classifier = evaluate(reports.map((report, index) => ({ report: documents[index]!.id, findings: report.findings, paragraphs: report.paragraphs })), golds);
  }
  const baseline = createBaseline();
  const rules = evaluate(rulesReports.map((report, index) => ({ report: documents[index]!.id, findings: report.findings, paragraphs: report.paragraphs })), golds);
  const keyword = evaluate(rulesReports.map((report, index) => ({ report: documents[index]!.id, findings: baseline(report), paragraphs: report.paragraphs })), golds);
  const protocol = retrain
    ? 'leave-one-report-out (each document scored by a model trained on the other gold documents, never on its own labels)'
    : seenByShippedModel === 0
      ? 'the shipped model (it was not trained on any of these documents)'
      : `the shipped model — OPTIMISTIC: ${seenByShippedModel} of ${documents.length} documents were in its training data`;
  print(`practice-themes evaluation on ${documents.length} gold documents; classifier: ${protocol}\n`);
  print(formatComparison({ classifier, 'rules only': rules, 'keyword+wink': keyword }));
  print(`\n=== classifier ===\n${formatEvaluation(classifier, { errors })}`);
  print(`\n=== keyword baseline: theme by taxonomy term, polarity by wink-nlp sentence sentiment ===\n${formatEvaluation(keyword)}`);
  if (values['unseen-themes']) print(`\n${formatUnseenThemes(training!, rules)}`);
  return 0;
}

/** Report ids, and paragraph fingerprints, of the gold documents the shipped classifier was trained on. */
const shippedTrainingSet = new Set<string>(stringsIn(classifierModelJson, 'trainedOn'));
const shippedParagraphs = new Set<string>(stringsIn(classifierModelJson, 'trainedParagraphs'));

function stringsIn(model: unknown, key: 'trainedOn' | 'trainedParagraphs'): string[] {
  const values = (model as { meta?: Record<string, unknown> }).meta?.[key];
  return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];
}

// A custom theme is one the classifier never saw: each core theme is scored that way, beside the
// lexicon rules (which need no training) on the same theme.
function formatUnseenThemes(documents: readonly TrainingDocument[], rules: Evaluation): string {
  const lines = [
    '=== custom themes: each core theme scored by a classifier trained without it (and without the held-out report), against the lexicon rules ===',
    `${'theme'.padEnd(26)}${'classifier, unseen'.padStart(20)}${'rules'.padStart(10)}   (pair F1)`,
  ];
  for (const theme of coreThemeIds) {
    const unseen = leaveOneThemeOut(documents, theme).pairs.byTheme[theme]?.f1 ?? 0;
    const byRules = rules.pairs.byTheme[theme]?.f1 ?? 0;
    lines.push(`${theme.padEnd(26)}${(unseen * 100).toFixed(1).padStart(20)}${(byRules * 100).toFixed(1).padStart(10)}`);
  }
  return lines.join('\n');
}
