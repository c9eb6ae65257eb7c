/**
 * Options of tagText/tagReport/createTagger, validated with zod.
 */
import { z } from 'zod';
import { flagDuplicateIds, themeSchema } from './taxonomy.js';

export const tagOptionsSchema = z
  .object({
    /** A whole taxonomy to use instead of the default (same shape as models/taxonomy.json). */
    taxonomy: z.unknown().optional(),
    /** Themes to add to the taxonomy in use; a theme with an existing id replaces it. */
    extraThemes: z
      .array(themeSchema.partial({ description: true, core: true, acronyms: true, near: true, exclude: true, terms: true }))
      // Which of two themes with one id should win is not for the library to guess.
      .superRefine((themes, context) => flagDuplicateIds(themes, context))
      .optional(),
    /** Only report findings for these theme ids (at least one; leave it out for every theme). */
    themes: z.array(z.string().min(1)).min(1, 'themes selects no theme — name at least one theme id, or leave the option out for every theme').optional(),
    /**
     * Drop findings below this confidence (0–1). Default: the trained model's report threshold
     * (0.7), below which findings are more often wrong than right; 0 shows every judgement.
     */
    minConfidence: z.number().min(0).max(1).optional(),
    /** Report neutral findings (a theme mentioned without a judgement). Default true. */
    includeNeutral: z.boolean().default(true),
    /** A polarity lexicon to use instead of models/polarity.json. */
    polarityModel: z.unknown().optional(),
    /**
     * "model" (default): the trained classifier (models/classifier.json) decides which themes a
     * paragraph judges and how, custom themes included (it judges a theme it never saw better than
     * the rules do: `npm run eval -- --unseen-themes`). "rules": the lexicon rules alone.
     */
    classifier: z.enum(['model', 'rules']).default('model'),
    /** A trained classifier to use instead of models/classifier.json. */
    classifierModel: z.unknown().optional(),
  })
  .strict();

/** Options of tagText, tagReport and createTagger, as you pass them (validated by `tagOptionsSchema`). */
export type TagOptions = z.input<typeof tagOptionsSchema>;
export type ResolvedTagOptions = z.output<typeof tagOptionsSchema>;
