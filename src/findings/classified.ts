/**
 * Candidates scored by the trained classifier → findings, each citing the sentence that best
 * shows the decided polarity, with the cues that carried it.
 */
import type { ClassifierModel } from '../schemas/model.js';
import { decidePolarities, scoreFeatures, weightsOf } from '../themes/classify.js';
import { atMostWords, type AnalysedSentence, type Candidate } from '../themes/features.js';
import { clauseIndex, type Polarity, type SentenceAnalysis } from '../themes/polarity.js';
import type { Finding } from './aggregate.js';

/**
 * Findings for every candidate the classifier judges with at least `minConfidence` (default: the
 * model's report threshold). Sorted by offset, then theme.
 */
export function classifyCandidates(
  candidates: readonly Candidate[],
  model: ClassifierModel,
  minConfidence = model.thresholds.report,
  /** Scores the clauses of a sentence that names no theme, so that a continuation can be cited; without it none is. */
  scoreUnnamed?: (text: string) => SentenceAnalysis,
): Finding[] {
  const findings: Finding[] = [];
  for (const candidate of candidates) {
    const scores = scoreFeatures(candidate.features, model);
    for (const { polarity, confidence } of decidePolarities(candidate, scores, model)) {
      if (confidence < minConfidence) continue;
      const { entry, cues, support } = evidenceFor(candidate, polarity, model, scoreUnnamed);
      // Nothing in the text speaks for this judgement: no evaluative cue, and no word of the
      // sentence that leans furthest its way that the model weighs towards it. Its confidence
      // is then the theme's prior (PEPs are more often praised than not), not evidence, so it is
      // left out ("Not all PEPs are timely." was also reported a PEPs strength at 0.72).
      if (polarity !== 'neutral' && cues.length === 0) continue;
      findings.push({
        theme: candidate.theme,
        polarity,
        paragraph: candidate.paragraph.id,
        sentence: entry.sentence.text,
        start: entry.sentence.start,
        end: entry.sentence.end,
        confidence,
        cues,
        support,
        page: null,
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.theme.localeCompare(b.theme) || a.polarity.localeCompare(b.polarity));
}

function evidenceFor(candidate: Candidate, polarity: Polarity, model: ClassifierModel, scoreUnnamed: ((text: string) => SentenceAnalysis) | undefined): { entry: AnalysedSentence; cues: string[]; support: number } {
  const judged = candidate.evidence.map((entry) => ({ entry, judgement: entry.judgements.find((judgement) => judgement.theme === candidate.theme && judgement.polarity === polarity) }));
  const supporting = judged.filter((item) => item.judgement);
  // The citation is a sentence about the theme — one whose clause opens on it ("Plans are regularly
  // reviewed") before one naming it in passing ("support under a child in need plan") — whose own
  // clauses lean most the decided way.
  const topic = (entry: AnalysedSentence) => (isTopicOf(entry, candidate.theme) ? 1 : 0);
  const best = supporting.sort((a, b) => topic(b.entry) - topic(a.entry) || Math.abs(b.judgement!.score) - Math.abs(a.judgement!.score))[0];
  if (best) return { entry: best.entry, cues: best.judgement!.cues, support: supporting.length };
  const direction = polarity === 'weakness' ? -1 : 1;
  if (polarity !== 'neutral') {
    // No sentence naming the theme carries the polarity overall. One may still hold a cue of it,
    // outweighed ("limited evidence of effective supervision"): that partial evidence is cited first.
    const partial = partialEvidence(candidate, direction);
    if (partial) return partial;
    // Else a sentence right after one naming the theme may carry it without naming it ("The vast
    // majority of PEPs are completed on time. A small number require improvement").
    const continuation = scoreUnnamed ? carryingContinuation(candidate, direction, scoreUnnamed) : undefined;
    if (continuation) return continuation;
  }
  // Otherwise cite the sentence leaning furthest that way (for a weakness, the least positive),
  // and give as cues its words the model weighs that way.
  const lean = (entry: AnalysedSentence) => {
    const owned = entry.analysis.owned.get(candidate.theme) ?? [];
    return owned.reduce((sum, clause) => sum + (entry.analysis.clauseScores[clause] ?? 0), 0) * direction;
  };
  const entry = [...candidate.evidence].sort((a, b) => lean(b) - lean(a))[0]!;
  return { entry, cues: polarity === 'neutral' ? [] : modelCues(entry, candidate.theme, polarity, model), support: candidate.evidence.length };
}

/** Whether a mention of the theme is among the first four words of its clause. */
function isTopicOf(entry: AnalysedSentence, theme: string): boolean {
  const { boundaries } = entry.analysis;
  return entry.mentions.some((mention) => mention.theme === theme && atMostWords(entry.sentence.text, boundaries[clauseIndex(boundaries, mention.start)]!, mention.start, 4));
}

/** The sentence naming the theme whose owned clauses hold the most cue weight in `direction`, with those cues. */
function partialEvidence(candidate: Candidate, direction: 1 | -1): { entry: AnalysedSentence; cues: string[]; support: number } | undefined {
  let chosen: { entry: AnalysedSentence; cues: string[]; support: number } | undefined;
  let strongest = 0;
  for (const entry of candidate.evidence) {
    const owned = entry.analysis.owned.get(candidate.theme) ?? [];
    const { hits, boundaries } = entry.analysis;
    const text = entry.sentence.text;
    // A cue a few words after a negated phrase the other way is what the phrase denies, not
    // evidence: "do not always have clearly defined targets" is no strength.
    const denied = (cue: (typeof hits)[number]) =>
      hits.some((other) => other.weight * direction < 0 && /^(?:not|no|never)\b/i.test(other.cue) && other.end <= cue.start && /^[^,;:.]*$/.test(text.slice(other.end, cue.start)) && text.slice(other.end, cue.start).trim().split(/\s+/).length <= 4);
    const leaning = hits.filter((hit) => hit.weight * direction > 0 && owned.includes(clauseIndex(boundaries, hit.start)) && !denied(hit));
    const weight = leaning.reduce((sum, hit) => sum + hit.weight * direction, 0);
    if (weight > strongest) {
      strongest = weight;
      chosen = { entry, cues: [...new Set(leaning.map((hit) => hit.cue))], support: 1 };
    }
  }
  return chosen;
}

/** The continuation sentence whose clauses lean furthest in `direction`, with the cues that lean that way. */
function carryingContinuation(candidate: Candidate, direction: 1 | -1, scoreUnnamed: (text: string) => SentenceAnalysis): { entry: AnalysedSentence; cues: string[]; support: number } | undefined {
  let chosen: { entry: AnalysedSentence; cues: string[]; support: number } | undefined;
  let strongest = 0;
  for (const entry of candidate.continuations) {
    // Scored only here, when a finding needs a citation: most continuations are never needed.
    const { clauseScores, boundaries, hits } = scoreUnnamed(entry.sentence.text);
    const lean = clauseScores.reduce((sum, score) => sum + Math.max(0, score * direction), 0);
    // The cues leaning the decided way, in clauses that lean that way overall.
    const cues = hits.filter((hit) => hit.weight * direction > 0 && clauseScores[clauseIndex(boundaries, hit.start)]! * direction > 0).map((hit) => hit.cue);
    if (lean > strongest && cues.length > 0) {
      strongest = lean;
      chosen = { entry, cues: [...new Set(cues)], support: 1 };
    }
  }
  return chosen;
}

/** Words of a sentence that the model weighs towards a polarity, strongest first. */
function modelCues(entry: AnalysedSentence, theme: string, polarity: Polarity, model: ClassifierModel): string[] {
  const head = polarity === 'strength' ? 1 : 2;
  const weights = weightsOf(model);
  // The theme's own words name it; they are not what judged it.
  const named = new Set(entry.mentions.filter((mention) => mention.theme === theme).flatMap((mention) => mention.term.toLowerCase().split(/[\s-]+/)));
  const words = new Set((entry.sentence.text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter((word) => !named.has(word)));
  return [...words]
    .map((word) => ({ word, weight: weights.get(`w=${word}`)?.[head] ?? 0 }))
    .filter((item) => item.weight > 0.05)
    .sort((a, b) => b.weight - a.weight || a.word.localeCompare(b.word))
    .slice(0, 3)
    .map((item) => item.word);
}
