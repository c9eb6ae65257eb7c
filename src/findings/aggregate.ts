/**
 * Sentence judgements → findings: one per paragraph × theme × polarity (annotation rule 5),
 * citing the sentence that judged it most confidently.
 */
import { groupBy } from '../_internal/group-by.js';
import type { Sentence } from '../sentences/split.js';
import type { Paragraph } from '../structure/index.js';
import type { Polarity, ThemeJudgement } from '../themes/polarity.js';

/** One judged theme in one paragraph, with a verbatim, checkable citation. */
export interface Finding {
  theme: string;
  polarity: Polarity;
  /** Citation id of the paragraph ("27", "summary:2", "improve:3"). */
  paragraph: string;
  /**
   * The cited sentence, verbatim: `report.text.slice(start, end) === sentence`. It names the theme,
   * or (when no sentence naming it carries the polarity) directly follows one that does.
   */
  sentence: string;
  start: number;
  end: number;
  /** 0–1: how sure the classifier is of this polarity. */
  confidence: number;
  /**
   * Why this polarity: the evaluative cues of the cited sentence that carry it (`"not … effective"`,
   * `"lag"`). Where no one sentence's cues carry it and the classifier decided from the paragraph
   * as a whole, the cited sentence's words it weighs most that way, which may be ordinary words.
   */
  cues: string[];
  /** How many sentences of the paragraph support this finding. */
  support: number;
  /** The PDF page (1 = the first) the cited sentence starts on; null for text input. */
  page: number | null;
}

export interface SentenceJudgements {
  sentence: Sentence;
  judgements: ThemeJudgement[];
}

/** Aggregates sentence judgements into paragraph findings, sorted by offset then theme. */
export function aggregateFindings(paragraphs: readonly Paragraph[], judged: readonly SentenceJudgements[]): Finding[] {
  const byParagraph = groupBy(judged, (entry) => entry.sentence.paragraph);
  const findings: Finding[] = [];
  for (const paragraph of paragraphs) {
    const entries = byParagraph.get(paragraph.id) ?? [];
    const best = new Map<string, Finding>();
    for (const { sentence, judgements } of entries) {
      for (const judgement of judgements) {
        // An improvement bullet is a weakness of each theme it names (annotation rule 6).
        const polarity: Polarity = paragraph.improvementItem ? 'weakness' : judgement.polarity;
        const cues = paragraph.improvementItem ? ['area for improvement', ...judgement.cues] : judgement.cues;
        const confidence = paragraph.improvementItem ? Math.max(0.9, judgement.confidence) : judgement.confidence;
        const key = `${judgement.theme}\u0000${polarity}`;
        const current = best.get(key);
        if (current) {
          current.support++;
          if (confidence <= current.confidence) continue;
        }
        best.set(key, {
          theme: judgement.theme,
          polarity,
          paragraph: paragraph.id,
          sentence: sentence.text,
          start: sentence.start,
          end: sentence.end,
          confidence,
          cues,
          support: current ? current.support : 1,
          page: null,
        });
      }
    }
    // A theme the paragraph judges is not also reported as merely mentioned.
    const judgedThemes = new Set([...best.values()].filter((finding) => finding.polarity !== 'neutral').map((finding) => finding.theme));
    for (const finding of best.values()) {
      if (finding.polarity === 'neutral' && judgedThemes.has(finding.theme)) continue;
      findings.push(finding);
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.theme.localeCompare(b.theme) || a.polarity.localeCompare(b.polarity));
}

/** Per theme: strength/weakness/neutral counts and the paragraphs cited for each. */
export interface ThemeSummary {
  theme: string;
  label: string;
  strength: number;
  weakness: number;
  neutral: number;
  paragraphs: { strength: string[]; weakness: string[]; neutral: string[] };
}

/** Summarises findings per theme, in taxonomy order; themes with no finding are left out. */
export function summariseFindings(findings: readonly Finding[], themes: readonly { id: string; label: string }[]): ThemeSummary[] {
  const summaries: ThemeSummary[] = [];
  for (const theme of themes) {
    const mine = findings.filter((finding) => finding.theme === theme.id);
    if (mine.length === 0) continue;
    const cited = (polarity: Polarity) => mine.filter((finding) => finding.polarity === polarity).map((finding) => finding.paragraph);
    const paragraphs = { strength: cited('strength'), weakness: cited('weakness'), neutral: cited('neutral') };
    summaries.push({ theme: theme.id, label: theme.label, strength: paragraphs.strength.length, weakness: paragraphs.weakness.length, neutral: paragraphs.neutral.length, paragraphs });
  }
  return summaries;
}
