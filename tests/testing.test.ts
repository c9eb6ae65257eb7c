/**
 * The practice-themes/testing entry: matchers registered on import, gold loading and scoring,
 * quality floors. Findings used here are the worked examples of ANNOTATION.md that the tagger
 * reproduces on seed 000 (Gateshead 2019).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AssertionError } from 'node:assert';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPracticeThemesError, tagText, type Finding, type Paragraph, type Report } from 'practice-themes';
import { assertFloors, loadGold, scoreAgainstGold } from 'practice-themes/testing';
import { hasCorpus, readSeed, repoRoot } from './helpers/corpus.js';

let report: Report;
beforeAll(() => {
  if (hasCorpus) report = tagText(readSeed('000'));
});

/** The error `run` throws (fails the test when it throws nothing). */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe.skipIf(!hasCorpus)('toHaveFinding on seed 000', () => {
  it('finds the worked examples of ANNOTATION.md', () => {
    expect(report).toHaveFinding({ theme: 'peps', paragraph: '28' });
    expect(report).toHaveFinding({ theme: 'peps', polarity: 'strength', paragraph: '28', sentence: /PEPs\) are smart/ });
    expect(report).toHaveFinding({ theme: 'peps', polarity: 'weakness', paragraph: '28' });
    expect(report).toHaveFinding({ theme: 'camhs', polarity: 'weakness', paragraph: '27' });
    expect(report).toHaveFinding({ theme: 'camhs', polarity: 'strength', paragraph: '27', sentence: 'F-CAMHS' });
    expect(report).toHaveFinding({ theme: 'return_home_interviews', polarity: 'weakness', paragraph: '13', sentence: 'return home interviews needed to be strengthened' });
    expect(report).toHaveFinding({ theme: 'return_home_interviews', polarity: 'strength', paragraph: '13' });
    expect(report).toHaveFinding({ theme: 'supervision', polarity: 'strength', paragraph: '9', sentence: 'clear guidance and direction' });
    expect(report).toHaveFinding({ theme: 'plans', polarity: 'weakness', paragraph: '9' });
    expect(report).toHaveFinding({ theme: 'supervision', polarity: 'weakness', paragraph: '9', sentence: 'Supervision is regular but is not always' });
    expect(report).toHaveFinding({ theme: 'peps', polarity: 'weakness', paragraph: 'improve:4' });
  });

  it('matches a sentence string as a substring, and any field left out', () => {
    expect(report).toHaveFinding({ sentence: 'Corporate parenting is strong.' });
    expect(report).toHaveFinding({ paragraph: '42' });
  });

  it('negates with .not', () => {
    expect(report).not.toHaveFinding({ theme: 'camhs', paragraph: '1' });
    expect(report).not.toHaveFinding({ theme: 'peps', paragraph: '28', sentence: 'knife crime' });
  });

  it('lists the findings of the paragraph asked about when it fails', () => {
    const error = thrown(() => expect(report).toHaveFinding({ theme: 'camhs', paragraph: '28' }));
    expect(error.message).toContain('expected the report to have a finding matching { theme: "camhs", paragraph: "28" }; findings for paragraph 28:');
    expect(error.message).toMatch(/¶28 peps\/strength \(\d\.\d\d\) "Personal education plans \(PEPs\) are smart/);
  });

  it('lists the theme\'s findings when no paragraph is given, and refuses a paragraph that does not exist', () => {
    expect(thrown(() => expect(report).toHaveFinding({ theme: 'peps', polarity: 'neutral' })).message).toMatch(/findings for theme peps:\n {2}¶improve:4 peps\/weakness/);
    // A paragraph the report lacks is refused, with or without .not: it could only match nothing.
    for (const paragraph of ['43', '¶28', '28.']) {
      expect(() => expect(report).toHaveFinding({ paragraph })).toThrow(new RegExp(`^practice-themes: toHaveFinding\\(\\) paragraph "${paragraph.replace('.', '\\.')}" is not a paragraph of this report — its citation ids look like "summary:1"`));
      expect(() => expect(report).not.toHaveFinding({ paragraph })).toThrow(TypeError);
    }
    expect(() => expect(report).not.toHaveFinding({ sentence: '' })).toThrow(/sentence is empty/);
  });

  it('refuses a pattern that could only match everything or nothing, with and without .not', () => {
    const refusals = [
      [{ them: 'peps', paragrph: '28' }, 'does not know "them", "paragrph"'],
      [{ theme: 'PEPs', paragraph: '28' }, 'theme "PEPs" is not a theme id'],
      [{ theme: 'peps', polarity: 'weak', paragraph: '28' }, 'polarity "weak" is not one of'],
      [{ theme: 'peps', paragraph: 28 }, 'paragraph must be a citation id string such as "28"'],
      [{ sentence: 42 }, 'sentence must be a string or a RegExp'],
    ] as const;
    for (const [pattern, message] of refusals) {
      expect(() => expect(report).toHaveFinding(pattern as never)).toThrow(new RegExp(`^practice-themes: toHaveFinding\\(\\) ${message.replace(/[()"]/g, '.')}`));
      expect(() => expect(report).not.toHaveFinding(pattern as never)).toThrow(TypeError);
    }
  });

  it('works as an asymmetric matcher', () => {
    expect({ report }).toEqual({ report: expect.toHaveFinding({ theme: 'peps', paragraph: '28' }) });
    expect({ report }).not.toEqual({ report: expect.toHaveFinding({ theme: 'camhs', paragraph: '1' }) });
  });

  it('shows the matching findings when .not fails', () => {
    expect(thrown(() => expect(report).not.toHaveFinding({ theme: 'peps', paragraph: '28' })).message).toMatch(/not to have a finding matching .* but it has:\n {2}¶28 peps\//);
  });
});

describe('toHaveFinding and toCiteExactly on things that are not reports', () => {
  it('throws a TypeError naming what it got', () => {
    expect(() => expect('a report').toHaveFinding({ theme: 'peps' })).toThrow(new TypeError('practice-themes: toHaveFinding() expects a Report from tagText/tagReport, but got string — call it as expect(report).toHaveFinding(...)'));
    expect(() => expect({ findings: [] }).toCiteExactly()).toThrow(/toCiteExactly\(\) expects a Report from tagText\/tagReport, but got an object with keys findings/);
  });
});

describe.skipIf(!hasCorpus)('toCiteExactly', () => {
  it('passes on a real report', () => {
    expect(report).toCiteExactly();
  });

  it('fails, naming the citation, when a finding no longer slices back', () => {
    const broken: Report = structuredClone(report);
    const finding = broken.findings.find((candidate) => candidate.paragraph === '28')!;
    finding.start += 1;
    const message = thrown(() => expect(broken).toCiteExactly()).message;
    expect(message).toMatch(/^expected every citation to slice back from report\.text, but 1 of \d+ do not:\n {2}finding ¶28 /);
    expect(() => expect(broken).not.toCiteExactly()).not.toThrow();
  });

  it('fails when a finding cites a paragraph the report does not have', () => {
    const broken: Report = structuredClone(report);
    broken.findings[0]!.paragraph = '99';
    expect(thrown(() => expect(broken).toCiteExactly()).message).toContain('cites paragraph "99", which the report does not have');
  });
});

describe('loadGold', () => {
  const folder = mkdtempSync(join(tmpdir(), 'practice-themes-gold-'));
  const write = (name: string, content: string) => {
    const path = join(folder, name);
    writeFileSync(path, content);
    return path;
  };

  it('reads and validates a gold file of the corpus, by path or URL', () => {
    const path = join(repoRoot, 'corpus/gold/000_4cd93a9b524f4123.json');
    const gold = loadGold(path);
    expect(gold.report).toBe('000_4cd93a9b524f4123');
    expect(gold.paragraphs['28']).toContainEqual(['peps', 'weakness']);
    expect(loadGold(pathToFileURL(path))).toEqual(gold);
  });

  it('throws FILE_NOT_FOUND for a missing file', () => {
    const error = thrown(() => loadGold(join(folder, 'missing.json')));
    expect(isPracticeThemesError(error) && error.code).toBe('FILE_NOT_FOUND');
  });

  it('throws INVALID_GOLD for a file that is not JSON', () => {
    const error = thrown(() => loadGold(write('broken.json', '{ "report": ')));
    expect(isPracticeThemesError(error) && error.code).toBe('INVALID_GOLD');
    expect(error.message).toContain('is not JSON');
  });

  it('throws INVALID_GOLD with the zod issues for JSON that is not a gold file', () => {
    const error = thrown(() => loadGold(write('wrong.json', JSON.stringify({ report: 'x', paragraphs: { '1': [['peps', 'great']] } }))));
    expect(isPracticeThemesError(error) && error.code).toBe('INVALID_GOLD');
    expect(isPracticeThemesError(error) && error.issues).toEqual([{ path: ['paragraphs', '1', 0, 1], message: expect.stringContaining('strength') }]);
  });
});

describe('scoreAgainstGold', () => {
  const paragraph = (id: string): Paragraph => ({ id, number: Number(id), numberInferred: false, section: 'section:1', bullet: false, improvementItem: false, start: 0, end: 1, text: 'x', page: null });
  const finding = (paragraphId: string, theme: string, polarity: Finding['polarity']): Finding => ({ theme, polarity, paragraph: paragraphId, sentence: 'x', start: 0, end: 1, confidence: 0.9, cues: [], support: 1, page: null });

  it('scores (paragraph, theme, polarity) pairs per theme, as evaluate does', () => {
    const gold = { report: 'tiny', paragraphs: { '1': [['peps', 'strength']], '2': [['peps', 'weakness']], '3': [] } } as const;
    const tagged = {
      paragraphs: ['1', '2', '3'].map(paragraph),
      // ¶1 right, ¶3 a false alarm, ¶2 missed.
      findings: [finding('1', 'peps', 'strength'), finding('3', 'peps', 'weakness')],
    };
    const score = scoreAgainstGold(tagged, structuredClone(gold) as never);
    expect(score.report).toBe('tiny');
    expect(score.f1).toEqual({ peps: 0.5 });
    expect(score.byTheme.peps).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 });
    expect(score.evaluation.misses).toEqual([expect.objectContaining({ paragraph: '2', theme: 'peps', polarity: 'weakness' })]);
    // A gold that leaves out a paragraph of the report would hide the findings made there.
    expect(() => scoreAgainstGold({ ...tagged, paragraphs: ['1', '2', '3', '4'].map(paragraph) }, structuredClone(gold) as never)).toThrow(/leaves out 1 of the document's 4 paragraphs \("4"\) — list every paragraph/);
  });

  it.skipIf(!hasCorpus)('scores seed 000 against its gold file', () => {
    const score = scoreAgainstGold(report, loadGold(join(repoRoot, 'corpus/gold/000_4cd93a9b524f4123.json')));
    for (const value of Object.values(score.f1)) expect(value).toBeGreaterThanOrEqual(0);
    expect(Object.keys(score.f1)).toEqual(expect.arrayContaining(['peps', 'camhs', 'return_home_interviews', 'plans', 'supervision']));
    expect(score.f1.peps).toBe(score.byTheme.peps!.f1);
  });

  it('throws INVALID_GOLD for a gold that is not one', () => {
    const error = thrown(() => scoreAgainstGold({ findings: [], paragraphs: [] }, { report: 'x' } as never));
    expect(isPracticeThemesError(error) && error.code).toBe('INVALID_GOLD');
  });
});

describe('assertFloors', () => {
  const score = { report: 'r', f1: { peps: 0.9, plans: 0.4, camhs: 0 }, byTheme: {}, evaluation: undefined as never };

  it('passes when every theme reaches its floor', () => {
    expect(() => assertFloors(score, { peps: 0.8, plans: 0.4 })).not.toThrow();
  });

  it('throws an AssertionError listing each theme below its floor, and themes never scored', () => {
    const error = thrown(() => assertFloors(score, { peps: 0.8, plans: 0.6, camhs: 0.5, life_story_work: 0.5 }));
    expect(error).toBeInstanceOf(AssertionError);
    expect(error.message).toMatchInlineSnapshot(`
      "practice-themes: 3 themes are below their F1 floor:
        plans: F1 0.400 < floor 0.6
        camhs: F1 0.000 < floor 0.5
        life_story_work: not scored (neither the gold nor the findings have a pair for it) < floor 0.5"
    `);
    expect(error).toMatchObject({ actual: { plans: 0.4, camhs: 0, life_story_work: null }, expected: { plans: 0.6, camhs: 0.5, life_story_work: 0.5 } });
  });

  it('reads an evaluate() result too', () => {
    const evaluation = scoreAgainstGold({ findings: [], paragraphs: [{ id: '1', text: 'x' }] as Paragraph[] }, { report: 'g', paragraphs: { '1': [['peps', 'strength']] } }).evaluation;
    expect(() => assertFloors(evaluation, { peps: 0.1 })).toThrow(/peps: F1 0\.000 < floor 0\.1/);
  });

  it('throws a TypeError naming what it got when given no scores', () => {
    expect(() => assertFloors(null as never, { peps: 0.5 })).toThrow(new TypeError('practice-themes: assertFloors() expects the result of scoreAgainstGold() or evaluate(), got null'));
  });

  it('refuses a floor outside 0-1 as INVALID_OPTIONS', () => {
    const error = thrown(() => assertFloors(score, { peps: 2 }));
    expect(isPracticeThemesError(error) && error.code).toBe('INVALID_OPTIONS');
  });
});
