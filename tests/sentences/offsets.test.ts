/**
 * Sentence offsets: wink's sentence strings are located verbatim; if one is ever not found (wink
 * rewrote a character), the token walk takes over and still lands every sentence on the text.
 */
import { describe, expect, it } from 'vitest';
import { locateSentences, tokenWalk } from '../../src/sentences/split.js';

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
