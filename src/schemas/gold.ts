/**
 * Gold annotation formats: the raw annotation passes and the gold files derived from them.
 */
import { z } from 'zod';

const label = z.tuple([z.string().regex(/^[a-z][a-z0-9_]*$/), z.enum(['strength', 'weakness', 'neutral'])]);

/** A gold file: every paragraph of one report, with its (theme, polarity) pairs. */
export const goldSchema = z.object({
  report: z.string().min(1),
  /** Where the document is, relative to the shared corpus folder. */
  source: z.string().optional(),
  /** Another gold document that is the same report (a pasted seed and its PDF): held out together. */
  sameReportAs: z.string().optional(),
  paragraphs: z.record(z.string(), z.array(label)),
});

/** One annotator's pass over one document, aligned to paragraphs by their first words. */
export const annotationPassSchema = z.object({
  report: z.string().min(1),
  annotator: z.string().min(1),
  source: z.string().optional(),
  paragraphs: z.array(z.object({ id: z.string(), firstWords: z.string(), labels: z.array(label) })),
  notes: z.unknown().optional(),
});

export type Gold = z.infer<typeof goldSchema>;
export type GoldLabel = z.infer<typeof label>;
export type AnnotationPass = z.infer<typeof annotationPassSchema>;
