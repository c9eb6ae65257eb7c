/**
 * Structure recovered from the five seed texts: the paragraphs a reader cites, by the numbers the
 * report prints (ANNOTATION.md "Unit"), with page furniture left out of their text.
 *
 * How citation ids work:
 * - Ofsted reports: a numbered paragraph is cited by its printed number ("27"). Text before
 *   paragraph 1 is cited by section and position: "summary:2", "improve:3" (the "What needs to
 *   improve" bullets). When OCR loses a number, it is inferred from its neighbours
 *   (`numberInferred: true`) and an info message `paragraph-number-recovered` says so.
 * - Council papers: a numbered paragraph (or a numbered heading, "## 16. ...") is cited as "N".
 *   Unnumbered paragraphs, bullets and quotations after it are "N.1", "N.2", ... in order.
 *   A printed number that appears a second time is cited "N(2)" (its followers "N(2).1", ...),
 *   with a `paragraph-number-repeated` warning, so every id stays unique.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tagText, type Paragraph, type Report } from 'practice-themes';
import { hasCorpus, readSeed } from '../helpers/corpus.js';

const reports = new Map<string, Report>();
const report = (seed: string): Report => reports.get(seed)!;
const paragraph = (seed: string, id: string): Paragraph => {
  const found = report(seed).paragraphs.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`seed ${seed} has no paragraph ${id}`);
  return found;
};
const range = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, index) => String(from + index));
const numbered = (seed: string): Paragraph[] => report(seed).paragraphs.filter((candidate) => candidate.number !== null);

beforeAll(() => {
  if (!hasCorpus) return;
  for (const seed of ['000', '001', '002', '003', '004']) reports.set(seed, tagText(readSeed(seed)));
});

describe.skipIf(!hasCorpus)('seed 000: Gateshead 2019, text extracted from the PDF', () => {
  it('cites the two summary paragraphs, the four improvement bullets, then paragraphs 1-42 in order', () => {
    expect(report('000').paragraphs.map((candidate) => candidate.id)).toEqual(['summary:1', 'summary:2', 'improve:1', 'improve:2', 'improve:3', 'improve:4', ...range(1, 42)]);
  });

  it('finds the improvement bullets under a heading pasted with a double space or a tab', () => {
    for (const gap of ['  ', '\t']) {
      const pasted = tagText(readSeed('000').replace('What needs to improve', `What needs${gap}to improve`));
      expect(pasted.paragraphs.map((candidate) => candidate.id)).toEqual(report('000').paragraphs.map((candidate) => candidate.id));
    }
  });

  it('reads every paragraph number from the print', () => {
    expect(numbered('000').map((candidate) => [candidate.id, candidate.number, candidate.numberInferred])).toEqual(range(1, 42).map((id) => [id, Number(id), false]));
  });

  it('splits the summary where the PDF starts its second paragraph, though the text has no blank line', () => {
    expect(paragraph('000', 'summary:1').text).toMatch(/^Children and families in Gateshead receive a good-quality service\..*service development\.$/);
    expect(paragraph('000', 'summary:2').text).toMatch(/^Following the last inspection in 2015, .*too soon to see an impact\.$/);
  });

  it('takes the printed number and the bullet off the paragraph text', () => {
    expect(paragraph('000', '5').text).toMatch(/^The protocol for unborn babies is effective/); // " 5." after a page break
    expect(paragraph('000', 'improve:1').text).toMatch(/^Managers' and independent reviewing officers' challenge/);
    expect(report('000').paragraphs.filter(({ text }) => /^\s|^(?:\d{1,3}[.,]|[•▪◼\uF0B7-])\s/.test(text)).map(({ id, text }) => `${id}: ${text}`)).toEqual([]);
  });

  it('leaves page furniture and Ofsted boilerplate out of every paragraph', () => {
    const residue = /Inspection of |Office for Standards in Education|Crown copyright|Open Government Licence|enquiries@ofsted\.gov\.uk|www\.gov\.uk\/ofsted|Textphone|\n|\s\d{1,3}\s*$/;
    expect(report('000').paragraphs.filter(({ text }) => residue.test(text)).map(({ id, text }) => `${id}: ${text}`)).toEqual([]);
  });

  it('ends paragraph 42 at its last sentence, before the back-page boilerplate and page number', () => {
    expect(paragraph('000', '42').text).toMatch(/ work experience and apprenticeship opportunities\.$/);
  });

  it('joins a word hyphenated across a line break without a space and keeps the hyphen', () => {
    // The seed breaks "17-" / " year-olds" across lines in paragraph 14.
    expect(paragraph('000', '14').text).toContain('little evidence that homeless 16- and 17-year-olds are informed of their rights');
    expect(paragraph('000', '14').text).not.toContain('17- year-olds');
  });

  it('has the judgement table, the summary, the improvement list and three judgement sections graded good', () => {
    const sections = report('000').sections;
    expect(sections.map((section) => section.kind)).toEqual(['judgements', 'summary', 'improve', 'judgement', 'judgement', 'judgement']);
    expect(sections.filter((section) => section.kind === 'judgement').map((section) => [section.title, section.grade])).toEqual([
      [expect.stringMatching(/^The experiences and progress of children who need help and protection/), 'good'],
      [expect.stringMatching(/^The experiences and progress of children in care and care leavers/), 'good'],
      [expect.stringMatching(/^The impact of leaders on social work practice with children and families/), 'good'],
    ]);
  });

  it('places paragraphs 1-16, 17-30 and 31-42 in the three judgement sections', () => {
    const judgementSections = report('000').sections.filter((section) => section.kind === 'judgement').map((section) => section.id);
    const sectionOf = (id: string) => judgementSections.indexOf(paragraph('000', id).section);
    expect([sectionOf('1'), sectionOf('16'), sectionOf('17'), sectionOf('30'), sectionOf('31'), sectionOf('42')]).toEqual([0, 0, 1, 1, 2, 2]);
  });

  it('reads the four judgements of the grade table into metadata', () => {
    expect(report('000').metadata.judgements.map((judgement) => [judgement.areaKey, judgement.gradeKey])).toEqual([
      ['impact_of_leaders', 'good'],
      ['help_and_protection', 'good'],
      ['children_in_care_and_care_leavers', 'good'],
      ['overall_effectiveness', 'good'],
    ]);
  });
});

describe.skipIf(!hasCorpus)('seed 004: Newcastle 2022, one line per paragraph', () => {
  it('cites paragraphs 1-47 exactly, all printed', () => {
    expect(numbered('004').map((candidate) => candidate.id)).toEqual(range(1, 47));
    expect(numbered('004').every((candidate) => !candidate.numberInferred)).toBe(true);
  });

  it('keeps the summary paragraph that continues after a blank line as one paragraph', () => {
    expect(report('004').paragraphs.filter((candidate) => candidate.id.startsWith('summary:')).map((candidate) => candidate.id)).toEqual(['summary:1', 'summary:2', 'summary:3']);
    expect(paragraph('004', 'summary:3').text).toMatch(/^A stable and permanent workforce is in place/);
    expect(paragraph('004', 'summary:3').text).toContain('The lack of historic early authoritative decision-making has meant');
  });
});

describe.skipIf(!hasCorpus)('seed 003: council report on the 2021 focused visit', () => {
  it('cites the printed numbers 1-21 in order', () => {
    expect(numbered('003').map((candidate) => [candidate.id, candidate.numberInferred])).toEqual(range(1, 21).map((id) => [id, false]));
  });

  it('cites each unnumbered item as N.k after the printed paragraph N it follows', () => {
    let current = '';
    let position = 0;
    const expected = report('003').paragraphs.map((candidate) => {
      if (candidate.number !== null) {
        current = String(candidate.number);
        position = 0;
        return current;
      }
      position++;
      return `${current}.${position}`;
    });
    expect(report('003').paragraphs.map((candidate) => candidate.id)).toEqual(expected);
    expect(paragraph('003', '4.1').text).toBe('To help and protect children.');
    expect(paragraph('003', '4.4').text).toBe('The experience and progress of care leavers.');
    expect(paragraph('003', '14.1').text).toBe('The quality and impact of supervision and contingency planning for children in need.');
  });
});

describe.skipIf(!hasCorpus)('seed 002: North Tyneside 2020, OCR with most numbers lost', () => {
  const inferred = range(1, 56).filter((id) => !['1', '21', '42'].includes(id));

  it('cites paragraphs 1-56 exactly', () => {
    expect(numbered('002').map((candidate) => candidate.id)).toEqual(range(1, 56));
  });

  it('takes 1, 21 and 42 from the print and infers the rest', () => {
    expect(numbered('002').filter((candidate) => !candidate.numberInferred).map((candidate) => candidate.id)).toEqual(['1', '21', '42']);
    expect(numbered('002').filter((candidate) => candidate.numberInferred).map((candidate) => candidate.id)).toEqual(inferred);
  });

  it('says which numbers it recovered, one info message per inferred paragraph placed on it', () => {
    const recovered = report('002').messages.filter((message) => message.ruleId === 'paragraph-number-recovered');
    expect(recovered.every((message) => message.level === 'info' && message.source === 'practice-themes:structure')).toBe(true);
    const placed = recovered.map((message) => report('002').paragraphs.find((candidate) => candidate.start >= message.place.start && candidate.end <= message.place.end)?.id);
    expect(placed).toEqual(inferred);
  });

  it('places the warning about the stray second number ("21." then "22,") where it stood: at the start of paragraph 21', () => {
    const strays = report('002').messages.filter((message) => message.ruleId === 'paragraph-number-stray');
    expect(strays).toHaveLength(1);
    expect(strays[0]!.place.start).toBe(strays[0]!.place.end);
    expect(strays[0]!.place.start).toBe(paragraph('002', '21').start);
  });

  it('reports no numbering conflict', () => {
    expect(report('002').messages.filter((message) => message.ruleId === 'paragraph-number-conflict')).toEqual([]);
  });

  it('reads the OCR bullets "W" and "m" as the two improvement bullets', () => {
    expect(paragraph('002', 'improve:1').text).toMatch(/^Supervision and management oversight are not of a consistently high quality or always clearly recorded\.$/);
    expect(paragraph('002', 'improve:2').text).toMatch(/^In the absence of good-quality life-story work/);
  });
});

describe.skipIf(!hasCorpus)('seed 001: council paper in Markdown', () => {
  it('takes paragraph numbers from numbered headings ("## 16. ...") without the markup or number', () => {
    expect(paragraph('001', '16').text).toBe('Strengthen co-production and delivery of services for children with SEND and EHCP');
    expect(paragraph('001', '19').text).toBe('Strengthen our local offer for care experienced young people.'); // "#### 19. ..."
    expect(numbered('001').map((candidate) => candidate.id)).toEqual([...range(1, 15), '15(2)', ...range(16, 26)]);
  });

  it('cites the repeated printed "15" as 15(2), with a warning', () => {
    expect(paragraph('001', '15').text).toBe('Priorities for 2023/2024');
    expect(paragraph('001', '15(2)')).toMatchObject({ number: 15, text: 'Expand and strengthen our Early Help Prevention' });
    const repeated = report('001').messages.filter((message) => message.ruleId === 'paragraph-number-repeated');
    expect(repeated).toHaveLength(1);
    expect(repeated[0]).toMatchObject({ level: 'warning', source: 'practice-themes:structure' });
    expect(report('001').text.slice(repeated[0]!.place.start, repeated[0]!.place.end)).toContain('Expand and strengthen our Early Help Prevention');
  });

  it('cites unnumbered paragraphs after N as N.1, N.2, ...', () => {
    const ids = report('001').paragraphs.map((candidate) => candidate.id);
    expect(ids.slice(ids.indexOf('14'), ids.indexOf('14') + 4)).toEqual(['14', '14.1', '14.2', '14.3']);
    expect(ids.slice(ids.indexOf('15(2)'), ids.indexOf('16'))).toEqual(['15(2)', '15(2).1', '15(2).2']);
    for (const [index, id] of ids.entries()) {
      const match = /^(.+)\.(\d+)$/.exec(id);
      if (!match || id.startsWith('summary:')) continue;
      const previous = ids[index - 1]!;
      expect(previous === match[1] || previous === `${match[1]}.${Number(match[2]) - 1}`, `${id} follows ${previous}`).toBe(true);
    }
  });

  it('leaves Markdown markup out of every paragraph', () => {
    expect(report('001').paragraphs.filter(({ text }) => /\*\*|##|^#|__/.test(text)).map(({ id, text }) => `${id}: ${text}`)).toEqual([]);
  });

  it('reads a link as its text: the paper with every "Early Help" linked gives the same paragraphs and findings', () => {
    // Council papers published as web pages link their terms; the seed has no links, so this variant adds some.
    const linked = readSeed('001').replace(/Early Help(?= [a-z])/g, '[Early Help](https://www.gateshead.gov.uk/early-help)');
    expect(linked).not.toBe(readSeed('001'));
    const variant = tagText(linked);
    expect(variant.paragraphs.map(({ id, text }) => [id, text])).toEqual(report('001').paragraphs.map(({ id, text }) => [id, text]));
    const findings = (of: Report) => of.findings.map(({ paragraph, theme, polarity, sentence }) => [paragraph, theme, polarity, sentence]);
    expect(findings(variant)).toEqual(findings(report('001')));
  });
});

describe.skipIf(!hasCorpus)('pages of text input', () => {
  it('are not known: every paragraph and finding has page null', () => {
    for (const seed of ['000', '001', '002', '003', '004']) {
      expect(new Set([...report(seed).paragraphs, ...report(seed).findings].map((item) => item.page))).toEqual(new Set([null]));
    }
  });
});
