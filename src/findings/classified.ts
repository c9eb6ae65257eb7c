/**
 * Candidates scored by the trained classifier → findings, each citing the sentence that best
 * shows the decided polarity, with the cues that carried it.
 */
import type { ClassifierModel } from '../schemas/model.js';
import { decidePolarities, scoreFeatures } from '../themes/classify.js';
import type { AnalysedSentence, Candidate } from '../themes/features.js';
import type { Polarity } from '../themes/polarity.js';
import type { Finding } from './aggregate.js';

/** Findings for every candidate the classifier judges. Sorted by offset, then theme. */
export function classifyCandidates(candidates: readonly Candidate[], model: ClassifierModel): Finding[] {
  const findings: Finding[] = [];
  for (const candidate of candidates) {
    const scores = scoreFeatures(candidate.features, model);
    for (const { polarity, confidence } of decidePolarities(candidate, scores, model)) {
      const { entry, cues, support } = evidenceFor(candidate, polarity, model);
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
      });
    }
  }
  return findings.sort((a, b) => a.start - b.start || a.theme.localeCompare(b.theme) || a.polarity.localeCompare(b.polarity));
}

function evidenceFor(candidate: Candidate, polarity: Polarity, model: ClassifierModel): { entry: AnalysedSentence; cues: string[]; support: number } {
  const judged = candidate.evidence.map((entry) => ({ entry, judgement: entry.judgements.find((judgement) => judgement.theme === candidate.theme && judgement.polarity === polarity) }));
  const supporting = judged.filter((item) => item.judgement);
  // The sentence whose own clauses lean most the decided way is the citation.
  const best = supporting.sort((a, b) => Math.abs(b.judgement!.score) - Math.abs(a.judgement!.score))[0];
  if (best) return { entry: best.entry, cues: best.judgement!.cues, support: supporting.length };
  const head = polarity === 'strength' ? 1 : polarity === 'weakness' ? 2 : 0;
  const sign = polarity === 'weakness' || polarity === 'strength' ? 1 : 0;
  const cues = [...candidate.features.keys()]
    .filter((name) => /^(?:NOT_)?w=|^(?:cue|negated)[+-]=/.test(name) && (model.weights[name]?.[head] ?? 0) * sign > 0)
    .sort((a, b) => (model.weights[b]![head] ?? 0) - (model.weights[a]![head] ?? 0))
    .slice(0, 3)
    .map((name) => name.replace(/^NOT_w=/, 'not … ').replace(/^w=|^(?:cue|negated)[+-]=/, ''));
  return { entry: candidate.evidence[0]!, cues, support: candidate.evidence.length };
}
