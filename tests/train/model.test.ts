/**
 * The trained classifier: the shipped model is exactly what `npm run train` produces from the gold
 * corpus, and leave-one-report-out accuracy stays above measured floors (every figure here is on
 * documents the scoring model never saw).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import shipped from '../../models/classifier.json';
import polarity from '../../models/polarity.json';
import { classifierModelSchema, polarityModelSchema } from '../../src/schemas/model.js';
import { labelCandidates } from '../../src/train/examples.js';
import { leaveOneReportOut, leaveOneThemeOut, type TrainingDocument } from '../../src/train/cross-validate.js';
import { defaultTrainConfig, train } from '../../src/train/train.js';
import type { Evaluation } from '../../src/evaluate/score.js';
import { loadTrainingDocuments } from '../../scripts/training-data.js';

let documents: TrainingDocument[];
let evaluation: Evaluation;
beforeAll(async () => {
  documents = await loadTrainingDocuments();
  evaluation = leaveOneReportOut(documents).evaluation;
}, 300_000);

describe('shipped models', () => {
  it('are valid against their schemas (the tagger trusts them without checking at start-up)', () => {
    expect(classifierModelSchema.safeParse(shipped).success).toBe(true);
    expect(polarityModelSchema.safeParse(polarity).success).toBe(true);
  });
});

describe('models/classifier.json', () => {
  it('equals a fresh training run on the gold corpus', () => {
    const fresh = train(documents.flatMap((document) => labelCandidates(document.candidates, document.gold).examples), defaultTrainConfig);
    expect(shipped.weights).toEqual(fresh.weights);
    expect(shipped.thresholds).toEqual(fresh.thresholds);
  });

  it('records the leave-one-report-out scores it was shipped with', () => {
    const recorded = (shipped.meta as { leaveOneReportOut: { corePairF1: number } }).leaveOneReportOut;
    expect(recorded.corePairF1).toBeCloseTo(evaluation.pairs.core.f1, 3);
  });
});

// Floors sit just below what was measured (leave-one-report-out, 20 gold documents): core pair
// micro-F1 0.816, core theme-only F1 0.867, all-theme pair 0.759; per theme 0.814 supervision,
// 0.822 plans, 0.771 life-story work, 0.840 RHIs, 0.785 CAMHS, 0.857 PEPs.
describe('leave-one-report-out floors', () => {
  it('core (theme, polarity) pair micro-F1', () => {
    expect(evaluation.pairs.core.f1).toBeGreaterThanOrEqual(0.80);
  });
  it('core theme-only F1', () => {
    expect(evaluation.themes.core.f1).toBeGreaterThanOrEqual(0.84);
  });
  it('all-theme pair micro-F1', () => {
    expect(evaluation.pairs.all.f1).toBeGreaterThanOrEqual(0.74);
  });
  it.each([
    ['supervision', 0.80],
    ['plans', 0.81],
    ['life_story_work', 0.75],
    ['return_home_interviews', 0.82],
    ['camhs', 0.77],
    ['peps', 0.84],
  ])('%s pair F1 ≥ %f', (theme, floor) => {
    expect(evaluation.pairs.byTheme[theme]!.f1).toBeGreaterThanOrEqual(floor);
  });
});

// A custom theme is one the model never saw. Measured with the theme left out of training as well
// as the held-out report (npm run eval -- --unseen-themes): plans 0.781, CAMHS 0.650, where the
// lexicon rules reach 0.668 and 0.482. Two themes keep the suite fast; the eval flag scores all six.
describe('a theme the classifier never saw (custom themes)', () => {
  it.each([
    ['plans', 0.75],
    ['camhs', 0.64],
  ])('%s, left out of training, pair F1 ≥ %f', (theme, floor) => {
    const unseen = leaveOneThemeOut(documents, theme);
    expect(Object.keys(unseen.pairs.byTheme)).toEqual([theme]);
    expect(unseen.pairs.byTheme[theme]!.f1).toBeGreaterThanOrEqual(floor);
  }, 120_000);
});
