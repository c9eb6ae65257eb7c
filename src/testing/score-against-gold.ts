/**
 * Scoring one tagged report against its gold file, per theme.
 */
import { evaluate, type Evaluation, type PrecisionRecall } from '../evaluate/score.js';
import type { Report } from '../pipeline.js';
import type { Gold } from '../schemas/gold.js';

/** One report's scores: (paragraph, theme, polarity) pairs, as the annotation guide counts them. */
export interface GoldScore {
  /** The gold's report id. */
  report: string;
  /** Pair F1 per theme that the gold or the findings mention (0–1). */
  f1: Record<string, number>;
  /** Pair precision, recall and counts per theme. */
  byTheme: Record<string, PrecisionRecall>;
  /** The full evaluation (misses, false alarms, confusion), as `evaluate` returns it. */
  evaluation: Evaluation;
}

/**
 * Scores a report against gold: wraps `evaluate` for one document. The gold must list exactly
 * the report's paragraphs (with [] where nothing applies).
 *
 * @param report - from tagText / tagReport.
 * @param gold - a gold file, e.g. from {@link loadGold}; validated again here.
 * @throws PracticeThemesError INVALID_GOLD when `gold` is not a gold file, or does not list exactly the report's paragraphs.
 * @example
 * const score = scoreAgainstGold(report, loadGold('corpus/gold/000_4cd93a9b524f4123.json'));
 * expect(score.f1.peps).toBeGreaterThan(0.8);
 */
export function scoreAgainstGold(report: Pick<Report, 'findings' | 'paragraphs'>, gold: Gold): GoldScore {
  const id = typeof gold === 'object' && gold !== null && typeof gold.report === 'string' ? gold.report : '';
  const evaluation = evaluate([{ report: id, findings: report.findings, paragraphs: report.paragraphs }], [gold]);
  const byTheme = evaluation.pairs.byTheme;
  const f1 = Object.fromEntries(Object.entries(byTheme).map(([theme, scores]) => [theme, scores.f1]));
  return { report: id, f1, byTheme, evaluation };
}
