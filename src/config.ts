/**
 * Tagging options checked and resolved, without loading the NLP models: what `createTagger`
 * validates up front, split out so that a thread that only reads files (practice-themes/node's
 * calling thread) can reject a bad configuration without paying for wink-nlp and the classifier.
 */
import { validationError } from './errors.js';
import { classifierModelSchema, polarityModelSchema, type ClassifierModel, type PolarityModel } from './schemas/model.js';
import { tagOptionsSchema, type ResolvedTagOptions, type TagOptions } from './schemas/options.js';
import type { Taxonomy } from './schemas/taxonomy.js';
import { defaultTaxonomy, extendTaxonomy, parseTaxonomy } from './themes/taxonomy.js';

/** Options after validation: the taxonomy built, and any model the caller passed parsed. */
export interface TaggerConfig {
  options: ResolvedTagOptions;
  taxonomy: Taxonomy;
  /** The caller's polarity model; undefined means the shipped one. */
  polarityModel: PolarityModel | undefined;
  /** The caller's classifier model; undefined means the shipped one (unless `options.classifier` is 'rules'). */
  classifierModel: ClassifierModel | undefined;
}

/**
 * Validates tagging options: the options themselves (INVALID_OPTIONS), the taxonomy and extra
 * themes (INVALID_TAXONOMY), theme ids (INVALID_OPTIONS) and any model passed in (INVALID_MODEL).
 */
export function resolveConfig(options: TagOptions = {}): TaggerConfig {
  const resolved = parseOptions(options);
  let taxonomy = resolved.taxonomy === undefined ? defaultTaxonomy() : parseTaxonomy(resolved.taxonomy);
  if (resolved.extraThemes) taxonomy = extendTaxonomy(taxonomy, { themes: resolved.extraThemes });
  if (resolved.themes) {
    const known = new Set(taxonomy.themes.map((theme) => theme.id));
    const unknown = resolved.themes.filter((theme) => !known.has(theme));
    if (unknown.length > 0) {
      throw validationError('INVALID_OPTIONS', 'options', [{ path: ['themes'], message: `unknown theme id "${unknown[0]}"` }], `use ids of the taxonomy: ${[...known].join(', ')}`, resolved);
    }
  }
  // The shipped models are validated by the test suite (tests/train/model.test.ts); only models a
  // caller passes in are checked here, which keeps start-up (every CLI worker pays it) short.
  return {
    options: resolved,
    taxonomy,
    polarityModel: resolved.polarityModel === undefined ? undefined : parsePolarityModel(resolved.polarityModel),
    classifierModel: resolved.classifier === 'rules' || resolved.classifierModel === undefined ? undefined : parseClassifierModel(resolved.classifierModel),
  };
}

function parseOptions(options: unknown): ResolvedTagOptions {
  const parsed = tagOptionsSchema.safeParse(options ?? {});
  if (!parsed.success) throw validationError('INVALID_OPTIONS', 'options', parsed.error.issues, 'see the TagOptions type for the accepted options', options);
  return parsed.data;
}

function parseClassifierModel(value: unknown): ClassifierModel {
  const parsed = classifierModelSchema.safeParse(value);
  if (!parsed.success) throw validationError('INVALID_MODEL', 'classifier model', parsed.error.issues, 'see models/classifier.json in the package for the expected shape, or run `npm run train`', value);
  return parsed.data;
}

function parsePolarityModel(value: unknown): PolarityModel {
  const parsed = polarityModelSchema.safeParse(value);
  if (!parsed.success) throw validationError('INVALID_MODEL', 'polarity model', parsed.error.issues, 'see models/polarity.json in the package for the expected shape', value);
  return parsed.data;
}
