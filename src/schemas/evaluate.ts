/**
 * What evaluate() takes besides gold files: the tagged documents and its options, validated with
 * zod so that a misspelt option or a report passed without its id fails loudly instead of
 * scoring zero.
 */
import { z } from 'zod';
import { themeId } from './taxonomy.js';

const polarity = z.enum(['strength', 'weakness', 'neutral']);

/** One tagged document to score: the gold's report id, its findings and (optionally) its paragraphs. */
export const evaluatedDocumentSchema = z.looseObject({
  report: z.string({ error: 'a document needs "report", the id of its gold file' }).min(1),
  findings: z.array(z.looseObject({ theme: z.string(), polarity, paragraph: z.string(), sentence: z.string() }), {
    error: 'a document needs "findings", the findings of its report',
  }),
  paragraphs: z.array(z.looseObject({ id: z.string(), text: z.string() })).optional(),
});

export const evaluateOptionsSchema = z.strictObject({
  /** Score only these themes (at least one; leave the option out for every theme). */
  themes: z.array(themeId).min(1, 'themes selects no theme — name at least one theme id, or leave the option out for every theme').optional(),
  /** The themes the "core" scores cover. Default: the six core themes of the default taxonomy. */
  coreThemes: z.array(themeId).min(1, 'coreThemes names no theme — name at least one theme id, or leave the option out for the six core themes').optional(),
});

/** Options of evaluate(), as you pass them. */
export type EvaluateOptions = z.input<typeof evaluateOptionsSchema>;
