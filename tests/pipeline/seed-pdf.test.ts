/**
 * Seeds 000, 002 and 004 are text pasted from three of the shared PDFs. Read from the PDF as
 * published, each report must give the same citation ids and paragraph texts (modulo white space).
 * Hyphens are compared loosely too: seed 000's paste dropped the hyphen of words split at a line end
 * ("multi-" / "agency" became "multiagency"), which the PDF reading rightly keeps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tagReport, tagText } from 'practice-themes';
import { corpusDir, readSeed } from '../helpers/corpus.js';

const pairs = [
  ['000', 'gateshead-2019'],
  ['002', 'north-tyneside-2020'],
  ['004', 'newcastle-upon-tyne-2022'],
] as const;
const squash = (text: string) => text.replace(/[\s-]+/g, '');

describe.each(pairs)('seed %s and pdfs/%s.pdf', (seed, pdf) => {
  it('give the same paragraph ids and texts', async () => {
    const fromText = tagText(readSeed(seed));
    const fromPdf = await tagReport(readFileSync(`${corpusDir}pdfs/${pdf}.pdf`));
    expect(fromPdf.paragraphs.map((paragraph) => paragraph.id)).toEqual(fromText.paragraphs.map((paragraph) => paragraph.id));
    expect(fromPdf.paragraphs.map((paragraph) => squash(paragraph.text))).toEqual(fromText.paragraphs.map((paragraph) => squash(paragraph.text)));
  });
});
