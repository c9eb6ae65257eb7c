/**
 * Sentences: the reading text is read once by wink-nlp; character offsets are recovered by
 * walking tokens (preceding spaces + value) through the text, and each sentence is clipped to
 * the paragraph it lies in (headings and printed numbers between paragraphs belong to none).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Paragraph } from '../structure/index.js';

/** A sentence of a paragraph. `text === report.text.slice(start, end)`. */
export interface Sentence {
  /** Citation id of the paragraph the sentence belongs to. */
  paragraph: string;
  start: number;
  end: number;
  text: string;
}

/** A sentence splitter holding one wink-nlp instance (loading the model takes a moment). */
export interface SentenceSplitter {
  split(text: string, paragraphs: readonly Paragraph[]): Sentence[];
}

/** Creates a splitter; keep one per tagger, the model is loaded once. */
export function createSentenceSplitter(): SentenceSplitter {
  // Only sentence boundaries are needed: the tagger's own stages do the rest, so wink's POS,
  // negation and sentiment passes are left out (they would triple the cost).
  const nlp = winkNLP(model, ['sbd']);
  const its = nlp.its;
  return {
    split(text, paragraphs) {
      // wink reads a text of the same length, so its sentence offsets hold for `text` too.
      const forWink = breakRunawayTokens(text);
      const doc = nlp.readDoc(forWink);
      const spans = joinCutEllipses(
        text,
        locateSentences(forWink, doc.sentences().out() as string[]) ?? tokenWalk(forWink, doc.tokens().out() as string[], doc.sentences().out(its.span) as unknown as [number, number][]),
      );
      const sentences: Sentence[] = [];
      let paragraphIndex = 0;
      for (const [start, end] of spans) {
        while (paragraphIndex < paragraphs.length && paragraphs[paragraphIndex]!.end <= start) paragraphIndex++;
        for (let index = paragraphIndex; index < paragraphs.length && paragraphs[index]!.start < end; index++) {
          const paragraph = paragraphs[index]!;
          for (const [from, to] of sentencePieces(text, Math.max(start, paragraph.start), Math.min(end, paragraph.end))) {
            sentences.push({ paragraph: paragraph.id, start: from, end: to, text: text.slice(from, to) });
          }
        }
      }
      return sentences;
    },
  };
}

/**
 * Sentence spans with wink's cuts inside a run of full stops undone. wink ends a sentence at the
 * first dot of an ellipsis before a closing quote or bracket ('smart..." and'), leaving '..")
 * and …' as the next "sentence"; a cut with no space between two dots is never a sentence end.
 */
export function joinCutEllipses(text: string, spans: readonly [number, number][]): [number, number][] {
  const joined: [number, number][] = [];
  for (const span of spans) {
    const previous = joined[joined.length - 1];
    if (previous && previous[1] === span[0] && text[span[0] - 1] === '.' && text[span[0]] === '.') previous[1] = span[1];
    else joined.push([span[0], span[1]]);
  }
  return joined;
}

// The longest sentence in the shared corpus has 517 characters. A longer run without a sentence
// end is damage (punctuation lost in OCR, a list pasted as one line), and the later stages take
// time quadratic in a sentence's length, so it is read in pieces of at most this many characters.
const LONGEST_SENTENCE = 2000;

/**
 * `text[start, end)` without the spaces and line breaks at its edges, as one sentence, or as
 * pieces cut after the last space within LONGEST_SENTENCE characters when it is longer.
 */
export function sentencePieces(text: string, start: number, end: number): [number, number][] {
  const pieces: [number, number][] = [];
  let from = start;
  while (from < end) {
    while (from < end && /\s/.test(text.charAt(from))) from++;
    let to = end;
    if (to - from > LONGEST_SENTENCE) {
      to = from + LONGEST_SENTENCE;
      while (to > from + 1 && !/\s/.test(text.charAt(to - 1))) to--;
      if (to === from + 1) to = from + LONGEST_SENTENCE;
    }
    const next = to;
    while (to > from && /\s/.test(text.charAt(to - 1))) to--;
    if (to > from) pieces.push([from, to]);
    from = next;
  }
  return pieces;
}

// No word, number or web address in a report comes near this many characters without a space.
const RUNAWAY_TOKEN = 500;

/**
 * `text` with a space written over every RUNAWAY_TOKEN-th character of a run of non-space
 * characters: same length, same offsets. wink's abbreviation test takes time quadratic in a
 * token's length (a 100 000-character token took 4.5 s), and such runs are only ever damage
 * (a text layer of one glyph repeated, a binary-ish paste), never words.
 */
export function breakRunawayTokens(text: string): string {
  let run = 0;
  let breaks: number[] | undefined;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 32 || (code >= 9 && code <= 13) || code === 160) run = 0;
    else if (++run === RUNAWAY_TOKEN) {
      (breaks ??= []).push(index);
      run = 0;
    }
  }
  if (!breaks) return text;
  let broken = '';
  let from = 0;
  for (const at of breaks) {
    broken += `${text.slice(from, at)} `;
    from = at + 1;
  }
  return broken + text.slice(from);
}

let shared: SentenceSplitter | undefined;

/**
 * The splitter every tagger in this thread shares. Each wink-nlp instance loads its own copy of the
 * model (some 25 MB of heap), so a tagger per call with options (`tagText(text, options)`) ran a
 * process out of memory at about the twentieth.
 */
export function sharedSentenceSplitter(): SentenceSplitter {
  return (shared ??= createSentenceSplitter());
}

/**
 * Sentence offsets from wink's sentence strings, which are verbatim slices of the text: each is
 * the next occurrence after the previous one. Undefined if one is not found (then tokens are walked).
 */
export function locateSentences(text: string, sentences: readonly string[]): [number, number][] | undefined {
  const spans: [number, number][] = [];
  let cursor = 0;
  for (const sentence of sentences) {
    const at = text.indexOf(sentence, cursor);
    if (at === -1 || /\S/.test(text.slice(cursor, at))) return undefined;
    spans.push([at, at + sentence.length]);
    cursor = at + sentence.length;
  }
  return spans;
}

/** Sentence offsets by walking every token through the text (tokens are verbatim and in order). */
export function tokenWalk(text: string, values: readonly string[], sentences: readonly [number, number][]): [number, number][] {
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let cursor = 0;
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    let at = text.indexOf(value, cursor);
    // A token that differs from the text is placed after the spaces; the tokens after it may then
    // skip the few characters it left uncovered, but never jump far ahead.
    if (at === -1 || text.slice(cursor, at).replace(/\s+/g, '').length > 3) {
      at = cursor;
      while (at < text.length && /\s/.test(text.charAt(at))) at++;
    }
    starts[index] = at;
    ends[index] = Math.min(text.length, at + value.length);
    cursor = ends[index]!;
  }
  return sentences.map(([first, last]) => [starts[first] ?? 0, ends[last] ?? starts[first] ?? 0]);
}
