/**
 * The worked examples of ../shared/ANNOTATION.md, on the seed reports they come from.
 * These paragraphs are in the shipped model's training data: this pins behaviour, it does not
 * measure generalisation (tests/train/floors.test.ts does, leave-one-report-out).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tagText, type Report } from 'practice-themes';
import { readSeed } from '../helpers/corpus.js';

const pairs = (report: Report, paragraph: string, theme: string) =>
  report.findings
    .filter((finding) => finding.paragraph === paragraph && finding.theme === theme)
    .map((finding) => finding.polarity)
    .sort();

describe('Gateshead 2019 (seed 000)', () => {
  let report: Report;
  beforeAll(() => {
    report = tagText(readSeed('000'));
  });

  it('¶9: supervision is both a strength and a weakness, plans a weakness', () => {
    expect(pairs(report, '9', 'supervision')).toEqual(['strength', 'weakness']);
    expect(pairs(report, '9', 'plans')).toEqual(['weakness']);
  });

  it('¶13: return home interviews are both a weakness and (after the inspection) a strength', () => {
    expect(pairs(report, '13', 'return_home_interviews')).toEqual(['strength', 'weakness']);
  });

  it('¶27: CAMHS is both a weakness and a strength', () => {
    expect(pairs(report, '27', 'camhs')).toEqual(['strength', 'weakness']);
  });

  it('¶28: PEPs are smart, but their return lags: strength and weakness', () => {
    expect(pairs(report, '28', 'peps')).toEqual(['strength', 'weakness']);
  });
});

describe('North Tyneside 2020 (seed 002)', () => {
  it('life-story work named as a key priority for development is a weakness', () => {
    const report = tagText(readSeed('002'));
    const paragraph = report.paragraphs.find((candidate) => /Life-story work has been identified as a key priority area for development/.test(candidate.text));
    expect(paragraph).toBeDefined();
    expect(pairs(report, paragraph!.id, 'life_story_work')).toContain('weakness');
    expect(pairs(report, paragraph!.id, 'life_story_work')).not.toContain('strength');
  });
});
