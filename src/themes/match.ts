/**
 * Theme mentions in a sentence: taxonomy terms, acronyms and near-patterns, minus exclusions.
 */
import type { CompiledTheme } from './taxonomy.js';

/** One place a sentence speaks of a theme. Offsets are into the sentence text. */
export interface Mention {
  theme: string;
  start: number;
  end: number;
  term: string;
}

/** Every theme mention in `text`, ordered by position. */
export function findMentions(text: string, themes: readonly CompiledTheme[]): Mention[] {
  const mentions: Mention[] = [];
  for (const compiled of themes) {
    const excluded = compiled.exclude ? allMatches(compiled.exclude, text) : [];
    const candidates = [
      ...(compiled.pattern ? allMatches(compiled.pattern, text) : []),
      ...(compiled.acronyms ? allMatches(compiled.acronyms, text) : []),
      ...nearMatches(text, compiled),
    ];
    for (const candidate of candidates) {
      if (excluded.some((range) => range.start < candidate.end && candidate.start < range.end)) continue;
      mentions.push({ theme: compiled.theme.id, ...candidate });
    }
  }
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}

function allMatches(pattern: RegExp, text: string): { start: number; end: number; term: string }[] {
  const found: { start: number; end: number; term: string }[] = [];
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index ?? 0;
    found.push({ start, end: start + match[0].length, term: match[0] });
  }
  return found;
}

// Two words within a window of words of each other, in either order.
function nearMatches(text: string, compiled: CompiledTheme): { start: number; end: number; term: string }[] {
  const found: { start: number; end: number; term: string }[] = [];
  for (const near of compiled.near) {
    const firsts = allMatches(near.first, text);
    if (firsts.length === 0) continue;
    const seconds = allMatches(near.second, text);
    for (const first of firsts) {
      for (const second of seconds) {
        const from = Math.min(first.end, second.end);
        const to = Math.max(first.start, second.start);
        const between = to > from ? text.slice(from, to) : '';
        if (/[.;:]/.test(between)) continue;
        const words = between.split(/\s+/).filter(Boolean).length;
        if (words <= near.window) {
          const start = Math.min(first.start, second.start);
          const end = Math.max(first.end, second.end);
          found.push({ start, end, term: text.slice(start, end) });
        }
      }
    }
  }
  return found;
}
