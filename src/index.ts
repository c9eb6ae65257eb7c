/**
 * practice-themes: tag Ofsted children's services reports and council papers by practice theme,
 * with strength/weakness polarity and verbatim paragraph citations. Browser-safe entry.
 */
import { createTagger, type Report, type Tagger } from './pipeline.js';
import type { ReportInput } from './ingest/index.js';
import type { TagOptions } from './schemas/options.js';

export { createTagger } from './pipeline.js';
export type { Report, Tagger } from './pipeline.js';
export { PracticeThemesError, isPracticeThemesError, errorCodes } from './errors.js';
export type { PracticeThemesErrorCode, ValidationIssue } from './errors.js';
export { formatMessages } from './messages.js';
export type { ReportMessage } from './messages.js';
export type { Span } from './span.js';
export { sliceSpan, lineColumn } from './span.js';
export { originOf } from './_internal/offset-map.js';
export type { OffsetRun } from './_internal/offset-map.js';
export type { ReportInput, InputKind } from './ingest/index.js';
export type { Paragraph, Section, SectionKind } from './structure/index.js';
export type { ReportMetadata, Judgement, ReportKind, JudgementAreaKey, GradeKey } from './structure/metadata.js';
export type { Sentence } from './sentences/split.js';
export type { Finding, ThemeSummary } from './findings/aggregate.js';
export type { Polarity } from './themes/polarity.js';
export { defaultTaxonomy, parseTaxonomy, extendTaxonomy, coreThemeIds } from './themes/taxonomy.js';
export type { CoreThemeId } from './themes/taxonomy.js';
export { taxonomySchema, themeSchema } from './schemas/taxonomy.js';
export type { Taxonomy, TaxonomyInput, Theme, ThemeInput } from './schemas/taxonomy.js';
export { polarityModelSchema } from './schemas/model.js';
export type { PolarityModel } from './schemas/model.js';
export { tagOptionsSchema } from './schemas/options.js';
export type { TagOptions } from './schemas/options.js';
export { libraryVersion } from './version.js';
export { evaluate } from './evaluate/score.js';
export type { Evaluation, EvaluatedDocument, EvaluateOptions, PrecisionRecall, ErrorCase } from './evaluate/score.js';
export { formatEvaluation, formatComparison } from './evaluate/format.js';
export { goldSchema } from './schemas/gold.js';
export type { Gold, GoldLabel } from './schemas/gold.js';

// One default tagger per options-less call site; taggers with options are built per call.
let defaultTagger: Tagger | undefined;
const taggerFor = (options?: TagOptions): Tagger => (options === undefined ? (defaultTagger ??= createTagger()) : createTagger(options));

/**
 * Tags a report given as text or Markdown, synchronously.
 *
 * @param text - the report's text, as pasted or extracted.
 * @param options - see {@link TagOptions}; validated (INVALID_OPTIONS).
 * @returns the report: paragraphs with citation ids, sentences, findings and a per-theme summary.
 * @throws PracticeThemesError EMPTY_INPUT, BINARY_INPUT, UNSUPPORTED_INPUT, INVALID_OPTIONS.
 * @example
 * const report = tagText(text);
 * for (const f of report.findings) console.log(f.paragraph, f.theme, f.polarity, f.sentence);
 */
export function tagText(text: string, options?: TagOptions): Report {
  return taggerFor(options).tagText(text);
}

/**
 * Tags a report given as text, Markdown, or PDF bytes (Uint8Array, Buffer, ArrayBuffer).
 * PDF reading (unpdf) is loaded only when PDF bytes arrive.
 *
 * @throws PracticeThemesError as {@link tagText}, plus ENCRYPTED_PDF, IMAGE_ONLY_PDF, TRUNCATED_PDF.
 * @example
 * const report = await tagReport(await readFile('gateshead-2019.pdf'));
 */
export async function tagReport(input: ReportInput, options?: TagOptions): Promise<Report> {
  return taggerFor(options).tagReport(input);
}
