/**
 * Scoring predicted findings against gold at the paragraph level, as the annotation guide
 * defines the unit: (paragraph, theme, polarity) pairs.
 */
import { PracticeThemesError, validationError } from '../errors.js';
import type { Finding } from '../findings/aggregate.js';
import { evaluatedDocumentSchema, evaluateOptionsSchema, type EvaluateOptions } from '../schemas/evaluate.js';
import { goldSchema, type Gold } from '../schemas/gold.js';
import { coreThemeIds } from '../themes/taxonomy.js';

export type { EvaluateOptions } from '../schemas/evaluate.js';

/** What evaluate() needs of a tagged document: its id (matching gold.report), findings and sentences. */
export interface EvaluatedDocument {
  report: string;
  findings: readonly Pick<Finding, 'theme' | 'polarity' | 'paragraph' | 'sentence'>[];
  /**
   * The report's paragraphs (optional): their texts show misses in context, and their ids let
   * evaluate refuse a gold that names paragraphs the document does not have.
   */
  paragraphs?: readonly { id: string; text: string }[];
}

/** Counts and scores of one comparison of predictions with gold labels. */
export interface PrecisionRecall {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One miss or false alarm, for a person to read. */
export interface ErrorCase {
  report: string;
  paragraph: string;
  theme: string;
  polarity: string;
  /** The cited sentence (false alarms) or the start of the paragraph (misses). */
  text: string;
}

/** What {@link evaluate} measures over a set of documents. */
export interface Evaluation {
  documents: number;
  /** The themes the `core` scores cover (the `coreThemes` option; by default the six core themes). */
  coreThemes: string[];
  /** Pair scores over the core themes and over every theme in the gold. */
  pairs: { core: PrecisionRecall; all: PrecisionRecall; byTheme: Record<string, PrecisionRecall> };
  /** Theme-only scores: (paragraph, theme), polarity ignored. */
  themes: { core: PrecisionRecall; all: PrecisionRecall; byTheme: Record<string, PrecisionRecall> };
  /** Of gold pairs whose (paragraph, theme) was found, the share whose polarity was found too. */
  polarityAccuracy: { core: number; all: number };
  /** Gold label set × predicted label set per (paragraph, theme), core themes: "S", "W", "S+W", "N", "-". */
  confusion: Record<string, Record<string, number>>;
  misses: ErrorCase[];
  falseAlarms: ErrorCase[];
}

/**
 * Scores documents against gold files. Every document needs a gold file with the same `report`
 * id; paragraphs in gold but never predicted count as misses. Pass a tagged report as
 * `{ report: gold.report, findings: report.findings, paragraphs: report.paragraphs }`: with
 * `paragraphs`, a gold that does not list exactly the document's paragraphs is refused (it is the
 * gold of another document, or of another version of its paragraph ids) rather than scored.
 *
 * @param options - `themes`: score only these; `coreThemes`: what the "core" scores cover (default
 * the six core themes; pass your taxonomy's core themes when you tag with your own).
 * @throws PracticeThemesError INVALID_GOLD when a gold file is malformed, missing, given twice, or
 * does not fit its document; INVALID_ARGUMENT when `documents` are not tagged documents;
 * INVALID_OPTIONS for unknown or malformed options.
 */
export function evaluate(documents: readonly EvaluatedDocument[], gold: readonly unknown[], options: EvaluateOptions = {}): Evaluation {
  const settings = checkOptions(options);
  checkDocuments(documents);
  const golds = checkGold(gold);
  for (const document of documents) {
    const reference = golds.get(document.report);
    if (!reference) throw new PracticeThemesError('INVALID_GOLD', `no gold file for report "${document.report}" — add corpus/gold/${document.report}.json or leave the document out`);
    if (document.paragraphs) checkGoldFits(reference, document.paragraphs);
  }
  const scope = settings.themes ? new Set(settings.themes) : undefined;
  const core = new Set<string>(settings.coreThemes ?? coreThemeIds);
  const counters = newCounters();
  const misses: ErrorCase[] = [];
  const falseAlarms: ErrorCase[] = [];
  const confusion: Record<string, Record<string, number>> = {};
  let polarityFound = { core: [0, 0], all: [0, 0] };

  for (const document of documents) {
    const reference = golds.get(document.report);
    if (!reference) throw new PracticeThemesError('INVALID_GOLD', `no gold file for report "${document.report}" — add corpus/gold/${document.report}.json or leave the document out`);
    const texts = new Map((document.paragraphs ?? []).map((paragraph) => [paragraph.id, paragraph.text]));
    const goldPairs = new Set<string>();
    for (const [paragraph, labels] of Object.entries(reference.paragraphs)) for (const [theme, polarity] of labels) if (!scope || scope.has(theme)) goldPairs.add(key(paragraph, theme, polarity));
    const predicted = new Map<string, (typeof document.findings)[number]>();
    for (const finding of document.findings) {
      if (scope && !scope.has(finding.theme)) continue;
      // Findings in paragraphs the gold does not know (e.g. headings) cannot be scored.
      if (!(finding.paragraph in reference.paragraphs)) continue;
      predicted.set(key(finding.paragraph, finding.theme, finding.polarity), finding);
    }
    const goldThemes = new Set([...goldPairs].map(dropPolarity));
    const predictedThemes = new Set([...predicted.keys()].map(dropPolarity));
    for (const pair of new Set([...goldPairs, ...predicted.keys()])) {
      const [paragraph, theme, polarity] = pair.split('\u0000') as [string, string, string];
      const inGold = goldPairs.has(pair);
      const inPrediction = predicted.has(pair);
      count(counters.pairs, theme, core.has(theme), inGold, inPrediction);
      if (inGold && !inPrediction) misses.push({ report: document.report, paragraph, theme, polarity, text: (texts.get(paragraph) ?? '').slice(0, 240) });
      if (!inGold && inPrediction) falseAlarms.push({ report: document.report, paragraph, theme, polarity, text: predicted.get(pair)!.sentence });
      if (inGold) {
        const themeFound = predictedThemes.has(dropPolarity(pair));
        if (themeFound) {
          const bucket = core.has(theme) ? ['core', 'all'] : ['all'];
          for (const name of bucket) {
            polarityFound[name as 'core' | 'all'][1]!++;
            if (inPrediction) polarityFound[name as 'core' | 'all'][0]!++;
          }
        }
      }
    }
    for (const pair of new Set([...goldThemes, ...predictedThemes])) {
      const [, theme] = pair.split('\u0000') as [string, string];
      count(counters.themes, theme, core.has(theme), goldThemes.has(pair), predictedThemes.has(pair));
      if (core.has(theme)) {
        const row = labelSet(goldPairs, pair);
        const column = labelSet(new Set(predicted.keys()), pair);
        confusion[row] ??= {};
        confusion[row][column] = (confusion[row][column] ?? 0) + 1;
      }
    }
  }
  const ratio = ([found, total]: number[]) => (total ? found! / total : 0);
  return {
    documents: documents.length,
    coreThemes: [...core],
    pairs: finish(counters.pairs),
    themes: finish(counters.themes),
    polarityAccuracy: { core: ratio(polarityFound.core), all: ratio(polarityFound.all) },
    confusion,
    misses,
    falseAlarms,
  };
}

function checkOptions(options: unknown): { themes?: string[]; coreThemes?: string[] } {
  const parsed = evaluateOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw validationError('INVALID_OPTIONS', 'evaluate options', parsed.error.issues, 'evaluate takes { themes?: string[], coreThemes?: string[] }', options);
  return parsed.data;
}

function checkDocuments(documents: unknown): void {
  if (!Array.isArray(documents)) throw new PracticeThemesError('INVALID_ARGUMENT', `evaluate() expects an array of documents, got ${describe(documents)} — pass [{ report: gold.report, findings: report.findings, paragraphs: report.paragraphs }]`);
  const seen = new Set<string>();
  documents.forEach((document, index) => {
    const parsed = evaluatedDocumentSchema.safeParse(document);
    if (!parsed.success) throw validationError('INVALID_ARGUMENT', `documents[${index}]`, parsed.error.issues, 'each document is { report: gold.report, findings: report.findings, paragraphs: report.paragraphs }', document);
    // Scoring one report twice would count its pairs twice.
    if (seen.has(parsed.data.report)) throw new PracticeThemesError('INVALID_ARGUMENT', `documents[${index}] repeats report "${parsed.data.report}" — pass each report once`);
    seen.add(parsed.data.report);
  });
}

function checkGold(gold: unknown): Map<string, Gold> {
  if (!Array.isArray(gold)) throw new PracticeThemesError('INVALID_GOLD', `evaluate() expects an array of gold files, got ${describe(gold)} — pass [loadGold(path), ...] or parsed gold JSON`);
  const golds = new Map<string, Gold>();
  gold.forEach((entry, index) => {
    const parsed = goldSchema.safeParse(entry);
    if (!parsed.success) throw validationError('INVALID_GOLD', `gold file #${index + 1}`, parsed.error.issues, 'gold files look like { "report": "...", "paragraphs": { "27": [["peps", "weakness"]] } }', entry);
    // Which of two golds for one report is right is not for the scorer to guess.
    if (golds.has(parsed.data.report)) throw new PracticeThemesError('INVALID_GOLD', `gold file #${index + 1} is a second gold for report "${parsed.data.report}" — pass one gold per report`);
    golds.set(parsed.data.report, parsed.data);
  });
  return golds;
}

/**
 * Refuses a gold that does not list exactly its document's paragraphs. Labels of a paragraph the
 * document lacks could only count as misses; a paragraph the gold leaves out would hide the
 * findings made there (they cannot be scored), so an empty gold would score nothing at all.
 */
function checkGoldFits(gold: Gold, paragraphs: readonly { id: string }[]): void {
  const ids = new Set(paragraphs.map((paragraph) => paragraph.id));
  const listed = Object.keys(gold.paragraphs);
  const shown = (list: string[]) => `${list.slice(0, 5).map((id) => JSON.stringify(id)).join(', ')}${list.length > 5 ? ` and ${list.length - 5} more` : ''}`;
  const unknown = listed.filter((id) => !ids.has(id));
  if (unknown.length > 0) {
    throw new PracticeThemesError(
      'INVALID_GOLD',
      `the gold for report "${gold.report}" names ${unknown.length} of ${listed.length} paragraphs that its document does not have (${shown(unknown)}) — is it the gold of another document, or made when the paragraph ids differed?`,
    );
  }
  const missing = [...ids].filter((id) => !(id in gold.paragraphs));
  if (missing.length > 0) {
    throw new PracticeThemesError(
      'INVALID_GOLD',
      `the gold for report "${gold.report}" leaves out ${missing.length} of the document's ${ids.size} paragraphs (${shown(missing)}) — list every paragraph, with [] where nothing applies`,
    );
  }
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

type Count = { tp: number; fp: number; fn: number };
interface Counters {
  core: Count;
  all: Count;
  byTheme: Map<string, Count>;
}

function newCounters(): { pairs: Counters; themes: Counters } {
  const make = (): Counters => ({ core: { tp: 0, fp: 0, fn: 0 }, all: { tp: 0, fp: 0, fn: 0 }, byTheme: new Map() });
  return { pairs: make(), themes: make() };
}

function count(counters: Counters, theme: string, isCore: boolean, inGold: boolean, inPrediction: boolean): void {
  const field = inGold && inPrediction ? 'tp' : inGold ? 'fn' : 'fp';
  const perTheme = counters.byTheme.get(theme) ?? { tp: 0, fp: 0, fn: 0 };
  counters.byTheme.set(theme, perTheme);
  perTheme[field]++;
  counters.all[field]++;
  if (isCore) counters.core[field]++;
}

/** Precision, recall and F1 from counts (0 when undefined). */
export function precisionRecall(tp: number, fp: number, fn: number): PrecisionRecall {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1 };
}

function finish(counters: Counters): { core: PrecisionRecall; all: PrecisionRecall; byTheme: Record<string, PrecisionRecall> } {
  const byTheme: Record<string, PrecisionRecall> = {};
  for (const [theme, value] of [...counters.byTheme.entries()].sort()) byTheme[theme] = precisionRecall(value.tp, value.fp, value.fn);
  return { core: precisionRecall(counters.core.tp, counters.core.fp, counters.core.fn), all: precisionRecall(counters.all.tp, counters.all.fp, counters.all.fn), byTheme };
}

function key(paragraph: string, theme: string, polarity: string): string {
  return `${paragraph}\u0000${theme}\u0000${polarity}`;
}

function dropPolarity(pair: string): string {
  return pair.split('\u0000').slice(0, 2).join('\u0000');
}

function labelSet(pairs: Set<string>, paragraphTheme: string): string {
  const has = (polarity: string) => pairs.has(`${paragraphTheme}\u0000${polarity}`);
  const parts = [has('strength') ? 'S' : '', has('weakness') ? 'W' : ''].filter(Boolean);
  if (parts.length > 0) return parts.join('+');
  return has('neutral') ? 'N' : '-';
}
