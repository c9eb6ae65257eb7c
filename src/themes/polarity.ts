/**
 * Polarity per theme in a sentence. The sentence is cut into clauses at contrast markers;
 * each clause is scored from the lexicon, with negation flipping what it scopes over; a theme
 * is judged by the clauses it owns (its own clause and the subject-less clauses after it).
 */
import type { PolarityModel } from '../schemas/model.js';
import { termSource } from './taxonomy.js';
import type { Mention } from './match.js';

export type Polarity = 'strength' | 'weakness' | 'neutral';

/** A scored judgement of one theme by one clause group of a sentence. */
export interface ThemeJudgement {
  theme: string;
  polarity: Polarity;
  /** Summed cue weight of the clauses the theme owns (positive = strength). */
  score: number;
  confidence: number;
  /** The words that decided it, verbatim from the sentence. */
  cues: string[];
  /** Offsets (into the sentence) of the first mention of the theme. */
  mention: { start: number; end: number };
}

interface Hit {
  start: number;
  end: number;
  weight: number;
  cue: string;
}

/** A polarity model compiled for scoring. */
export interface CompiledPolarityModel {
  model: PolarityModel;
  /** Lexicon entries by first word (lower-case), longest first, each a sticky pattern. */
  lexiconIndex: Map<string, { pattern: RegExp; key: string }[]>;
  weights: Map<string, number>;
  negators: RegExp;
  contrast: RegExp;
  hedges: RegExp | undefined;
}

const keyOf = (text: string): string => text.toLowerCase().replace(/[\s-]+/g, ' ').replace(/[’]/g, "'");

/** Compiles the lexicon into one pattern (longest entries first, so phrases win over words). */
export function compilePolarityModel(model: PolarityModel): CompiledPolarityModel {
  const weights = new Map<string, number>();
  for (const [entry, weight] of Object.entries(model.words)) weights.set(keyOf(entry), weight);
  for (const [entry, weight] of Object.entries(model.phrases)) weights.set(keyOf(entry), weight);
  const lexiconIndex = new Map<string, { pattern: RegExp; key: string }[]>();
  for (const key of [...weights.keys()].sort((a, b) => b.length - a.length)) {
    const first = key.split(' ')[0]!.replace(/'/g, '');
    const list = lexiconIndex.get(first) ?? [];
    list.push({ pattern: new RegExp(`${termSource(key)}(?![\\w])`, 'iy'), key });
    lexiconIndex.set(first, list);
  }
  const words = (list: readonly string[]) => list.filter((word) => /\w/.test(word)).map(termSource).join('|');
  const markers = model.contrastMarkers.filter((marker) => /\w/.test(marker));
  return {
    model,
    weights,
    lexiconIndex,
    negators: new RegExp(`(?<![\\w])(?:${words(model.negators.filter((word) => word !== "n't"))})(?![\\w])|n't(?![\\w])`, 'gi'),
    contrast: new RegExp(`(?<![\\w])(?:${words(markers)})(?![\\w])|;`, 'gi'),
    hedges: Object.keys(model.hedges).length > 0 ? new RegExp(`(?<![\\w])(?:${words(Object.keys(model.hedges))})(?![\\w])`, 'gi') : undefined,
  };
}

/** A sentence cut into clauses, with lexicon hits and which clauses each theme owns. */
export interface SentenceAnalysis {
  hits: Hit[];
  /** Clause start offsets (the first is 0). */
  boundaries: number[];
  clauseScores: number[];
  clauseCues: string[][];
  /** Clause indexes each mentioned theme owns. */
  owned: Map<string, number[]>;
}

export type { Hit as CueHit };

/**
 * Scores clauses and assigns them to themes; the shared first step of rules and trained model.
 * A sentence that names no theme judges none and is not analysed, unless `scoreUnnamed` asks for
 * its clause scores (a sentence that continues a theme sentence, which a finding may cite).
 */
export function analyseSentence(text: string, mentions: readonly Mention[], compiled: CompiledPolarityModel, scoreUnnamed = false): SentenceAnalysis {
  if (mentions.length === 0 && !scoreUnnamed) return { hits: [], boundaries: [0], clauseScores: [0], clauseCues: [[]], owned: new Map() };
  const hits = findHits(text, compiled);
  const boundaries = clauseBoundaries(text, compiled.contrast);
  const clauseOf = (offset: number): number => clauseIndex(boundaries, offset);
  const clauseCount = boundaries.length;
  const clauseScores = new Array<number>(clauseCount).fill(0);
  const clauseCues: string[][] = Array.from({ length: clauseCount }, () => []);
  for (const hit of hits) {
    const clause = clauseOf(hit.start);
    clauseScores[clause]! += hit.weight;
    clauseCues[clause]!.push(hit.cue);
  }
  // Which themes each clause names.
  const named: Set<string>[] = Array.from({ length: clauseCount }, () => new Set());
  for (const mention of mentions) named[clauseOf(mention.start)]!.add(mention.theme);
  const firstNamed = named.findIndex((themes) => themes.size > 0);

  const ownedByTheme = new Map<string, number[]>();
  for (const theme of new Set(mentions.map((mention) => mention.theme))) {
    const owned: number[] = [];
    for (let clause = 0; clause < clauseCount; clause++) {
      if (!named[clause]!.has(theme)) continue;
      owned.push(clause);
      // Clauses that name no theme continue the subject of the clause before them.
      for (let next = clause + 1; next < clauseCount && named[next]!.size === 0; next++) owned.push(next);
    }
    // Clauses before the first named theme (an opening "Although ...") belong to the themes it opens on.
    if (firstNamed >= 0 && named[firstNamed]!.has(theme)) for (let clause = 0; clause < firstNamed; clause++) owned.push(clause);
    ownedByTheme.set(theme, [...new Set(owned)].sort((a, b) => a - b));
  }
  return { hits, boundaries, clauseScores, clauseCues, owned: ownedByTheme };
}

/** Turns an analysis into judgements: one per theme per polarity its owned clauses carry. */
export function judgeAnalysis(analysis: SentenceAnalysis, mentions: readonly Mention[], model: PolarityModel): ThemeJudgement[] {
  const { clauseScores, clauseCues } = analysis;
  const judgements: ThemeJudgement[] = [];
  for (const [theme, owned] of analysis.owned) {
    const mention = mentions.find((candidate) => candidate.theme === theme)!;
    const seen = new Set<Polarity>();
    for (const clause of owned) {
      const score = clauseScores[clause]!;
      const polarity: Polarity = score >= model.threshold ? 'strength' : score <= -model.threshold ? 'weakness' : 'neutral';
      if (polarity === 'neutral' || seen.has(polarity)) continue;
      seen.add(polarity);
      // The cues that carry the polarity, not those it outweighed ("regularly" in a weakness).
      const sign = polarity === 'strength' ? 1 : -1;
      const cues = analysis.hits.filter((hit) => hit.weight * sign > 0 && clauseIndex(analysis.boundaries, hit.start) === clause).map((hit) => hit.cue);
      judgements.push({ theme, polarity, score, confidence: confidenceOf(score, model), cues, mention: { start: mention.start, end: mention.end } });
    }
    if (seen.size === 0) {
      const cues = owned.flatMap((clause) => clauseCues[clause]!);
      judgements.push({ theme, polarity: 'neutral', score: 0, confidence: 0.5, cues, mention: { start: mention.start, end: mention.end } });
    }
  }
  return judgements;
}

function confidenceOf(score: number, model: PolarityModel): number {
  const value = 1 / (1 + Math.exp(-(model.confidence.slope * Math.abs(score) + model.confidence.intercept)));
  return Math.round(value * 1000) / 1000;
}

// Subordinate clauses introduced after a comma, or by "when"/"where", judge their own subject.
const subordinate = /,\s*(?:for example|for instance|such as|which|who|because|as a result|so that|meaning that|resulting in|leading to)\b|\b(?:when|where|whereby|in order to|to ensure)\b/gi;

/** The clause `offset` lies in: the last clause boundary at or before it (boundaries[0] is 0). */
export function clauseIndex(boundaries: readonly number[], offset: number): number {
  let low = 0;
  let high = boundaries.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (boundaries[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Clause start offsets: 0, then every contrast marker ("but", "however", ";") and subordinate clause. */
function clauseBoundaries(text: string, contrast: RegExp): number[] {
  const boundaries = [0];
  subordinate.lastIndex = 0;
  for (const match of text.matchAll(subordinate)) {
    const at = (match.index ?? 0) + (match[0].startsWith(',') ? 1 : 0);
    if (at > 0) boundaries.push(at);
  }
  contrast.lastIndex = 0;
  for (const match of text.matchAll(contrast)) {
    const at = match.index ?? 0;
    const marker = match[0].toLowerCase();
    // "while" and "yet" only contrast at a clause edge ("..., while ..."), not "while in care".
    if ((marker === 'while' || marker === 'whilst' || marker === 'yet') && at > 0 && !/[,;]\s*$/.test(text.slice(0, at))) continue;
    if (at > 0) boundaries.push(at);
  }
  return [...new Set(boundaries)].sort((a, b) => a - b);
}

/** Lexicon hits, with negation applied: a negated word's weight flips, a bare negator counts on its own. */
function findHits(text: string, compiled: CompiledPolarityModel): Hit[] {
  const { model } = compiled;
  const hits: Hit[] = [];
  let coveredTo = 0;
  for (const word of text.matchAll(/[A-Za-z0-9][A-Za-z0-9'’]*/g)) {
    const start = word.index ?? 0;
    if (start < coveredTo) continue;
    for (const entry of compiled.lexiconIndex.get(word[0].toLowerCase().replace(/['’]/g, '')) ?? []) {
      entry.pattern.lastIndex = start;
      const found = entry.pattern.exec(text);
      if (!found) continue;
      // Entries are longest first, so a phrase wins over the word it starts with. A cue is shown
      // with single spaces, whatever white space the phrase spanned in the text.
      hits.push({ start, end: start + found[0].length, weight: compiled.weights.get(entry.key)!, cue: found[0].replace(/\s+/g, ' ') });
      coveredTo = start + found[0].length;
      break;
    }
  }
  if (compiled.hedges) {
    compiled.hedges.lastIndex = 0;
    for (const match of text.matchAll(compiled.hedges)) {
      const weight = model.hedges[match[0].toLowerCase()] ?? 0;
      const start = match.index ?? 0;
      if (weight !== 0 && !hits.some((hit) => hit.start <= start && start < hit.end)) hits.push({ start, end: start + match[0].length, weight, cue: match[0] });
    }
  }
  compiled.negators.lastIndex = 0;
  const negated = new Set<Hit>();
  const extra: Hit[] = [];
  for (const match of text.matchAll(compiled.negators)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    // A negator inside a lexicon phrase ("not always", "no drift") is already scored.
    if (hits.some((hit) => hit.start <= start && end <= hit.end)) continue;
    const scopeEnd = negationScopeEnd(text, end, model.negationWindow);
    const inScope = hits.filter((hit) => hit.start >= end && hit.start < scopeEnd && !negated.has(hit));
    if (inScope.length === 0) {
      extra.push({ start, end, weight: model.bareNegationWeight, cue: match[0] });
      continue;
    }
    for (const hit of inScope) {
      negated.add(hit);
      hit.weight = -hit.weight;
      hit.cue = `${match[0]} … ${hit.cue}`;
    }
  }
  return [...hits, ...extra].sort((a, b) => a.start - b.start);
}

// Negation reaches a few words, and stops at punctuation or a contrast.
function negationScopeEnd(text: string, from: number, window: number): number {
  const rest = text.slice(from);
  const stop = rest.search(/[,;:.()]|\s(?:but|however|although|and then|which|who|because|so that|as)\s/i);
  const limit = stop === -1 ? rest.length : stop;
  let words = 0;
  const wordPattern = /\S+/g;
  for (const match of rest.slice(0, limit).matchAll(wordPattern)) {
    words++;
    if (words === window) return from + (match.index ?? 0) + match[0].length;
  }
  return from + limit;
}
