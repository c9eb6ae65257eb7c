/**
 * evaluate() on hand-built findings and gold, where every count can be worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { isPracticeThemesError } from 'practice-themes';
import { evaluate } from '../../src/evaluate/score.js';
import { formatComparison } from '../../src/evaluate/format.js';

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

  it('scores the core themes it is told are core, and formats those rows', () => {
    const custom = evaluate([{ report: 'r', findings: [finding('1', 'peps', 'strength'), finding('2', 'plans', 'strength')] }], [gold], { coreThemes: ['peps'] });
    expect(custom.pairs.core).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 1 });
    expect(custom.pairs.all).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 2 });
    expect(custom.coreThemes).toEqual(['peps']);
    const table = formatComparison({ mine: custom, unscored: evaluate([{ report: 'r', findings: [] }], [gold], { coreThemes: ['peps'], themes: ['plans'] }) });
    expect(table.split('\n').filter((line) => line.endsWith('pair F1') || / pair F1 /.test(line))).toEqual([`${'  peps pair F1'.padEnd(34)} ${'66.7'.padStart(14)}${'–'.padStart(14)}`]);
  });
});

describe('evaluate refuses what would give a silently wrong number', () => {
  const codeOf = (run: () => unknown): string | undefined => {
    try {
      run();
    } catch (error) {
      return isPracticeThemesError(error) ? `${error.code}: ${error.message}` : `untyped: ${String(error)}`;
    }
    return undefined;
  };
  const document = { report: 'r', findings: [finding('1', 'peps', 'strength')] };

  it('refuses unknown, misspelt and empty options', () => {
    expect(codeOf(() => evaluate([document], [gold], { theme: ['peps'] } as never))).toMatch(/^INVALID_OPTIONS: .*theme/);
    expect(codeOf(() => evaluate([document], [gold], { themes: 'peps' } as never))).toMatch(/^INVALID_OPTIONS: .*themes/);
    expect(codeOf(() => evaluate([document], [gold], { themes: [] }))).toMatch(/^INVALID_OPTIONS: .*selects no theme/);
    expect(codeOf(() => evaluate([document], [gold], { themes: ['PEPs'] }))).toMatch(/^INVALID_OPTIONS: .*lower_snake_case/);
  });

  it('refuses documents that are not tagged documents, naming what to pass', () => {
    expect(codeOf(() => evaluate({} as never, [gold]))).toMatch(/^INVALID_ARGUMENT: .*array of documents/);
    expect(codeOf(() => evaluate([{ findings: [] }] as never, [gold]))).toMatch(/^INVALID_ARGUMENT: practice-themes: documents\[0\]\.report is invalid: .*report: gold\.report/);
    expect(codeOf(() => evaluate([{ report: 'r' }] as never, [gold]))).toMatch(/^INVALID_ARGUMENT: practice-themes: documents\[0\]\.findings/);
    expect(codeOf(() => evaluate([document, document], [gold]))).toMatch(/^INVALID_ARGUMENT: practice-themes: documents\[1\] repeats report "r"/);
  });

  it('refuses gold that is not an array, or two golds for one report', () => {
    expect(codeOf(() => evaluate([document], gold as never))).toMatch(/^INVALID_GOLD: .*array of gold files/);
    expect(codeOf(() => evaluate([document], [gold, { report: 'r', paragraphs: {} }]))).toMatch(/^INVALID_GOLD: practice-themes: gold file #2 is a second gold for report "r"/);
  });

  it('refuses a gold naming paragraphs its document does not have', () => {
    const paragraphs = [{ id: '1', text: 'one' }, { id: '2', text: 'two' }];
    expect(codeOf(() => evaluate([{ ...document, paragraphs }], [gold]))).toMatch(/^INVALID_GOLD: .*names 1 of 3 paragraphs that its document does not have \("3"\)/);
    expect(codeOf(() => evaluate([{ ...document, paragraphs: [...paragraphs, { id: '3', text: 'three' }] }], [gold]))).toBeUndefined();
    // An empty gold, or one leaving out a paragraph, would hide the findings made there.
    const all = [...paragraphs, { id: '3', text: 'three' }, { id: '4', text: 'four' }];
    expect(codeOf(() => evaluate([{ ...document, paragraphs: all }], [gold]))).toMatch(/^INVALID_GOLD: .*leaves out 1 of the document's 4 paragraphs \("4"\)/);
    expect(codeOf(() => evaluate([{ ...document, paragraphs: all }], [{ report: 'r', paragraphs: {} }]))).toMatch(/leaves out 4 of the document's 4 paragraphs/);
  });
});
