/**
 * Theme mentions: taxonomy terms, acronyms and near-patterns, minus exclusions. Terms are looked
 * up by the word they start with, so each word of the text tests only the terms that can start
 * there (one pass over the text, whatever the size of the taxonomy).
 *
 * The work is split into small loops on purpose: one large function with closures was compiled
 * by V8's optimiser four times per run at about 40 ms each, more than the matching itself costs
 * in a one-shot CLI run.
 */
import type { IndexedTerm, TermIndex } from './taxonomy.js';

/** One place a sentence speaks of a theme. Offsets are into the sentence text. */
export interface Mention {
  theme: string;
  start: number;
  end: number;
  term: string;
}

interface Span {
  start: number;
  end: number;
}

/** A term, exclusion or near word found in the text, with the sentence it lies in (-1: it crosses an edge). */
interface Hit {
  entry: IndexedTerm;
  start: number;
  end: number;
  sentence: number;
}

const wordPattern = /[A-Za-z0-9][A-Za-z0-9'’]*/g;

/** Every theme mention in one piece of text, ordered by position. */
export function findMentions(text: string, index: TermIndex): Mention[] {
  return findMentionsInSentences(text, [{ start: 0, end: text.length }], index)[0]!;
}

/**
 * Mentions for every sentence of a text, with offsets into each sentence. A match that crosses a
 * sentence edge is dropped; near-pattern words pair only within one sentence.
 */
export function findMentionsInSentences(text: string, sentences: readonly Span[], index: TermIndex): Mention[][] {
  const hitsByTheme: Hit[][] = index.themes.map(() => []);
  collectHits(text, sentences, index, hitsByTheme);
  const buckets: Mention[][] = sentences.map(() => []);
  for (let themeIndex = 0; themeIndex < hitsByTheme.length; themeIndex++) {
    const themeHits = hitsByTheme[themeIndex]!;
    if (themeHits.length === 0) continue;
    const exclusions = sortedExclusions(themeHits);
    addTermMentions(text, sentences, index.themes[themeIndex]!.id, themeHits, exclusions, buckets);
    addNearMentions(text, sentences, index.themes[themeIndex]!, themeHits, exclusions, buckets);
  }
  for (const mentions of buckets) mentions.sort(byPosition);
  return buckets;
}

/** Tests, at each word of the text, the indexed terms that can start with it. */
function collectHits(text: string, sentences: readonly Span[], index: TermIndex, hitsByTheme: Hit[][]): void {
  wordPattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = wordPattern.exec(text)) !== null) {
    const start = match.index;
    const word = match[0];
    if (word.length < index.shortestWord) continue;
    const apostrophe = word.indexOf("'") !== -1 || word.indexOf('’') !== -1;
    const key = apostrophe ? word.toLowerCase().replace(/['’]/g, '') : word.toLowerCase();
    testEntries(index.words.get(key), text, start, sentences, hitsByTheme);
    const bucket = index.prefixes.get(key.slice(0, 3));
    if (bucket !== undefined) {
      for (const [prefix, list] of bucket) if (key.startsWith(prefix)) testEntries(list, text, start, sentences, hitsByTheme);
    }
    // Acronyms are case-sensitive and may carry a possessive ("IROs'", "CAMHS's").
    if (index.acronyms.size > 0 && text.charAt(start - 1) !== '-') {
      testEntries(index.acronyms.get(word), text, start, sentences, hitsByTheme);
      if (apostrophe) testEntries(index.acronyms.get(word.replace(/['’]s?$/, '')), text, start, sentences, hitsByTheme);
    }
  }
}

/** Tests each indexed term at a word start (sticky patterns), collecting the ones that match. */
function testEntries(entries: readonly IndexedTerm[] | undefined, text: string, start: number, sentences: readonly Span[], hitsByTheme: Hit[][]): void {
  if (entries === undefined) return;
  for (const entry of entries) {
    entry.pattern.lastIndex = start;
    const found = entry.pattern.exec(text);
    if (found === null) continue;
    const end = start + found[0].length;
    hitsByTheme[entry.theme]!.push({ entry, start, end, sentence: sentenceAt(sentences, start, end) });
  }
}

/** The index of the sentence holding [start, end), or -1 when the span is outside or crosses an edge. */
function sentenceAt(sentences: readonly Span[], start: number, end: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle]!;
    if (start < sentence.start) high = middle - 1;
    else if (start >= sentence.end) low = middle + 1;
    else return end <= sentence.end ? middle : -1;
  }
  return -1;
}

/** A theme's exclusion hits ordered by start, with the longest one's length (to bound overlap searches). */
interface Exclusions {
  spans: Hit[];
  longest: number;
}

function sortedExclusions(themeHits: readonly Hit[]): Exclusions {
  const spans: Hit[] = [];
  let longest = 0;
  for (const hit of themeHits) {
    if (hit.entry.kind !== 'exclude') continue;
    spans.push(hit);
    if (hit.end - hit.start > longest) longest = hit.end - hit.start;
  }
  spans.sort((a, b) => a.start - b.start);
  return { spans, longest };
}

/** Whether any exclusion overlaps [start, end). */
function isExcluded(exclusions: Exclusions, start: number, end: number): boolean {
  const spans = exclusions.spans;
  if (spans.length === 0) return false;
  // Only exclusions starting after start - longest can reach start; find the first by binary search.
  const from = start - exclusions.longest;
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (spans[middle]!.start <= from) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < spans.length && spans[i]!.start < end; i++) if (start < spans[i]!.end) return true;
  return false;
}

/** Terms and acronyms: the longest at each start wins; a term starting inside an accepted one is part of it. */
function addTermMentions(text: string, sentences: readonly Span[], theme: string, themeHits: readonly Hit[], exclusions: Exclusions, buckets: Mention[][]): void {
  const terms = themeHits.filter((hit) => hit.entry.kind === 'term' || hit.entry.kind === 'acronym').sort((a, b) => a.start - b.start || b.end - a.end);
  let acceptedEnd = -1;
  for (const hit of terms) {
    if (hit.start < acceptedEnd || isExcluded(exclusions, hit.start, hit.end) || hit.sentence === -1) continue;
    acceptedEnd = hit.end;
    const offset = sentences[hit.sentence]!.start;
    buckets[hit.sentence]!.push({ theme, start: hit.start - offset, end: hit.end - offset, term: text.slice(hit.start, hit.end) });
  }
}

/** Near patterns: the two words of a pattern in one sentence, at most `window` words apart, with no . ; : between. */
function addNearMentions(text: string, sentences: readonly Span[], theme: TermIndex['themes'][number], themeHits: readonly Hit[], exclusions: Exclusions, buckets: Mention[][]): void {
  for (let position = 0; position < theme.near.length; position++) {
    const firsts = nearWordsBySentence(themeHits, 'near-first', position);
    if (firsts.size === 0) continue;
    const seconds = nearWordsBySentence(themeHits, 'near-second', position);
    const window = theme.near[position]!.window;
    for (const [sentence, sentenceFirsts] of firsts) {
      const sentenceSeconds = seconds.get(sentence);
      if (sentenceSeconds === undefined) continue;
      const offset = sentences[sentence]!.start;
      for (const first of sentenceFirsts) {
        for (const second of sentenceSeconds) {
          if (first.start === second.start) continue;
          const start = Math.min(first.start, second.start);
          const end = Math.max(first.end, second.end);
          if (isExcluded(exclusions, start, end) || !withinWindow(text.slice(Math.min(first.end, second.end), Math.max(first.start, second.start)), window)) continue;
          buckets[sentence]!.push({ theme: theme.id, start: start - offset, end: end - offset, term: text.slice(start, end) });
        }
      }
    }
  }
}

/** One near pattern's first or second words, by the sentence they lie in (words crossing an edge are left out). */
function nearWordsBySentence(themeHits: readonly Hit[], kind: 'near-first' | 'near-second', position: number): Map<number, Hit[]> {
  const bySentence = new Map<number, Hit[]>();
  for (const hit of themeHits) {
    if (hit.entry.kind !== kind || hit.entry.near !== position || hit.sentence === -1) continue;
    const list = bySentence.get(hit.sentence);
    if (list === undefined) bySentence.set(hit.sentence, [hit]);
    else list.push(hit);
  }
  return bySentence;
}

function withinWindow(between: string, window: number): boolean {
  return !/[.;:]/.test(between) && between.split(/\s+/).filter(Boolean).length <= window;
}

function byPosition(a: Mention, b: Mention): number {
  return a.start - b.start || a.end - b.end || a.theme.localeCompare(b.theme);
}
