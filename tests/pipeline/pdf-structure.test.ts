/**
 * Every shared PDF yields its numbered paragraphs in order, with the numbers it prints, and no
 * page furniture (running headers, page numbers, footnotes, contents pages, boilerplate) inside
 * any paragraph — also when its text arrives pasted rather than as the PDF.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { originOf, tagReport, tagText, type Report } from 'practice-themes';
import { extractPdfText } from '../../src/ingest/pdf.js';
import { corpusDir, pdfFiles } from '../helpers/corpus.js';

// The last printed paragraph number of each report, read off the PDFs.
const lastNumber: Record<string, number> = {
  'bedford-2025': 57, 'birmingham-2016': 124, 'blackpool-2023': 47, 'dorset-2025': 59, 'gateshead-2019': 42,
  'gateshead-2025': 60, 'havering-2024': 50, 'knowsley-2025': 64, 'lambeth-2026': 69, 'leeds-2025': 64,
  'liverpool-2026': 76, 'newcastle-upon-tyne-2022': 47, 'newcastle-upon-tyne-2025': 67, 'norfolk-2018': 64,
  'north-tyneside-2020': 56, 'sheffield-2023': 66, 'somerset-2026': 43, 'worcestershire-2023': 62,
};

const residue = [
  /Inspection of [A-Z][\w -]* (?:local authority )?children'?s services/, // the running header (prose says "inspection of")
  /Office for Standards in Education/,
  /Crown copyright/,
  /have been cross-referenced with the outcomes, enablers or principles/,
  /(?:^|\n)\s*\d{1,3}\s*(?:\n|$)/, // a page number on a line of its own
  /\f/,
  /^\d{1,2}\s+[A-Z]/, // a footnote: its number, a space, no full stop ("2 These are residential ...")
  /[.)%]\s+\d{1,2}\s+[A-Z][a-z]*\s/, // ... or one run into the paragraph its page ends
  /\t\d{1,3}$/, // a contents page entry
  /_{10,}|^\(\d{1,2}\)\s/, // a footnote separator, or a note below it ("(1) ONS 2015 mid-year ...")
];

// How the extracted text of a PDF comes out of a PDF viewer's copy and paste.
const pastes: Record<string, (text: string) => string> = {
  'without page breaks': (text) => text.replace(/\n?\f\n?/g, '\n'),
  'with tabs as spaces': (text) => text.replace(/\t/g, ' '),
  'with CRLF line ends': (text) => text.replace(/\n/g, '\r\n'),
};

it('the shared corpus has the eighteen PDFs this test knows', () => {
  expect(pdfFiles.map((file) => file.replace(/\.pdf$/, ''))).toEqual(Object.keys(lastNumber).sort());
});

describe.each(pdfFiles)('%s', (file) => {
  const name = file.replace(/\.pdf$/, '');
  let report: Report;
  let extracted = '';
  let extractedPages: { start: number; end: number }[] = [];
  beforeAll(async () => {
    const bytes = readFileSync(`${corpusDir}pdfs/${file}`);
    report = await tagReport(bytes);
    ({ text: extracted, pages: extractedPages } = await extractPdfText(new Uint8Array(bytes)));
  });

  it('numbers its paragraphs 1..N as printed, in order', () => {
    const numbered = report.paragraphs.filter((paragraph) => paragraph.number !== null);
    expect(numbered.every((paragraph) => !paragraph.numberInferred)).toBe(true);
    // Lambeth 2026 prints 57 twice: the second is cited 57(2) and the sequence goes on from 58.
    const expected = Array.from({ length: lastNumber[name]! }, (_, index) => String(index + 1));
    if (name === 'lambeth-2026') expected.splice(57, 0, '57(2)');
    expect(numbered.map((paragraph) => paragraph.id)).toEqual(expected);
  });

  it('has no header, footer or boilerplate residue in any paragraph', () => {
    for (const paragraph of report.paragraphs) for (const pattern of residue) expect(paragraph.text, `¶${paragraph.id}`).not.toMatch(pattern);
  });

  it.each(Object.keys(pastes))('reads the same pasted as text %s: paragraphs, ids, findings and metadata', (paste) => {
    const pasted = tagText(pastes[paste]!(extracted));
    const withoutSpaces = (text: string) => text.replace(/\s+/g, '');
    expect(pasted.paragraphs.map((paragraph) => [paragraph.id, withoutSpaces(paragraph.text)])).toEqual(report.paragraphs.map((paragraph) => [paragraph.id, withoutSpaces(paragraph.text)]));
    const findings = (tagged: Report) => tagged.findings.map((finding) => `${finding.paragraph} ${finding.theme} ${finding.polarity}`);
    expect(findings(pasted)).toEqual(findings(report));
    expect(pasted.metadata).toEqual(report.metadata);
  });

  it('gives each paragraph the page it starts on, and each finding the page its sentence starts on', () => {
    const loose = (text: string) => text.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[\u2022\uF0B7]/g, '').replace(/\s+/g, ' ');
    const pageTexts = extracted.split('\f').map(loose);
    let previous = 1;
    for (const paragraph of report.paragraphs) {
      // Read independently of the mapping: the page's own text holds the paragraph's first words.
      expect(pageTexts[paragraph.page! - 1], `¶${paragraph.id} on page ${paragraph.page}`).toContain(loose(paragraph.text).split(' ').slice(0, 5).join(' '));
      expect(paragraph.page!).toBeGreaterThanOrEqual(previous);
      previous = paragraph.page!;
    }
    // A sentence may start at a page's foot and go on overleaf: its first character is on its page.
    for (const finding of report.findings) {
      const origin = originOf(report.origins, finding.start);
      const page = extractedPages[finding.page! - 1]!;
      expect(origin >= page.start && origin < page.end, `finding in ¶${finding.paragraph} on page ${finding.page}`).toBe(true);
    }
  });

  it('cites unique ids', () => {
    expect(new Set(report.paragraphs.map((paragraph) => paragraph.id)).size).toBe(report.paragraphs.length);
  });
});

// A footnote at a page's foot is set aside; a wrapped sentence whose line happens to start with a
// number at the foot of a page is not ("Between\n1 April and 30 June 2016, 86% ...\n\n37\n\f").
it('keeps a wrapped line that starts with a number at the foot of a page in its paragraph', async () => {
  const report = await tagReport(readFileSync(`${corpusDir}pdfs/birmingham-2016.pdf`));
  const sentence = 'Between 1 April and 30 June 2016, 86% of social workers received supervision at least monthly.';
  expect(report.paragraphs.filter((paragraph) => paragraph.text.includes(sentence))).toHaveLength(1);
});
