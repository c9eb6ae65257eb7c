/**
 * Sentence offsets: wink's sentence strings are located verbatim; if one is ever not found (wink
 * rewrote a character), the token walk takes over and still lands every sentence on the text.
 */
import { describe, expect, it } from 'vitest';
import { tagText } from 'practice-themes';
import { breakRunawayTokens, createSentenceSplitter, joinCutEllipses, locateSentences, sentencePieces, tokenWalk } from '../../src/sentences/split.js';

const text = 'PEPs are smart.  However, some are late.\n\nSupervision is regular.';

describe('locateSentences', () => {
  it('finds each sentence after the previous one', () => {
    expect(locateSentences(text, ['PEPs are smart.', 'However, some are late.', 'Supervision is regular.'])).toEqual([
      [0, 15],
      [17, 40],
      [42, 65],
    ]);
  });

  it('gives up (so tokens are walked) when a sentence string is not in the text', () => {
    expect(locateSentences(text, ['PEPs are smart.', 'However, some are late!'])).toBeUndefined();
  });

  it('gives up rather than skip text to find a later repeat', () => {
    const repeated = 'Plans are clear. Plans are clear.';
    expect(locateSentences(repeated, ['Plans are clear.', 'Missing.', 'Plans are clear.'])).toBeUndefined();
  });
});

describe('tokenWalk', () => {
  it('maps sentences of token indexes to character offsets', () => {
    const tokens = ['PEPs', 'are', 'smart', '.', 'However', ',', 'some', 'are', 'late', '.'];
    expect(tokenWalk(text, tokens, [[0, 3], [4, 9]])).toEqual([
      [0, 15],
      [17, 40],
    ]);
  });

  it('places a token that differs from the text after the spaces, without drifting', () => {
    const tokens = ['PEPs', 'are', 'smart', '.', 'Howevr', ',', 'some', 'are', 'late', '.'];
    const [, second] = tokenWalk(text, tokens, [[0, 3], [4, 9]]);
    expect(second).toEqual([17, 40]);
  });
});

describe('breakRunawayTokens', () => {
  it('leaves text with no run of 500 non-space characters as it is', () => {
    const words = `${'a'.repeat(499)} ${text}`;
    expect(breakRunawayTokens(words)).toBe(words);
  });

  it('writes a space over every 500th character of a longer run, keeping the length', () => {
    const run = `PEPs ${'x'.repeat(1_200)} late.`;
    const broken = breakRunawayTokens(run);
    expect(broken).toHaveLength(run.length);
    expect(broken.split(' ').map((part) => part.length)).toEqual([4, 499, 499, 200, 5]);
  });
});

describe('sentencePieces', () => {
  it('trims a sentence of ordinary length and keeps it whole', () => {
    expect(sentencePieces('  PEPs are late. ', 0, 17)).toEqual([[2, 16]]);
  });

  it('cuts a run longer than 2000 characters after its last space within each 2000, covering every word', () => {
    const long = 'not effective supervision '.repeat(300);
    const pieces = sentencePieces(long, 0, long.length);
    expect(pieces.length).toBe(4);
    for (const [from, to] of pieces) {
      expect(to - from).toBeLessThanOrEqual(2000);
      // Whole words only: each piece starts and ends beside a space or an end of the text.
      expect([from === 0 || long[from - 1] === ' ', to === long.length || long[to] === ' ', long[from] !== ' ', long[to - 1] !== ' ']).toEqual([true, true, true, true]);
    }
    expect(pieces.map(([from, to]) => long.slice(from, to)).join(' ')).toBe(long.trim());
  });

  it('cuts a run with no space at all every 2000 characters', () => {
    expect(sentencePieces('x'.repeat(4_500), 0, 4_500)).toEqual([
      [0, 2000],
      [2000, 4000],
      [4000, 4500],
    ]);
  });

  it('is what the splitter gives for a paragraph with no sentence end', () => {
    const long = 'supervision is good, '.repeat(200);
    const sentences = createSentenceSplitter().split(long, [{ id: '1', start: 0, end: long.length } as never]);
    expect(sentences.map(({ start, end }) => [start, end])).toEqual(sentencePieces(long, 0, long.length));
    expect(sentences.every((sentence) => sentence.text === long.slice(sentence.start, sentence.end))).toBe(true);
  });
});

describe('an ellipsis before a closing quote or bracket', () => {
  it('is not a sentence end: the cut wink makes inside the dots is undone', () => {
    for (const ellipsis of ['...', '…']) {
      const report = tagText(`1. Inspectors noted ("PEPs are smart${ellipsis}") and the PEPs from other schools are late. Supervision is regular.\n`);
      expect(report.sentences.map((sentence) => sentence.text)).toEqual(['Inspectors noted ("PEPs are smart...") and the PEPs from other schools are late.', 'Supervision is regular.']);
    }
  });

  it('joins only spans that meet inside a run of dots', () => {
    const text = 'One... "two." Three.';
    expect(joinCutEllipses(text, [[0, 4], [4, 13], [14, 20]])).toEqual([[0, 13], [14, 20]]);
    expect(joinCutEllipses(text, [[0, 13], [14, 20]])).toEqual([[0, 13], [14, 20]]);
  });
});
