/**
 * Labelling candidates from gold: what the gold says of each (paragraph, theme) the tagger proposes.
 */
import type { Gold } from '../schemas/gold.js';
import type { Candidate } from '../themes/features.js';
import type { TrainingExample } from './train.js';

/** One training example per candidate; gold pairs no candidate reaches are counted as unreachable. */
export function labelCandidates(candidates: readonly Candidate[], gold: Gold): { examples: TrainingExample[]; unreachable: number } {
  const examples = candidates.map((candidate) => {
    const labels = (gold.paragraphs[candidate.paragraph.id] ?? []).filter(([theme]) => theme === candidate.theme);
    return {
      features: candidate.features,
      present: labels.length > 0,
      strength: labels.some(([, polarity]) => polarity === 'strength'),
      weakness: labels.some(([, polarity]) => polarity === 'weakness'),
    };
  });
  const proposed = new Set(candidates.map((candidate) => `${candidate.paragraph.id}\u0000${candidate.theme}`));
  let unreachable = 0;
  for (const [paragraph, labels] of Object.entries(gold.paragraphs)) for (const theme of new Set(labels.map(([name]) => name))) if (!proposed.has(`${paragraph}\u0000${theme}`)) unreachable++;
  return { examples, unreachable };
}
