/**
 * evaluate() on hand-built findings and gold, where every count can be worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { isPracticeThemesError } from 'practice-themes';
import { evaluate } from '../../src/evaluate/score.js';

const gold = {
  report: 'r',
  paragraphs: {
    '1': [['peps', 'strength'], ['peps', 'weakness']],
    '2': [['plans', 'weakness']],
    '3': [],
  },
};
const finding = (paragraph: string, theme: string, polarity: 'strength' | 'weakness' | 'neutral') => ({ paragraph, theme, polarity, sentence: `sentence of ¶${paragraph}` });

describe('evaluate', () => {
  const result = evaluate([{ report: 'r', findings: [finding('1', 'peps', 'strength'), finding('2', 'plans', 'strength'), finding('3', 'supervision', 'neutral')] }], [gold]);

  it('counts pairs: one hit, two false alarms, two misses', () => {
    expect(result.pairs.core).toMatchObject({ truePositives: 1, falsePositives: 2, falseNegatives: 2 });
    expect(result.pairs.core.precision).toBeCloseTo(1 / 3);
    expect(result.pairs.core.recall).toBeCloseTo(1 / 3);
  });

  it('counts themes ignoring polarity: peps and plans found, supervision a false alarm', () => {
    expect(result.themes.core).toMatchObject({ truePositives: 2, falsePositives: 1, falseNegatives: 0 });
  });

  it('scores polarity only where the theme was found: 1 of 3 gold pairs', () => {
    expect(result.polarityAccuracy.core).toBeCloseTo(1 / 3);
  });

  it('tabulates label sets per paragraph and theme', () => {
    expect(result.confusion).toEqual({ 'S+W': { S: 1 }, W: { S: 1 }, '-': { N: 1 } });
  });

  it('lists misses and false alarms with their text', () => {
    expect(result.misses.map((miss) => `${miss.paragraph} ${miss.theme}/${miss.polarity}`).sort()).toEqual(['1 peps/weakness', '2 plans/weakness']);
    expect(result.falseAlarms.map((alarm) => alarm.text).sort()).toEqual(['sentence of ¶2', 'sentence of ¶3']);
  });

  it('rejects malformed gold and documents without gold with INVALID_GOLD', () => {
    const malformed = () => evaluate([], [{ report: 'r', paragraphs: { '1': [['peps', 'great']] } }]);
    expect(malformed).toThrow(/gold file #1\S* is invalid/);
    try {
      evaluate([{ report: 'other', findings: [] }], [gold]);
      expect.unreachable();
    } catch (error) {
      expect(isPracticeThemesError(error) && error.code).toBe('INVALID_GOLD');
    }
  });
});
