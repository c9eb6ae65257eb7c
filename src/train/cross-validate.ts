/**
 * Leave-one-report-out: each document is scored by a model trained without it (and without any
 * other copy of the same report), so every figure is about reports the model has not seen.
 */
import polarityModelJson from '../../models/polarity.json';
import { evaluate, type Evaluation } from '../evaluate/score.js';
import { classifyCandidates } from '../findings/classified.js';
import type { Finding } from '../findings/aggregate.js';
import type { Gold } from '../schemas/gold.js';
import type { Candidate } from '../themes/features.js';
import { analyseSentence, compilePolarityModel, type CompiledPolarityModel, type SentenceAnalysis } from '../themes/polarity.js';
import type { PolarityModel } from '../schemas/model.js';
import type { Paragraph } from '../structure/index.js';
import { labelCandidates } from './examples.js';
import { train, type TrainConfig, defaultTrainConfig } from './train.js';

/** A gold document ready for training: its candidates and paragraphs, and the report group it belongs to. */
export interface TrainingDocument {
  id: string;
  /** Documents of one group are the same report (a seed and its PDF); they are held out together. */
  group: string;
  candidates: Candidate[];
  paragraphs: Paragraph[];
  gold: Gold;
}

let compiledLexicon: CompiledPolarityModel | undefined;

// Findings are made as tagging makes them, citations included: a finding whose only citation is
// a continuation sentence is kept or dropped here exactly as in a tagged report.
function scoreUnnamed(text: string): SentenceAnalysis {
  compiledLexicon ??= compilePolarityModel(polarityModelJson as PolarityModel);
  return analyseSentence(text, [], compiledLexicon, true);
}

/** Trains one model per held-out group and scores each held-out document with its fold's model. */
export function leaveOneReportOut(documents: readonly TrainingDocument[], config: TrainConfig = defaultTrainConfig): { evaluation: Evaluation; findings: Map<string, Finding[]> } {
  const findings = foldFindings(documents, config, () => true);
  const evaluation = evaluate(
    documents.map((document) => ({ report: document.id, findings: findings.get(document.id)!, paragraphs: document.paragraphs })),
    documents.map((document) => document.gold),
  );
  return { evaluation, findings };
}

/**
 * How the classifier judges a theme it was never trained on (a user's custom theme): for each
 * held-out report group, a model is trained on the other reports' candidates of every theme but
 * `theme`, then scores the held-out reports' `theme` candidates. Only `theme` is scored.
 */
export function leaveOneThemeOut(documents: readonly TrainingDocument[], theme: string, config: TrainConfig = defaultTrainConfig): Evaluation {
  const findings = foldFindings(documents, config, (candidate) => candidate.theme !== theme, (candidate) => candidate.theme === theme);
  const onlyTheme = (gold: Gold): Gold => ({ ...gold, paragraphs: Object.fromEntries(Object.entries(gold.paragraphs).map(([paragraph, labels]) => [paragraph, labels.filter(([name]) => name === theme)])) });
  return evaluate(
    documents.map((document) => ({ report: document.id, findings: findings.get(document.id)!, paragraphs: document.paragraphs })),
    documents.map((document) => onlyTheme(document.gold)),
  );
}

/**
 * The findings of every document, each from a model trained on the other report groups'
 * candidates that `trainOn` keeps; a held-out document's candidates that `scoreOn` keeps are scored.
 */
function foldFindings(
  documents: readonly TrainingDocument[],
  config: TrainConfig,
  trainOn: (candidate: Candidate) => boolean,
  scoreOn: (candidate: Candidate) => boolean = trainOn,
): Map<string, Finding[]> {
  const findings = new Map<string, Finding[]>();
  for (const group of new Set(documents.map((document) => document.group))) {
    const training = documents
      .filter((document) => document.group !== group)
      .flatMap((document) => labelCandidates(document.candidates.filter(trainOn), document.gold).examples);
    const model = train(training, config);
    for (const document of documents.filter((candidate) => candidate.group === group)) findings.set(document.id, classifyCandidates(document.candidates.filter(scoreOn), model, undefined, scoreUnnamed));
  }
  return findings;
}
