/**
 * The polarity model format: a weighted evaluative lexicon, negation and contrast settings.
 */
import { z } from 'zod';

export const polarityModelSchema = z.object({
  format: z.literal(1),
  name: z.string(),
  version: z.string(),
  negators: z.array(z.string().min(1)).min(1),
  /** How many words after a negator its scope reaches. */
  negationWindow: z.number().int().min(1).max(10),
  /** Weight of a negator that negates no lexicon word ("was not offering"). */
  bareNegationWeight: z.number(),
  contrastMarkers: z.array(z.string().min(1)),
  /** Words that weaken a judgement without reversing it ("sometimes"). */
  hedges: z.record(z.string(), z.number()),
  /** Single words: positive weight = strength, negative = weakness. */
  words: z.record(z.string(), z.number()),
  /** Multi-word phrases, matched before single words and negation. */
  phrases: z.record(z.string(), z.number()),
  /** A clause's summed weight must pass this to count as strength or weakness. */
  threshold: z.number().min(0),
  /** Logistic mapping from |score| to confidence. */
  confidence: z.object({ slope: z.number(), intercept: z.number() }),
  meta: z.record(z.string(), z.unknown()).default({}),
});

/** The polarity lexicon and rule settings (`models/polarity.json`), validated by `polarityModelSchema`. */
export type PolarityModel = z.infer<typeof polarityModelSchema>;

/**
 * The trained theme classifier: logistic weights per feature for three heads — is the theme
 * judged in this paragraph at all, is it judged a strength, is it judged a weakness.
 */
export const classifierModelSchema = z.object({
  format: z.literal(1),
  name: z.string(),
  version: z.string(),
  heads: z.tuple([z.literal('present'), z.literal('strength'), z.literal('weakness')]),
  /** feature name → [present, strength, weakness] weights. */
  weights: z.record(z.string(), z.tuple([z.number(), z.number(), z.number()])),
  thresholds: z.object({
    present: z.number().min(0).max(1),
    polarity: z.number().min(0).max(1),
    fallback: z.number().min(0).max(1),
    /** Findings below this confidence are withheld unless the caller sets `minConfidence` lower. */
    report: z.number().min(0).max(1).default(0),
  }),
  meta: z.record(z.string(), z.unknown()).default({}),
});

export type ClassifierModel = z.infer<typeof classifierModelSchema>;
