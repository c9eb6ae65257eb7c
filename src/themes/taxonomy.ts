/**
 * Taxonomy loading: validate with zod, merge user extensions, compile terms to patterns.
 */
import defaultTaxonomyJson from '../../models/taxonomy.json';
import { PracticeThemesError, validationError } from '../errors.js';
import { firstWordOf, taxonomySchema, type Taxonomy, type TaxonomyInput, type Theme, type ThemeInput } from '../schemas/taxonomy.js';

/** The six themes every release is measured on. */
export const coreThemeIds = ['supervision', 'plans', 'life_story_work', 'return_home_interviews', 'camhs', 'peps'] as const;
/** The id of one of the six core themes. */
export type CoreThemeId = (typeof coreThemeIds)[number];

/** Validates a taxonomy; throws INVALID_TAXONOMY naming the first problem. */
export function parseTaxonomy(value: unknown): Taxonomy {
  const parsed = taxonomySchema.safeParse(value);
  if (!parsed.success) {
    throw validationError('INVALID_TAXONOMY', 'taxonomy', parsed.error.issues, 'see models/taxonomy.json in the package for the expected shape', value);
  }
  return parsed.data;
}

let defaultTaxonomyCache: Taxonomy | undefined;

/** The default taxonomy shipped in models/taxonomy.json (validated on first use). */
export function defaultTaxonomy(): Taxonomy {
  defaultTaxonomyCache ??= parseTaxonomy(defaultTaxonomyJson);
  return defaultTaxonomyCache;
}

/**
 * Adds themes to (or replaces themes of) a base taxonomy. A theme with an existing id
 * replaces it; an entry of `extendThemes` adds terms, acronyms or exclusions to an existing theme instead.
 */
export function extendTaxonomy(base: Taxonomy, extra: { themes?: ThemeInput[]; extendThemes?: { id: string; terms?: string[]; acronyms?: string[]; exclude?: string[] }[] }): Taxonomy {
  const themes = new Map<string, Theme | ThemeInput>(base.themes.map((theme) => [theme.id, theme]));
  for (const theme of extra.themes ?? []) themes.set(theme.id, theme);
  for (const extension of extra.extendThemes ?? []) {
    const theme = themes.get(extension.id);
    if (!theme) {
      throw validationError('INVALID_TAXONOMY', 'taxonomy extension', [{ path: ['extendThemes', extension.id], message: `no theme "${extension.id}" to extend` }], `use one of: ${[...themes.keys()].join(', ')}`);
    }
    themes.set(extension.id, {
      ...theme,
      terms: [...(theme.terms ?? []), ...(extension.terms ?? [])],
      acronyms: [...(theme.acronyms ?? []), ...(extension.acronyms ?? [])],
      exclude: [...(theme.exclude ?? []), ...(extension.exclude ?? [])],
    });
  }
  return parseTaxonomy({ ...base, themes: [...themes.values()] } satisfies TaxonomyInput);
}

/** What a term index entry signals at a word: a theme's term, exclusion, or one word of a near pattern. */
export interface IndexedTerm {
  theme: number;
  kind: 'term' | 'acronym' | 'exclude' | 'near-first' | 'near-second';
  /** Which near pattern of the theme, for near words. */
  near?: number;
  /** Sticky pattern tested at the word's start. */
  pattern: RegExp;
}

/** Terms by their first word, so matching tests at each word only the terms that can start there. */
export interface TermIndex {
  themes: readonly Theme[];
  /** Lower-cased first word (apostrophes removed) → entries. */
  words: Map<string, IndexedTerm[]>;
  /** First words ending in "*", bucketed by their first three letters: [prefix, entries]. */
  prefixes: Map<string, [string, IndexedTerm[]][]>;
  /** Case-sensitive acronyms → entries. */
  acronyms: Map<string, IndexedTerm[]>;
  /** Length of the shortest first word or acronym: shorter words of the text cannot start a term. */
  shortestWord: number;
}

/** Compiles a taxonomy's terms, exclusions, acronyms and near-words into a first-word index, once per tagger. */
export function indexTerms(taxonomy: Taxonomy): TermIndex {
  const themes = taxonomy.themes;
  const words = new Map<string, IndexedTerm[]>();
  const prefixes = new Map<string, IndexedTerm[]>();
  const acronyms = new Map<string, IndexedTerm[]>();
  const add = (term: string, entry: Omit<IndexedTerm, 'pattern'>, flags: string) => {
    const pattern = new RegExp(`(?:${entry.kind === 'acronym' ? escape(term) : termSource(term)})(?![\\w])`, flags);
    if (entry.kind === 'acronym') {
      const list = acronyms.get(term) ?? [];
      list.push({ ...entry, pattern });
      acronyms.set(term, list);
      return;
    }
    const first = firstWordOf(term).toLowerCase().replace(/'/g, '');
    if (first.endsWith('*') && first.length < 4) {
      throw new PracticeThemesError('INVALID_TAXONOMY', `term "${term}" starts with a wildcard word shorter than three letters — write at least three letters before "*"`);
    }
    const target = first.endsWith('*') ? prefixes : words;
    const key = first.replace(/\*$/, '');
    const list = target.get(key) ?? [];
    list.push({ ...entry, pattern });
    target.set(key, list);
  };
  themes.forEach((theme, index) => {
    refuseExclusionsInsideTerms(theme);
    for (const term of theme.terms) add(term, { theme: index, kind: 'term' }, 'iy');
    for (const term of theme.exclude) add(term, { theme: index, kind: 'exclude' }, 'iy');
    for (const term of theme.acronyms) add(term, { theme: index, kind: 'acronym' }, 'y');
    theme.near.forEach((near, position) => {
      add(near.words[0], { theme: index, kind: 'near-first', near: position }, 'iy');
      add(near.words[1], { theme: index, kind: 'near-second', near: position }, 'iy');
    });
  });
  const buckets = new Map<string, [string, IndexedTerm[]][]>();
  for (const [prefix, list] of prefixes) {
    // A prefix shorter than three letters would need every bucket; none of the taxonomy's is.
    const bucket = buckets.get(prefix.slice(0, 3)) ?? [];
    bucket.push([prefix, list]);
    buckets.set(prefix.slice(0, 3), bucket);
  }
  const lengths = [...words.keys(), ...prefixes.keys(), ...acronyms.keys()].map((key) => key.replace(/['’]/g, '').length);
  return { themes, words, prefixes: buckets, acronyms, shortestWord: Math.max(1, Math.min(...lengths)) };
}

/**
 * Exclusions remove every term they overlap, so an exclusion found inside a term itself (both
 * "kinship care", or "care" in "kinship care") removes that term wherever it occurs: the term
 * could never be found. Almost surely a slip, so it is refused rather than left silent.
 */
function refuseExclusionsInsideTerms(theme: Theme): void {
  const exclusions = theme.exclude.map((exclusion) => ({ exclusion, inside: new RegExp(`(?<![\\w])(?:${termSource(exclusion)})(?![\\w])`, 'i') }));
  for (const term of theme.terms) {
    const wildcard = term.endsWith('*');
    const text = (wildcard ? term.slice(0, -1) : term).trim();
    // A wildcard term also finds longer words ("plan*": "plans"); the exclusion must match those too.
    const forms = wildcard ? [text, `${text}zz`] : [text];
    for (const { exclusion, inside } of exclusions) {
      if (forms.every((form) => inside.test(form))) {
        throw new PracticeThemesError('INVALID_TAXONOMY', `theme "${theme.id}": exclusion "${exclusion}" is found inside its own term "${term}", so that term could never be found — remove the exclusion, or make it a longer phrase than the term`);
      }
    }
  }
}

/** "life-story work*" → life[\s-]+story[\s-]+work\w*; apostrophes optional; hyphen = space. */
export function termSource(term: string): string {
  const wildcard = term.endsWith('*');
  const body = (wildcard ? term.slice(0, -1) : term).trim();
  const source = body
    .split(/[\s-]+/)
    .map((word) => escape(word).replace(/'/g, "'?"))
    .join('[\\s-]+');
  return wildcard ? `${source}[\\w'-]*` : source;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
