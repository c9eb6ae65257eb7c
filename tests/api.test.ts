/**
 * The public API: the exact export list of each entry, and the options that choose themes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as main from 'practice-themes';
import * as testing from 'practice-themes/testing';
import { createTagger, tagText, type Report } from 'practice-themes';
import { hasCorpus, readSeed } from './helpers/corpus.js';

describe('exports', () => {
  it('of practice-themes', () => {
    expect(Object.keys(main).sort()).toMatchInlineSnapshot(`
      [
        "PracticeThemesError",
        "coreThemeIds",
        "createTagger",
        "defaultTaxonomy",
        "errorCodes",
        "evaluate",
        "extendTaxonomy",
        "formatComparison",
        "formatEvaluation",
        "formatMessages",
        "goldSchema",
        "isPracticeThemesError",
        "libraryVersion",
        "lineColumn",
        "originOf",
        "parseTaxonomy",
        "polarityModelSchema",
        "sliceSpan",
        "tagOptionsSchema",
        "tagReport",
        "tagText",
        "taxonomySchema",
        "themeSchema",
      ]
    `);
  });

  it('of practice-themes/testing', () => {
    expect(Object.keys(testing).sort()).toMatchInlineSnapshot(`
      [
        "assertFloors",
        "loadGold",
        "scoreAgainstGold",
      ]
    `);
  });

  it('lists every error code once', () => {
    expect(new Set(main.errorCodes).size).toBe(main.errorCodes.length);
  });

  it('names the six core themes, all in the default taxonomy', () => {
    expect(main.coreThemeIds).toEqual(['supervision', 'plans', 'life_story_work', 'return_home_interviews', 'camhs', 'peps']);
    const themes = main.defaultTaxonomy().themes;
    expect(themes.filter((theme) => theme.core).map((theme) => theme.id)).toEqual([...main.coreThemeIds]);
  });
});

describe.skipIf(!hasCorpus)('choosing themes on seed 000', () => {
  const familyTime = { id: 'family_time', label: 'Family time', terms: ['family time'] };
  let text: string;
  let full: Report;
  beforeAll(() => {
    text = readSeed('000');
    full = tagText(text);
  });

  it('themes: ["peps"] returns only the peps findings of the full report', () => {
    const report = createTagger({ themes: ['peps'] }).tagText(text);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(new Set(report.findings.map((finding) => finding.theme))).toEqual(new Set(['peps']));
    expect(report.findings).toEqual(full.findings.filter((finding) => finding.theme === 'peps'));
    expect(report.summary.map((summary) => summary.theme)).toEqual(['peps']);
    // Structure does not depend on the theme filter.
    expect(report.paragraphs).toEqual(full.paragraphs);
  });

  it('extraThemes adds a theme that then appears in the findings (¶42: "known as family time")', () => {
    const report = createTagger({ extraThemes: [familyTime] }).tagText(text);
    expect(report.findings.filter((finding) => finding.theme === 'family_time').map((finding) => [finding.paragraph, finding.sentence])).toEqual([
      ['42', 'For example, young people have been effective in changing the name of the contact centre and contact time to be known as family time.'],
    ]);
    expect(report.summary.find((summary) => summary.theme === 'family_time')).toMatchObject({ label: 'Family time' });
    expect(full.findings.some((finding) => finding.theme === 'family_time')).toBe(false);
  });

  it('extraThemes with themes: [...] may select the added theme', () => {
    const report = createTagger({ extraThemes: [familyTime], themes: ['family_time'] }).tagText(text);
    expect(report.findings.map((finding) => [finding.paragraph, finding.theme])).toEqual([['42', 'family_time']]);
  });

  it('a custom taxonomy replaces the default one with classifier: "rules"', () => {
    const taxonomy = {
      format: 1,
      name: 'contact-and-leaders',
      version: '2.3.4',
      themes: [familyTime, { id: 'senior_leaders', label: 'Senior leaders', terms: ['senior leader*'] }],
    };
    const tagger = createTagger({ taxonomy, classifier: 'rules' });
    expect(tagger.taxonomy.themes.map((theme) => theme.id)).toEqual(['family_time', 'senior_leaders']);
    const report = tagger.tagText(text);
    expect(report.metadata.taxonomy).toBe('2.3.4');
    expect(new Set(report.findings.map((finding) => finding.theme))).toEqual(new Set(['family_time', 'senior_leaders']));
    expect(report.findings).toContainEqual(expect.objectContaining({ theme: 'family_time', paragraph: '42' }));
    expect(report.findings).toContainEqual(expect.objectContaining({ theme: 'senior_leaders', polarity: 'weakness', paragraph: '34', sentence: expect.stringMatching(/^Senior leaders recognised that the disabled children's service was not good enough/) }));
  });

  it('minConfidence drops findings below it, and includeNeutral: false drops neutral findings', () => {
    const confident = createTagger({ minConfidence: 0.9 }).tagText(text);
    expect(confident.findings.every((finding) => finding.confidence >= 0.9)).toBe(true);
    expect(confident.findings).toEqual(full.findings.filter((finding) => finding.confidence >= 0.9));
    const judged = createTagger({ includeNeutral: false, taxonomy: { format: 1, name: 'x', version: '1', themes: [{ id: 'senior_leaders', label: 'Senior leaders', terms: ['senior leader*'] }] }, classifier: 'rules' }).tagText(text);
    expect(judged.findings.length).toBeGreaterThan(0);
    expect(judged.findings.filter((finding) => finding.polarity === 'neutral')).toEqual([]);
  });
});

describe('many calls with options', () => {
  it('tags with a new tagger per call 40 times in one process', () => {
    // Each tagger used to load its own wink-nlp model; the 21st threw RangeError (out of memory).
    // Taggers now share one sentence splitter per thread.
    for (let call = 0; call < 40; call++) {
      expect(tagText('1. Supervision is regular and reflective.', { minConfidence: 0.5 }).paragraphs).toHaveLength(1);
    }
  }, 120_000);
});

describe('terms with punctuation after their first word', () => {
  it('match: "education, employment or training" is found (it was looked up as "education," and never was)', () => {
    const tagger = createTagger({ extraThemes: [{ id: 'neet', label: 'In education, employment or training', terms: ['education, employment or training'] }], themes: ['neet'], classifier: 'rules', minConfidence: 0 });
    const report = tagger.tagText('1. Too few care leavers are in education, employment or training.');
    expect(report.findings.map(({ theme, polarity }) => [theme, polarity])).toEqual([['neet', 'weakness']]);
  });
});

describe('cues', () => {
  it('are shown with single spaces, whatever white space the phrase spans in the text', () => {
    const report = tagText('1. Supervision is not\talways regular, and plans are not\n always up to date.', { minConfidence: 0 });
    const cues = report.findings.flatMap((finding) => finding.cues);
    expect(cues).toContain('not always');
    expect(cues.filter((cue) => /\s{2}|[\t\n]/.test(cue))).toEqual([]);
  });
});
