/**
 * Candidate (paragraph, theme) pairs and their interpretable features: the terms that matched,
 * the lexicon cues in the clauses the theme owns (after negation), the words of those clauses
 * (NOT_-marked inside a negation's scope), contrast position, the paragraph's role and the grade of
 * its judgement section.
 */
import { groupBy } from '../_internal/group-by.js';
import type { Sentence } from '../sentences/split.js';
import type { Paragraph, Section } from '../structure/index.js';
import { gradeKeyOf, type GradeKey } from '../structure/metadata.js';
import type { Mention } from './match.js';
import { clauseIndex, type SentenceAnalysis, type ThemeJudgement } from './polarity.js';
import { coreThemeIds } from './taxonomy.js';

/** One sentence of a paragraph, with what the theme stage found in it. */
export interface AnalysedSentence {
  sentence: Sentence;
  mentions: Mention[];
  analysis: SentenceAnalysis;
  judgements: ThemeJudgement[];
}

/** A theme a paragraph may speak about, with its features and its evidence sentences. */
export interface Candidate {
  paragraph: Paragraph;
  theme: string;
  features: Map<string, number>;
  /** Sentences of the paragraph that mention the theme, in order. */
  evidence: AnalysedSentence[];
  /**
   * Sentences that name no theme and directly follow an evidence sentence: they may carry the
   * judgement ("A small number require improvement"), so a finding may cite one. They are not
   * analysed (a sentence naming no theme judges none) and no feature reads them.
   */
  continuations: AnalysedSentence[];
}

const coreThemes = new Set<string>(coreThemeIds);

// Function words carry no judgement; quantifiers ("most", "some", "all") are kept on purpose.
const stopWords = new Set(
  'the a an of to and in for is are be been being with that this these those on by as at from it its their they them which has have had was were or who whom also there than into over such'.split(' '),
);

const normalise = (text: string): string => text.toLowerCase().replace(/[’']/g, "'").replace(/[\s-]+/g, ' ').trim();

/**
 * Groups a paragraph's analysed sentences into candidates, one per theme mentioned. `sections`
 * gives the grade of the judgement section each paragraph sits in, where the report prints one.
 */
export function buildCandidates(paragraphs: readonly Paragraph[], analysed: readonly AnalysedSentence[], sections: readonly Section[] = []): Candidate[] {
  const byParagraph = groupBy(analysed, (entry) => entry.sentence.paragraph);
  const gradeOf = new Map(sections.map((section) => [section.id, section.grade && gradeBand(section.grade)]));
  const candidates: Candidate[] = [];
  for (const paragraph of paragraphs) {
    const sentences = byParagraph.get(paragraph.id) ?? [];
    const themes = [...new Set(sentences.flatMap((entry) => entry.mentions.map((mention) => mention.theme)))];
    for (const theme of themes) {
      const evidence = sentences.filter((entry) => entry.mentions.some((mention) => mention.theme === theme));
      const continuations = sentences.filter((entry, index) => entry.mentions.length === 0 && index > 0 && evidence.includes(sentences[index - 1]!));
      const features = featuresOf(paragraph, theme, sentences);
      // The grade the report gives the judgement section a paragraph sits in is each theme's
      // prior for how it is judged there (leave-one-report-out core pair F1 0.796 -> 0.805).
      const grade = gradeOf.get(paragraph.section);
      if (grade) features.set(`${theme}|grade=${grade}`, 1);
      candidates.push({ paragraph, theme, evidence, continuations, features });
    }
  }
  return candidates;
}

// Section grades in three bands, good and outstanding together (the feature as trained).
const gradeBands: Record<GradeKey, string> = { outstanding: 'good-or-better', good: 'good-or-better', requires_improvement: 'requires-improvement', inadequate: 'inadequate' };

function gradeBand(printed: string): string | undefined {
  const key = gradeKeyOf(printed);
  return key ? gradeBands[key] : undefined;
}

function featuresOf(paragraph: Paragraph, theme: string, sentences: readonly AnalysedSentence[]): Map<string, number> {
  const features = new Map<string, number>();
  // Features are binary unless a value is given; a value keeps the largest seen.
  const set = (name: string, value?: number) => {
    if (value === undefined) features.set(name, 1);
    else features.set(name, Math.max(features.get(name) ?? 0, value));
  };
  set('bias');
  set(`theme=${theme}`);
  const core = coreThemes.has(theme);
  if (paragraph.improvementItem) set('role=improvement-item');
  else if (paragraph.id.startsWith('summary:')) set('role=summary');
  else if (paragraph.bullet) set('role=bullet');
  let positive = 0;
  let negative = 0;
  let mentions = 0;
  sentences.forEach((entry) => {
    const owned = entry.analysis.owned.get(theme);
    if (!owned) return;
    const text = entry.sentence.text;
    const { boundaries } = entry.analysis;
    const inOwned = (offset: number) => owned.includes(clauseIndex(boundaries, offset));
    const themeMentions = entry.mentions.filter((mention) => mention.theme === theme);
    for (const mention of themeMentions) {
      mentions++;
      set(`term=${theme}:${normalise(mention.term)}`);
      // The words around a mention tell a judged plan from a cohort label ("subject to a plan").
      for (const word of contextWords(text, mention.start, mention.end)) set(`ctx:${theme}=${word}`);
      // Is the theme what its clause is about (named in its first words), or named in passing?
      const clauseStart = boundaries[clauseIndex(boundaries, mention.start)]!;
      if (atMostWords(text, clauseStart, mention.start, 4)) set('topic');
    }
    if (themeMentions.length < entry.mentions.length) set('shares-sentence');
    if (owned[0]! > 0) set('after-contrast');
    for (const hit of entry.analysis.hits) {
      if (!inOwned(hit.start)) continue;
      // Evaluative words right next to the theme judge it; far away they may judge something else.
      const near = themeMentions.some((mention) => atMostWords(text, Math.min(mention.end, hit.end), Math.max(mention.start, hit.start), 5));
      if (near) set(hit.weight > 0 ? 'cue-near+' : 'cue-near-');
      if (hit.weight > 0) positive += hit.weight;
      else negative -= hit.weight;
      const negated = hit.cue.includes('…');
      const word = normalise(hit.cue.split('…').pop() ?? hit.cue);
      set(`${negated ? 'negated' : 'cue'}${hit.weight > 0 ? '+' : '-'}=${word}`);
    }
    for (const judgement of entry.judgements) if (judgement.theme === theme) set(`rule=${judgement.polarity}`);
    // Words of the owned clauses, NOT_-marked after a negator until punctuation.
    // Each word also as a theme-specific copy: "inform" judges plans, not supervision
    // (leave-one-report-out core pair F1 0.780 -> 0.793).
    for (const word of wordsOf(entry)) {
      if (!inOwned(word.start)) continue;
      set(word.feature);
      if (core) set(`${theme}|${word.feature}`);
    }
  });
  set('score+', Math.log1p(positive));
  set('score-', Math.log1p(negative));
  set('mentions', Math.log1p(mentions));
  // Theme-specific copies of the summary features let each theme keep its own base rates.
  for (const name of ['topic', 'cue-near+', 'cue-near-', 'after-contrast', 'shares-sentence', 'rule=strength', 'rule=weakness', 'rule=neutral', 'role=summary', 'role=bullet', 'score+', 'score-']) {
    const value = features.get(name);
    if (value !== undefined) features.set(`${theme}|${name}`, value);
  }
  return features;
}

interface ClauseWord {
  start: number;
  feature: string;
}

// A sentence is tokenised once, however many themes it names.
const sentenceWords = new WeakMap<AnalysedSentence, ClauseWord[]>();

/** Content words of a sentence as features ("w=timely", "NOT_w=effective"), with their offsets. */
function wordsOf(entry: AnalysedSentence): ClauseWord[] {
  const cached = sentenceWords.get(entry);
  if (cached) return cached;
  const words: ClauseWord[] = [];
  const { boundaries } = entry.analysis;
  let negating = 0;
  let clause = 0;
  for (const match of entry.sentence.text.toLowerCase().matchAll(/[a-z][a-z'-]*|[,;:.]/g)) {
    const token = match[0];
    const start = match.index ?? 0;
    // Negation scope ends at punctuation and at a clause edge.
    while (clause + 1 < boundaries.length && boundaries[clause + 1]! <= start) {
      clause++;
      negating = 0;
    }
    if (token.length === 1 && ',;:.'.includes(token)) {
      negating = 0;
      continue;
    }
    if (token === 'not' || token === 'no' || token === 'never' || token === 'without' || token.endsWith("n't")) {
      negating = 4;
      continue;
    }
    if (token.length > 2 && !stopWords.has(token)) words.push({ start, feature: `${negating > 0 ? 'NOT_' : ''}w=${token}` });
    if (negating > 0) negating--;
  }
  sentenceWords.set(entry, words);
  return words;
}

/**
 * Whether `text[from, to)` holds at most `most` words, counted without copying and stopping at
 * the first word too many (this runs for every cue and mention pair, in sentences of any length).
 */
export function atMostWords(text: string, from: number, to: number, most: number): boolean {
  let words = 0;
  let inWord = false;
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    const space = code === 32 || code === 10 || code === 9 || code === 13;
    if (!space && !inWord && ++words > most) return false;
    inWord = !space;
  }
  return true;
}

/** Up to three content words either side of a mention, marked L or R. */
function contextWords(text: string, start: number, end: number): string[] {
  const words = (part: string) => (part.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []).filter((word) => !stopWords.has(word));
  return [...words(text.slice(Math.max(0, start - 40), start)).slice(-3).map((word) => `L:${word}`), ...words(text.slice(end, end + 40)).slice(0, 3).map((word) => `R:${word}`)];
}
