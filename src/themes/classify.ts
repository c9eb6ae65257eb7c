/**
 * The trained classifier: per candidate (paragraph, theme), the probability that the paragraph
 * judges the theme, and that it judges it a strength or a weakness.
 */
import type { ClassifierModel } from '../schemas/model.js';
import type { Candidate } from './features.js';
import type { Polarity } from './polarity.js';

export interface CandidateScores {
  present: number;
  strength: number;
  weakness: number;
}

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

// Weights as a Map: thousands of keys are looked up per report, and Maps are faster than objects.
const weightMaps = new WeakMap<ClassifierModel, Map<string, readonly [number, number, number]>>();

/** A model's weights as a Map (built once per model). */
export function weightsOf(model: ClassifierModel): Map<string, readonly [number, number, number]> {
  let weights = weightMaps.get(model);
  if (!weights) {
    weights = new Map(Object.entries(model.weights));
    weightMaps.set(model, weights);
  }
  return weights;
}

/** The three head probabilities for a feature vector. */
export function scoreFeatures(features: ReadonlyMap<string, number>, model: ClassifierModel): CandidateScores {
  const table = weightsOf(model);
  let present = 0;
  let strength = 0;
  let weakness = 0;
  // forEach, not for-of: no [name, value] pair is allocated per feature (this runs for every candidate).
  features.forEach((value, name) => {
    const weights = table.get(name);
    if (!weights) return;
    present += weights[0] * value;
    strength += weights[1] * value;
    weakness += weights[2] * value;
  });
  return { present: sigmoid(present), strength: sigmoid(strength), weakness: sigmoid(weakness) };
}

/** The polarities to report for a candidate, each with its confidence; empty when not judged. */
export function decidePolarities(candidate: Candidate, scores: CandidateScores, model: ClassifierModel): { polarity: Polarity; confidence: number }[] {
  const { thresholds } = model;
  if (scores.present < thresholds.present) return [];
  // An improvement item is a weakness of each theme it names (annotation rule 6).
  if (candidate.paragraph.improvementItem) return [{ polarity: 'weakness', confidence: round(Math.sqrt(scores.present * Math.max(scores.weakness, 0.9))) }];
  const decided: { polarity: Polarity; confidence: number }[] = [];
  if (scores.strength >= thresholds.polarity) decided.push({ polarity: 'strength', confidence: round(Math.sqrt(scores.present * scores.strength)) });
  if (scores.weakness >= thresholds.polarity) decided.push({ polarity: 'weakness', confidence: round(Math.sqrt(scores.present * scores.weakness)) });
  if (decided.length === 0) {
    // Judged, but neither head is sure: take the likelier polarity if it clears the fallback bar.
    const best: Polarity = scores.strength >= scores.weakness ? 'strength' : 'weakness';
    const probability = Math.max(scores.strength, scores.weakness);
    if (probability >= thresholds.fallback) decided.push({ polarity: best, confidence: round(Math.sqrt(scores.present * probability)) });
    else decided.push({ polarity: 'neutral', confidence: round(scores.present * (1 - probability)) });
  }
  return decided;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
