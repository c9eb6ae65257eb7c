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

/**
 * A review of one document's gold labels against the guide: changes to the labels of paragraphs
 * (by the citation id tagReport() gives them), each naming the rule that decides it.
 */
export const annotationReviewSchema = z.object({
  report: z.string().min(1),
  reviewer: z.string().min(1),
  /** What the review covered, e.g. "core themes". */
  scope: z.string().min(1),
  changes: z.array(
    z.object({
      paragraph: z.string().min(1),
      add: z.array(label).default([]),
      remove: z.array(label).default([]),
      rule: z.string().min(1),
      why: z.string().min(1),
    }),
  ),
});

/** One document's gold annotation: every paragraph id with its (theme, polarity) labels. */
export type Gold = z.infer<typeof goldSchema>;
export type AnnotationReview = z.infer<typeof annotationReviewSchema>;
/** One gold label: `[theme, polarity]`. */
export type GoldLabel = z.infer<typeof label>;
export type AnnotationPass = z.infer<typeof annotationPassSchema>;
