/**
 * The taxonomy format: themes and the terms that signal them. Models are data, validated here.
 */
import { z } from 'zod';

export const themeId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'theme ids are lower_snake_case, e.g. "life_story_work"');

/**
 * The word a term is looked up by among the words of the text: its first word (up to a space or
 * hyphen), without a comma, colon, semicolon or full stop after it ("education, health and care
 * plan*" is found at "education").
 */
export const firstWordOf = (phrase: string): string => (phrase.trim().split(/[\s-]+/)[0] ?? '').replace(/[,;:.]+$/, '');

// The words of the text are runs of ASCII letters, digits and apostrophes. A term whose first
// word is anything else ("C++", "(CIN)", "S.47", "A&E") would silently never match, so it is refused.
const matchablePhrase = z
  .string()
  .min(1)
  .refine((phrase) => /^[A-Za-z0-9][A-Za-z0-9'’]*\*?$/.test(firstWordOf(phrase)), {
    message: 'a term must start with a word of letters, digits and apostrophes, which is how matching finds it (not "C++", "(CIN)", "S.47" or "A&E": write "CIN", "S47")',
  });
// An acronym is matched as one whole word of the text, case-sensitively.
const matchableAcronym = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9'’]*$/, 'an acronym is one word of letters, digits and apostrophes, matched whole and case-sensitively ("CIN", "RHIs", "PEP\'s")');

/** Two words that signal a theme when they occur within `window` words of each other. */
export const nearPatternSchema = z.object({
  words: z.tuple([matchablePhrase, matchablePhrase]),
  window: z.number().int().min(1).max(20).default(5),
});

/** One theme of a taxonomy. */
export const themeSchema = z.object({
  id: themeId,
  label: z.string().min(1),
  description: z.string().default(''),
  /** Core themes are the six the library is measured on; the rest extend coverage. */
  core: z.boolean().default(false),
  /** Phrases, case-insensitive; "-" and " " match each other; a trailing "*" continues the word. */
  terms: z.array(matchablePhrase).default([]),
  /** Case-sensitive forms such as "PEP", "RHIs", "CAMHS". */
  acronyms: z.array(matchableAcronym).default([]),
  near: z.array(nearPatternSchema).default([]),
  /** Phrases that cancel a match they overlap ("supervising social worker" is not supervision). */
  exclude: z.array(matchablePhrase).default([]),
});

/** A whole taxonomy file (models/taxonomy.json is the default one). */
export const taxonomySchema = z
  .object({
    format: z.literal(1),
    name: z.string().min(1),
    version: z.string().min(1),
    themes: z.array(themeSchema).min(1),
  })
  .superRefine((taxonomy, context) => {
    flagDuplicateIds(taxonomy.themes, context, ['themes']);
    taxonomy.themes.forEach((theme, index) => {
      if (theme.terms.length + theme.acronyms.length + theme.near.length === 0) {
        context.addIssue({ code: 'custom', message: `theme "${theme.id}" has no terms, acronyms or near patterns, so it can never match`, path: ['themes', index] });
      }
    });
  });

/** Adds an issue at each theme whose id an earlier theme of the list already has. */
export function flagDuplicateIds(themes: readonly { id: string }[], context: z.RefinementCtx, path: PropertyKey[] = []): void {
  const seen = new Set<string>();
  themes.forEach((theme, index) => {
    if (seen.has(theme.id)) context.addIssue({ code: 'custom', message: `duplicate theme id "${theme.id}"`, path: [...path, index, 'id'] });
    seen.add(theme.id);
  });
}

/** A theme of a taxonomy, with defaults filled in. */
export type Theme = z.infer<typeof themeSchema>;
/** A whole taxonomy (`models/taxonomy.json` or your own), validated by `taxonomySchema`. */
export type Taxonomy = z.infer<typeof taxonomySchema>;
/** What a user may write: defaults may be left out. */
export type TaxonomyInput = z.input<typeof taxonomySchema>;
/** A theme as a user may write it: defaults may be left out. */
export type ThemeInput = z.input<typeof themeSchema>;
