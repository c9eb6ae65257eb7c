/**
 * readMetadata on hand-built structures: one layout or edge case per test.
 */
import { describe, expect, it } from 'vitest';
import type { Section, Structure } from '../../src/structure/index.js';
import { readMetadata } from '../../src/structure/metadata.js';

function structureOf(parts: { frontLines?: string[]; tableLines?: string[]; text?: string; genre?: 'ofsted' | 'council'; sections?: Section[] }): Structure {
  const frontLines = parts.frontLines ?? [];
  const tableLines = parts.tableLines ?? [];
  const text = parts.text ?? [frontLines.join('\n'), tableLines.join('\n')].filter(Boolean).join('\n\n');
  return { genre: parts.genre ?? 'ofsted', text, origins: new Int32Array(text.length), sections: parts.sections ?? [], paragraphs: [], pageAt: () => null, frontLines, tableLines, messages: [] };
}

const cover = ["Inspection of Newcastle local authority children's services", 'Inspection dates: 29 November to 10 December 2021', "Lead inspector: Louise Hollick, Her Majesty's Inspector"];

describe('readMetadata', () => {
  it('reads the cover of an ILACS report', () => {
    const metadata = readMetadata(structureOf({ frontLines: cover }));
    expect(metadata).toMatchObject({
      reportKind: 'ilacs',
      inspectionType: 'standard',
      title: "Inspection of Newcastle local authority children's services",
      localAuthority: 'Newcastle',
      inspectionDates: '29 November to 10 December 2021',
      inspectionStart: '2021-11-29',
      inspectionEnd: '2021-12-10',
      publicationDate: null,
      leadInspector: 'Louise Hollick',
    });
  });

  it('reads a tab-separated table with the combined children in care and care leavers judgement', () => {
    const tableLines = [
      'Judgement\tGrade',
      'The impact of leaders on social work practice with children and families\tGood',
      'The experiences and progress of children who need help and protection\tRequires improvement to be good',
      'The experiences and progress of children in care and care leavers\tOutstanding',
      'Overall effectiveness\tInadequate',
    ];
    expect(readMetadata(structureOf({ frontLines: cover, tableLines })).judgements.map(({ areaKey, gradeKey }) => [areaKey, gradeKey])).toEqual([
      ['impact_of_leaders', 'good'],
      ['help_and_protection', 'requires_improvement'],
      ['children_in_care_and_care_leavers', 'outstanding'],
      ['overall_effectiveness', 'inadequate'],
    ]);
  });

  it('reads the post-April-2026 table: care leavers judged separately, no overall effectiveness', () => {
    const tableLines = [
      'Judgement\tGrade',
      'The impact of leaders on social work',
      'practice with children and families\tGood',
      'The experiences and progress of',
      'children who need help and protection\tGood',
      'The experiences and progress of',
      'children in care\tGood',
      'The experiences and progress of care',
      'leavers\tRequires improvement to be good',
    ];
    const judgements = readMetadata(structureOf({ frontLines: cover, tableLines })).judgements;
    expect(judgements.map((judgement) => judgement.areaKey)).toEqual(['impact_of_leaders', 'help_and_protection', 'children_in_care', 'care_leavers']);
    expect(judgements[3]).toEqual({ area: 'The experiences and progress of care leavers', areaKey: 'care_leavers', grade: 'Requires improvement to be good', gradeKey: 'requires_improvement' });
  });

  it('restores "The experiences and progress of" when the label lost its first line', () => {
    const tableLines = ['Judgement\tGrade', 'children who need help and protection\tGood', 'children care leavers\tOutstanding'];
    expect(readMetadata(structureOf({ tableLines })).judgements.map(({ area, areaKey }) => [area, areaKey])).toEqual([
      ['The experiences and progress of children who need help and protection', 'help_and_protection'],
      ['The experiences and progress of children care leavers', 'care_leavers'],
    ]);
  });

  it('pairs a grade printed inside a wrapped label (OCR) with that label', () => {
    const tableLines = [
      'Judgement Grade',
      'The impact of leaders on social work practice with children',
      'and families Outstanding',
      'The experiences and progress of children who need help and Outstanding',
      'protection',
      'The experiences and progress of children in care and care Good',
      'leavers',
      'Overall effectiveness Outstanding',
    ];
    expect(readMetadata(structureOf({ tableLines })).judgements.map(({ areaKey, grade }) => [areaKey, grade])).toEqual([
      ['impact_of_leaders', 'Outstanding'],
      ['help_and_protection', 'Outstanding'],
      ['children_in_care_and_care_leavers', 'Good'],
      ['overall_effectiveness', 'Outstanding'],
    ]);
  });

  it('reads a pasted table with the header and every grade on lines of their own', () => {
    const tableLines = ['Judgement', 'Grade', 'The impact of leaders on social work practice with children', 'and families', 'Good', 'Overall effectiveness', 'Good'];
    expect(readMetadata(structureOf({ tableLines })).judgements.map(({ areaKey, gradeKey }) => [areaKey, gradeKey])).toEqual([
      ['impact_of_leaders', 'good'],
      ['overall_effectiveness', 'good'],
    ]);
  });

  it('reads the 2019 cover and table when they run together in the first paragraph', () => {
    const text =
      "Gateshead Borough Council Inspection of children's social care services Inspection dates: 29 April 2019 to 3 May 2019 Lead inspector: Jan Edwards Her Majesty's Inspector Judgement\tGrade The impact of leaders on social work practice with children and families\tGood Overall effectiveness\tGood Children and families in Gateshead receive a good-quality service.";
    const metadata = readMetadata(structureOf({ text }));
    expect(metadata).toMatchObject({
      reportKind: 'ilacs',
      inspectionType: 'short',
      title: "Inspection of children's social care services",
      localAuthority: 'Gateshead',
      localAuthorityAsPrinted: 'Gateshead Borough Council',
      inspectionStart: '2019-04-29',
      inspectionEnd: '2019-05-03',
      leadInspector: 'Jan Edwards',
    });
    expect(metadata.judgements.map((judgement) => judgement.areaKey)).toEqual(['impact_of_leaders', 'overall_effectiveness']);
  });

  it('reads the single inspection framework layout: headline, numbered table, publication date, lead inspector at the end', () => {
    const text =
      "Norfolk Council Re-inspection of services for children in need of help and protection, children looked after and care leavers Inspection date: 13 November 2017 to 24 November 2017 Report published: 19 January 2018 Children's services in Norfolk requires improvement to be good\n\n1. Children who need help and protection\tRequires improvement\n\n2. Children looked after and achieving permanence\tRequires improvement 2.1 Adoption performance\tOutstanding 2.2 Experiences and progress of care leavers\tRequires improvement\n\n3. Leadership, management and governance\tRequires improvement Executive summary After a faltering start...\n\nThe inspection team Lead inspector: Donna Marriott Deputy lead inspector: Mandy Nightingale";
    const metadata = readMetadata(structureOf({ text }));
    expect(metadata).toMatchObject({
      reportKind: 'single-inspection-framework',
      inspectionType: null,
      localAuthority: 'Norfolk',
      inspectionDates: '13 November 2017 to 24 November 2017',
      publicationDate: '19 January 2018',
      publishedOn: '2018-01-19',
      leadInspector: 'Donna Marriott',
    });
    expect(metadata.judgements.map(({ areaKey, gradeKey }) => [areaKey, gradeKey])).toEqual([
      ['overall_effectiveness', 'requires_improvement'],
      ['sif_help_and_protection', 'requires_improvement'],
      ['sif_looked_after_and_permanence', 'requires_improvement'],
      ['sif_adoption_performance', 'outstanding'],
      ['sif_care_leavers', 'requires_improvement'],
      ['sif_leadership_management_governance', 'requires_improvement'],
    ]);
  });

  it('dates a range that crosses the new year', () => {
    const metadata = readMetadata(structureOf({ frontLines: ["Inspection of Kent local authority children's services", 'Inspection dates: 29 December to 9 January 2026'] }));
    expect([metadata.inspectionStart, metadata.inspectionEnd]).toEqual(['2025-12-29', '2026-01-09']);
  });

  it('falls back to the page footer dates when the cover prints none', () => {
    const metadata = readMetadata(structureOf({ text: "Inspection of Newcastle upon Tyne local authority children's services\n12 to 16 May 2025\n\nSummary text." }));
    expect(metadata).toMatchObject({ inspectionDates: '12 to 16 May 2025', inspectionStart: '2025-05-12', inspectionEnd: '2025-05-16', inspectionType: 'short' });
  });

  it('reads a focused visit letter', () => {
    const metadata = readMetadata(structureOf({ frontLines: ["Focused visit to Bedford Borough Council children's services", 'Lead inspector: Amanda Maxwell, His Majesty\'s Inspector'] }));
    expect(metadata).toMatchObject({ reportKind: 'focused-visit', localAuthority: 'Bedford', leadInspector: 'Amanda Maxwell', judgements: [] });
  });

  it('reads a council paper: its title and the date on its cover', () => {
    const frontLines = ['07 March 2024', 'TITLE OF REPORT: Journey to Excellence...The story so far...', 'REPORT OF: Andrea Houlahan, Deputy Strategic Director,'];
    expect(readMetadata(structureOf({ frontLines, genre: 'council' }))).toMatchObject({
      reportKind: 'council-report',
      title: 'Journey to Excellence...The story so far...',
      publicationDate: '07 March 2024',
      publishedOn: '2024-03-07',
      leadInspector: null,
      judgements: [],
    });
  });

  it('falls back to the judgement section headings when there is no table', () => {
    const sections: Section[] = [{ id: 'section:1', kind: 'judgement', title: 'The experiences and progress of children in care', grade: 'good', start: 0, end: 0 }];
    expect(readMetadata(structureOf({ text: 'Some text.', sections })).judgements).toEqual([
      { area: 'The experiences and progress of children in care', areaKey: 'children_in_care', grade: 'good', gradeKey: 'good' },
    ]);
  });

  it('leaves what is not printed null', () => {
    expect(readMetadata(structureOf({ text: 'Just a paragraph of text about supervision.' }))).toEqual({
      reportKind: 'unknown',
      inspectionType: null,
      title: null,
      localAuthority: null,
      localAuthorityAsPrinted: null,
      inspectionDates: null,
      inspectionStart: null,
      inspectionEnd: null,
      publicationDate: null,
      publishedOn: null,
      leadInspector: null,
      judgements: [],
    });
  });
});
