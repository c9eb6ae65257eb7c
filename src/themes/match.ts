/**
 * Theme mentions: taxonomy terms, acronyms and near-patterns, minus exclusions. Terms are looked
 * up by the word they start with, so each word of the text tests only the terms that can start
 * there (one pass over the text, whatever the size of the taxonomy).
 */
import { groupBy } from '../_internal/group-by.js';
import type { IndexedTerm, TermIndex } from './taxonomy.js';

/** One place a sentence speaks of a theme. Offsets are into the sentence text. */
export interface Mention {
  theme: string;
  start: number;
  end: number;
  term: string;
}

interface Hit {
  entry: IndexedTerm;
  start: number;
  end: number;
}

const wordPattern = /[A-Za-z0-9][A-Za-z0-9'’]*/g;

/** Tests each indexed term at a word start (sticky patterns), collecting the ones that match. */
function testEntries(entries: readonly IndexedTerm[] | undefined, text: string, start: number, hits: Hit[]): void {
  if (entries === undefined) return;
  for (const entry of entries) {
    entry.pattern.lastIndex = start;
    const found = entry.pattern.exec(text);
    if (found) hits.push({ entry, start, end: start + found[0].length });
  }
}

/** Every theme mention in one piece of text, ordered by position. */
export function findMentions(text: string, index: TermIndex): Mention[] {
  return findMentionsInSentences(text, [{ start: 0, end: text.length }], index)[0]!;
}

/**
 * Mentions for every sentence of a text, with offsets into each sentence. A match that crosses a
 * sentence edge is dropped; near-pattern words pair only within one sentence.
 */
export function findMentionsInSentences(text: string, sentences: readonly { start: number; end: number }[], index: TermIndex): Mention[][] {
  const hits: Hit[] = [];
  wordPattern.lastIndex = 0;
  for (const match of text.matchAll(wordPattern)) {
    const start = match.index ?? 0;
    const word = match[0];
    if (word.length < index.shortestWord) continue;
    const apostrophe = word.indexOf("'") !== -1 || word.indexOf('’') !== -1;
    const key = apostrophe ? word.toLowerCase().replace(/['’]/g, '') : word.toLowerCase();
    testEntries(index.words.get(key), text, start, hits);
    const bucket = index.prefixes.get(key.slice(0, 3));
    if (bucket) for (const [prefix, list] of bucket) if (key.startsWith(prefix)) testEntries(list, text, start, hits);
    // Acronyms are case-sensitive and may carry a possessive ("IROs'", "CAMHS's").
    if (index.acronyms.size > 0 && text.charAt(start - 1) !== '-') {
      testEntries(index.acronyms.get(word), text, start, hits);
      if (apostrophe) testEntries(index.acronyms.get(word.replace(/['’]s?$/, '')), text, start, hits);
    }
  }
  const sentenceAt = (start: number, end: number): number => {
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
  };
  const buckets: Mention[][] = sentences.map(() => []);
  const byTheme = groupBy(hits, (hit) => hit.entry.theme);
  for (const [themeIndex, themeHits] of byTheme) {
    const theme = index.themes[themeIndex]!;
    const excluded = themeHits.filter((hit) => hit.entry.kind === 'exclude');
    const isExcluded = (start: number, end: number) => excluded.some((range) => range.start < end && start < range.end);
    // Longest term at each start wins; a term starting inside an accepted one is part of it.
    const terms = themeHits.filter((hit) => hit.entry.kind === 'term' || hit.entry.kind === 'acronym').sort((a, b) => a.start - b.start || b.end - a.end);
    let acceptedEnd = -1;
    for (const hit of terms) {
      if (hit.start < acceptedEnd || isExcluded(hit.start, hit.end)) continue;
      const at = sentenceAt(hit.start, hit.end);
      if (at === -1) continue;
      acceptedEnd = hit.end;
      const offset = sentences[at]!.start;
      buckets[at]!.push({ theme: theme.id, start: hit.start - offset, end: hit.end - offset, term: text.slice(hit.start, hit.end) });
    }
    theme.near.forEach((near, position) => {
      const firsts = themeHits.filter((hit) => hit.entry.kind === 'near-first' && hit.entry.near === position);
      if (firsts.length === 0) return;
      const seconds = themeHits.filter((hit) => hit.entry.kind === 'near-second' && hit.entry.near === position);
      for (const first of firsts) {
        for (const second of seconds) {
          const start = Math.min(first.start, second.start);
          const end = Math.max(first.end, second.end);
          const at = sentenceAt(start, end);
          if (at === -1 || first.start === second.start || isExcluded(start, end)) continue;
          const between = text.slice(Math.min(first.end, second.end), Math.max(first.start, second.start));
          if (/[.;:]/.test(between) || between.split(/\s+/).filter(Boolean).length > near.window) continue;
          const offset = sentences[at]!.start;
          buckets[at]!.push({ theme: theme.id, start: start - offset, end: end - offset, term: text.slice(start, end) });
        }
      }
    });
  }
  return buckets.map((mentions) => mentions.sort((a, b) => a.start - b.start || a.end - b.end || a.theme.localeCompare(b.theme)));
}
