/**
 * The pipeline, and the only module that knows the stage order:
 * ingest → structure → sentences → themes and polarity → findings → report.
 */
import polarityModelJson from '../models/polarity.json';
import { resolveConfig, type TaggerConfig } from './config.js';
import { aggregateFindings, summariseFindings, type Finding, type ThemeSummary } from './findings/aggregate.js';
import { ingest, ingestText, type InputKind, type ReportInput, type Source } from './ingest/index.js';
import type { ReportMessage } from './messages.js';
import type { ClassifierModel, PolarityModel } from './schemas/model.js';
import type { ResolvedTagOptions, TagOptions } from './schemas/options.js';
import type { Taxonomy } from './schemas/taxonomy.js';
import { sharedSentenceSplitter, type Sentence, type SentenceSplitter } from './sentences/split.js';
import { recoverStructure, type Paragraph, type Section, type Structure } from './structure/index.js';
import classifierModelJson from '../models/classifier.json';
import { buildCandidates, type AnalysedSentence, type Candidate } from './themes/features.js';
import { classifyCandidates } from './findings/classified.js';
import { readMetadata, type ReportMetadata } from './structure/metadata.js';
import { findMentionsInSentences } from './themes/match.js';
import { analyseSentence, compilePolarityModel, judgeAnalysis, type CompiledPolarityModel } from './themes/polarity.js';
import { indexTerms, type TermIndex } from './themes/taxonomy.js';
import { compressOrigins, type OffsetRun } from './_internal/offset-map.js';
import { libraryVersion } from './version.js';

/** Everything practice-themes knows about one report. All offsets index `text`. */
export interface Report {
  /** The report's reading text: furniture removed, wrapped lines joined. Every offset points into it. */
  text: string;
  /** What the input was: plain text, Markdown or PDF. */
  kind: InputKind;
  metadata: ReportMetadata & { library: string; taxonomy: string; model: string };
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  findings: Finding[];
  summary: ThemeSummary[];
  messages: ReportMessage[];
  /**
   * Runs `[start, origin, length]` mapping `text` back to the caller's input (for PDFs, to the
   * extracted page text): character `start + i` came from input offset `origin + i`.
   */
  origins: OffsetRun[];
}

/** A configured tagger: models are validated and compiled once, then reused for every report. */
export interface Tagger {
  /** Tags text or Markdown synchronously. */
  tagText(text: string): Report;
  /** Tags text, Markdown or PDF bytes. */
  tagReport(input: ReportInput): Promise<Report>;
  readonly taxonomy: Taxonomy;
  readonly polarityModel: PolarityModel;
}

/**
 * Creates a tagger. Validates options (INVALID_OPTIONS), the taxonomy (INVALID_TAXONOMY) and the
 * polarity model (INVALID_MODEL) up front, so a bad configuration fails before any report is read.
 *
 * @example
 * const tagger = createTagger({ themes: ['peps', 'plans'] });
 * const report = tagger.tagText(text);
 */
export function createTagger(options: TagOptions = {}): Tagger {
  return taggerFromConfig(resolveConfig(options));
}

/** A tagger for options that {@link resolveConfig} already checked. */
export function taggerFromConfig(config: TaggerConfig): Tagger {
  const { taxonomy, options: resolved } = config;
  const polarityModel = config.polarityModel ?? (polarityModelJson as PolarityModel);
  const classifier = resolved.classifier === 'rules' ? undefined : (config.classifierModel ?? shippedClassifier());
  const compiledThemes = indexTerms(taxonomy);
  const compiledModel = compilePolarityModel(polarityModel);
  const run = (source: Source): Report => {
    return tagSource(source, context());
  };
  // The splitter (wink-nlp) is shared by every tagger of the thread, and loads on first use.
  const context = (): Context => ({ taxonomy, polarityModel, compiledThemes, compiledModel, splitter: sharedSentenceSplitter(), options: resolved, classifier });
  return {
    taxonomy,
    polarityModel,
    tagText: (text) => run(ingestText(text)),
    tagReport: async (input) => run(await ingest(input)),
    [analyse]: async (input: ReportInput) => analyseSource(await ingest(input), context()),
    [tagIngested]: run,
  } as Tagger;
}

/** Internal: the analysis behind a tagger's reports, for training and evaluation scripts. */
export const analyse = Symbol('practice-themes.analyse');

/** Internal: tags a Source already ingested (by another thread, for practice-themes/node). */
export const tagIngested = Symbol('practice-themes.tagIngested');

/**
 * Tags a Source that `ingest()` produced, perhaps in another thread: the report equals
 * `tagger.tagReport(input)` for the input it was ingested from.
 */
export function tagSourceWith(tagger: Tagger, source: Source): Report {
  return (tagger as unknown as Record<symbol, (source: Source) => Report>)[tagIngested]!(source);
}

/** Runs the stages up to candidates with a tagger's models (for `npm run train`). */
export async function analyseWith(tagger: Tagger, input: ReportInput): Promise<ReturnType<typeof analyseSource>> {
  return (tagger as unknown as Record<symbol, (input: ReportInput) => Promise<ReturnType<typeof analyseSource>>>)[analyse]!(input);
}

export interface Context {
  classifier: ClassifierModel | undefined;
  taxonomy: Taxonomy;
  polarityModel: PolarityModel;
  compiledThemes: TermIndex;
  compiledModel: CompiledPolarityModel;
  splitter: SentenceSplitter;
  options: ResolvedTagOptions;
}

/** The stages up to candidates, shared by tagging and training. */
export function analyseSource(source: Source, context: Context): { structure: Structure; analysed: AnalysedSentence[]; candidates: Candidate[] } {
  const structure = recoverStructure(source);
  const sentences = context.splitter.split(structure.text, structure.paragraphs);
  const mentionsBySentence = findMentionsInSentences(structure.text, sentences, context.compiledThemes);
  const analysed = sentences.map((sentence, index): AnalysedSentence => {
    const mentions = mentionsBySentence[index]!;
    const analysis = analyseSentence(sentence.text, mentions, context.compiledModel);
    return { sentence, mentions, analysis, judgements: judgeAnalysis(analysis, mentions, context.compiledModel.model) };
  });
  return { structure, analysed, candidates: buildCandidates(structure.paragraphs, analysed, structure.sections) };
}

function tagSource(source: Source, context: Context): Report {
  const { structure, analysed, candidates } = analyseSource(source, context);
  const rawFindings = context.classifier
    ? classifyCandidates(candidates, context.classifier, context.options.minConfidence, (text) => analyseSentence(text, [], context.compiledModel, true))
    : aggregateFindings(structure.paragraphs, analysed);
  const wanted = context.options.themes ? new Set(context.options.themes) : undefined;
  const findings = rawFindings
    .filter(
      (finding) =>
        (!wanted || wanted.has(finding.theme)) &&
        finding.confidence >= (context.options.minConfidence ?? 0) &&
        (context.options.includeNeutral || finding.polarity !== 'neutral'),
    )
    .map((finding) => ({ ...finding, page: structure.pageAt(finding.start) }));
  return {
    text: structure.text,
    kind: source.kind,
    metadata: { ...readMetadata(structure), library: libraryVersion, taxonomy: context.taxonomy.version, model: context.polarityModel.version },
    sections: structure.sections,
    paragraphs: structure.paragraphs,
    sentences: analysed.map(({ sentence }) => sentence),
    findings,
    summary: summariseFindings(findings, context.taxonomy.themes),
    messages: structure.messages,
    origins: compressOrigins(structure.origins, structure.text.length),
  };
}

// The shipped classifier with the defaults its schema would fill in.
function shippedClassifier(): ClassifierModel {
  const model = classifierModelJson as unknown as ClassifierModel;
  return { ...model, thresholds: { ...model.thresholds, report: model.thresholds.report ?? 0 }, meta: model.meta ?? {} };
}
