/**
 * What a finding rests on. "When the evidence is thin, prefer saying less": a strength or weakness
 * that nothing in the text speaks for (no evaluative cue, and no word the model weighs that way)
 * is not reported. And the cited sentence is one that carries the judgement, even when it judges
 * the theme without naming it.
 */
import { describe, expect, it } from 'vitest';
import { tagText } from 'practice-themes';
import { hasCorpus, readPdf, readSeed } from '../helpers/corpus.js';

const heading = "Inspection of Anytown local authority children's services\n\n";
const judged = (sentence: string) => tagText(`${heading}1. ${sentence}\n`).findings.map((finding) => `${finding.theme}/${finding.polarity}`);

describe('judgements without evidence', () => {
  it('a plain shortfall is a weakness only, not also a strength from the theme\'s prior', () => {
    expect(judged('Not all PEPs are timely.')).toEqual(['peps/weakness']);
    expect(judged('PEPs are not all timely.')).toEqual(['peps/weakness']);
  });

  it.skipIf(!hasCorpus)('every strength and weakness found in the seeds carries at least one cue', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      const cueless = tagText(readSeed(seed)).findings.filter((finding) => finding.polarity !== 'neutral' && finding.cues.length === 0);
      expect(cueless.map((finding) => `${seed} ¶${finding.paragraph} ${finding.theme}/${finding.polarity}`)).toEqual([]);
    }
  });
});

describe.skipIf(!hasCorpus)('citing a sentence that judges a theme without naming it', () => {
  it('birmingham-2016 ¶61: the PEPs weakness cites "A small number require improvement…", not the praise before it', async () => {
    const { tagReport } = await import('practice-themes');
    const report = await tagReport(readPdf('birmingham-2016.pdf'));
    const finding = report.findings.find((candidate) => candidate.paragraph === '61' && candidate.theme === 'peps' && candidate.polarity === 'weakness');
    expect(finding?.sentence).toMatch(/^A small number require improvement because target setting was too simplistic/);
    expect(finding?.cues).toContain('require improvement');
    expect(report.text.slice(finding!.start, finding!.end)).toBe(finding!.sentence);
  });

  it('havering-2024 ¶50: a theme sentence holding a cue of the polarity is cited before a sentence about something else', async () => {
    const { tagReport } = await import('practice-themes');
    const report = await tagReport(readPdf('havering-2024.pdf'));
    for (const theme of ['plans', 'supervision']) {
      const finding = report.findings.find((candidate) => candidate.paragraph === '50' && candidate.theme === theme && candidate.polarity === 'weakness');
      expect(finding?.sentence, theme).toMatch(/there is limited evidence of effective supervision progressing plans/);
      expect(finding?.cues).toEqual(['limited']);
    }
    // ¶34: the concession is the strength, the rest of its sentence the weakness; each shows only its own cues.
    const of34 = (polarity: string) => report.findings.find((candidate) => candidate.paragraph === '34' && candidate.theme === 'plans' && candidate.polarity === polarity);
    expect(of34('strength')).toMatchObject({ sentence: expect.stringMatching(/^Although most plans are regularly reviewed/), cues: ['regularly'] });
    expect(of34('weakness')?.cues).not.toContain('regularly');
  });

  it('blackpool-2023 ¶22: a praise word a negation denies is not cited as a strength', async () => {
    const { tagReport } = await import('practice-themes');
    const report = await tagReport(readPdf('blackpool-2023.pdf'));
    const strength = report.findings.find((candidate) => candidate.paragraph === '22' && candidate.theme === 'peps' && candidate.polarity === 'strength');
    expect(strength?.sentence).not.toMatch(/do not always have clearly defined targets/);
  });
});
