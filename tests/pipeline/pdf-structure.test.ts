/**
 * Every shared PDF yields its numbered paragraphs in order, with the numbers it prints, and no
 * page furniture (running headers, page numbers, footnotes, boilerplate) inside any paragraph.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tagReport, type Report } from 'practice-themes';
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
];

it('the shared corpus has the eighteen PDFs this test knows', () => {
  expect(pdfFiles.map((file) => file.replace(/\.pdf$/, ''))).toEqual(Object.keys(lastNumber).sort());
});

describe.each(pdfFiles)('%s', (file) => {
  const name = file.replace(/\.pdf$/, '');
  let report: Report;
  beforeAll(async () => {
    report = await tagReport(readFileSync(`${corpusDir}pdfs/${file}`));
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

  it('cites unique ids', () => {
    expect(new Set(report.paragraphs.map((paragraph) => paragraph.id)).size).toBe(report.paragraphs.length);
  });
});
