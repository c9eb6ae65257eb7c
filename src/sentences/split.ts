/**
 * Sentences: each paragraph is read by wink-nlp; sentence and token offsets are recovered by
 * walking tokens (preceding spaces + value) through the paragraph text.
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

/** A token with its offsets into the report text, for the theme and polarity stages. */
export interface Token {
  value: string;
  /** Lower-cased form. */
  normal: string;
  lemma: string;
  pos: string;
  start: number;
  end: number;
}

export interface SentenceWithTokens {
  sentence: Sentence;
  tokens: Token[];
}

type Nlp = ReturnType<typeof winkNLP>;

/** A sentence splitter holding one wink-nlp instance (loading the model takes a moment). */
export interface SentenceSplitter {
  split(text: string, paragraphs: readonly Paragraph[]): SentenceWithTokens[];
}

/** Creates a splitter; keep one per tagger, the model is loaded once. */
export function createSentenceSplitter(): SentenceSplitter {
  const nlp: Nlp = winkNLP(model);
  const its = nlp.its;
  return {
    split(text, paragraphs) {
      const result: SentenceWithTokens[] = [];
      for (const paragraph of paragraphs) {
        const doc = nlp.readDoc(paragraph.text);
        const values = doc.tokens().out() as string[];
        const spaces = doc.tokens().out(its.precedingSpaces) as string[];
        const lemmas = doc.tokens().out(its.lemma as Parameters<ReturnType<Nlp['readDoc']>['out']>[0]) as unknown as string[];
        const tags = doc.tokens().out(its.pos) as string[];
        // Token offsets by walking the paragraph text; a token wink rewrote is found by search.
        const starts: number[] = [];
        const ends: number[] = [];
        let cursor = 0;
        for (let index = 0; index < values.length; index++) {
          const value = values[index]!;
          let at = cursor + (spaces[index]?.length ?? 0);
          if (paragraph.text.slice(at, at + value.length) !== value) {
            const found = paragraph.text.indexOf(value, cursor);
            at = found === -1 ? at : found;
          }
          starts.push(at);
          ends.push(Math.min(paragraph.text.length, at + value.length));
          cursor = ends[index]!;
        }
        const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];
        for (const [first, last] of sentenceSpans) {
          let start = starts[first] ?? 0;
          let end = ends[last] ?? start;
          // Line breaks at a sentence's edges are not part of it.
          while (start < end && /\s/.test(paragraph.text.charAt(start))) start++;
          while (end > start && /\s/.test(paragraph.text.charAt(end - 1))) end--;
          if (end <= start) continue;
          const tokens: Token[] = [];
          for (let index = first; index <= last; index++) {
            const value = values[index]!;
            tokens.push({
              value,
              normal: value.toLowerCase(),
              lemma: lemmas[index] ?? value.toLowerCase(),
              pos: tags[index] ?? 'X',
              start: paragraph.start + starts[index]!,
              end: paragraph.start + ends[index]!,
            });
          }
          const absoluteStart = paragraph.start + start;
          const absoluteEnd = paragraph.start + end;
          result.push({ sentence: { paragraph: paragraph.id, start: absoluteStart, end: absoluteEnd, text: text.slice(absoluteStart, absoluteEnd) }, tokens });
        }
      }
      return result;
    },
  };
}
